//! Every dataset under `datasets/` has readable metadata and articles: at least one article
//! file, or an input kept elsewhere (`[[inputs]]`), which a clone need not have.

use std::path::Path;

#[test]
fn every_dataset_has_metadata_and_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).expect("datasets/ exists") {
        let dir = entry.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        seen += 1;
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(dir.join("dataset.toml"))
            .unwrap_or_else(|e| panic!("datasets/{name}/dataset.toml: {e}"));
        let meta: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("datasets/{name}/dataset.toml: {e}"));
        for key in [
            "name",
            "title",
            "description",
            "source",
            "licence",
            "language",
        ] {
            let value = meta.get(key).and_then(toml::Value::as_str);
            assert!(
                value.is_some_and(|v| !v.trim().is_empty()),
                "datasets/{name}/dataset.toml: `{key}` must be a non-empty string"
            );
        }
        let external = meta
            .get("inputs")
            .and_then(toml::Value::as_array)
            .is_some_and(|inputs| !inputs.is_empty());
        let articles = match std::fs::read_dir(dir.join("articles")) {
            Ok(entries) => entries.count(),
            Err(e) if external && e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => panic!("datasets/{name}/articles: {e}"),
        };
        assert!(
            articles > 0 || external,
            "datasets/{name}: no articles in articles/ and no [[inputs]]"
        );
    }
    assert!(seen > 0, "no datasets");
}
