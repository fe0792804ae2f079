//! The correction parser on arbitrary bytes: a file in corrections/ is loaded, checked and
//! applied to an article, reporting problems, never panicking.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let corrections = dir.path().join("corrections");
    std::fs::create_dir_all(&corrections).expect("mkdir");
    std::fs::write(corrections.join("c0000000000000001-set.toml"), data).expect("write");
    let (loaded, _problems) =
        claimset::Corrections::load_dir(dir.path(), &corrections).expect("loads");
    let article = claimset::Article {
        id: "a1".into(),
        title: None,
        date: claimset::parse_date("20220201").expect("date"),
        url: "https://example.com/a1".into(),
        publisher: "example.com".into(),
        body: "Ruiz said the bridge will open. \"It will,\" she said of the bridge.".into(),
        location: claimset::Location {
            file: Arc::from("articles/a1.txt"),
            line: None,
        },
    };
    let claims = claimset::claims(&article);
    let _ = loaded.apply(&article, claims);
});
