//! The dataset card, its chart, the Croissant description and `releases/latest`: written by
//! `release`, computed from the latest release alone, byte-deterministic, and committed fresh
//! for every shipped dataset.

use std::path::{Path, PathBuf};

use claimset::{Dataset, ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};
use serde_json::Value;

fn options(target: Target) -> Options {
    Options {
        bump: None,
        target,
        jobs: 0,
        meter: None,
    }
}

/// Every shipped dataset that has a release.
fn shipped() -> Vec<Dataset> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("datasets/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("dataset.toml").is_file())
        .collect();
    dirs.sort();
    let found: Vec<Dataset> = dirs
        .iter()
        .map(|d| Dataset::open(d).expect("dataset"))
        .filter(|d| !d.releases().expect("releases").is_empty())
        .collect();
    assert!(!found.is_empty(), "no released dataset");
    found
}

fn card_of(dataset: &Dataset) -> claimset::Card {
    claimset::card(dataset)
        .expect("card")
        .expect("a released dataset has a card")
}

/// The card of each shipped dataset, as text: a change to what it says shows here.
#[test]
fn shipped_card() {
    for dataset in shipped() {
        let card = card_of(&dataset);
        insta::with_settings!({ snapshot_suffix => dataset.name.clone() }, {
            insta::assert_snapshot!(card.readme);
        });
    }
}

/// What `release` would write for each shipped dataset is what is committed: the card, its
/// chart, the Croissant description, and `releases/latest` pointing at the latest release.
#[test]
fn committed_cards_are_fresh() {
    for dataset in shipped() {
        let card = card_of(&dataset);
        if std::env::var_os("CLAIMSET_BLESS").is_some() {
            card.write(&dataset).expect("write the card");
            continue;
        }
        for (name, text) in [
            (claimset::CARD_FILE, &card.readme),
            (claimset::CHART_FILE, &card.chart),
            (claimset::CROISSANT_FILE, &card.croissant),
        ] {
            let committed = std::fs::read_to_string(dataset.root.join(name)).unwrap_or_default();
            assert!(
                committed == *text,
                "datasets/{}/{name} is stale: run `claimset release datasets/{}` (or \
                 `CLAIMSET_BLESS=1 cargo test --test it card::`) and commit the result",
                dataset.name,
                dataset.name
            );
        }
        let latest = dataset.releases_dir().join(claimset::LATEST);
        assert_eq!(
            std::fs::read_link(&latest).expect("releases/latest is a symbolic link"),
            PathBuf::from(card.version.to_string()),
            "datasets/{}/releases/latest points at the latest release",
            dataset.name
        );
    }
}

/// The card's header: what Hugging Face reads, with `configs` on the latest release.
#[test]
fn the_card_header_is_what_hugging_face_reads() {
    for dataset in shipped() {
        let card = card_of(&dataset);
        let header = card
            .readme
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map(|(h, _)| h)
            .expect("a YAML header between --- lines");
        for key in [
            "license:",
            "language:",
            "pretty_name:",
            "size_categories:",
            "task_categories:",
            "tags:",
            "configs:",
        ] {
            assert!(
                header.lines().any(|l| l.starts_with(key)),
                "{}: no {key}",
                dataset.name
            );
        }
        let v = card.version;
        for table in ["claims", "articles"] {
            let path = format!("    path: releases/{v}/{table}.parquet");
            assert!(header.contains(&path), "{}: no {path}", dataset.name);
            assert!(
                dataset
                    .release_dir(&v)
                    .join(format!("{table}.parquet"))
                    .is_file()
            );
        }
        assert!(header.contains("- config_name: claims\n  default: true\n"));
    }
}

/// The Croissant description names every file of the latest release with the SHA-256 its
/// manifest gives (the manifest's own, read from disk), and every column of both tables with
/// its type.
#[test]
fn croissant_describes_every_file_and_column() {
    for dataset in shipped() {
        let card = card_of(&dataset);
        let dir = dataset.release_dir(&card.version);
        let json: Value = serde_json::from_str(&card.croissant).expect("croissant is JSON");
        assert_eq!(json["conformsTo"], "http://mlcommons.org/croissant/1.0");
        assert_eq!(json["version"], card.version.to_string());
        let manifest = claimset::Manifest::read(&dir).expect("manifest");
        let files = json["distribution"].as_array().expect("distribution");
        assert_eq!(
            files.len(),
            manifest.files.len() + 1,
            "every file and the manifest"
        );
        for f in files {
            let name = f["name"].as_str().expect("name");
            let url = f["contentUrl"].as_str().expect("contentUrl");
            assert_eq!(url, format!("releases/{}/{name}", card.version));
            let on_disk = sha256(&dataset.root.join(url));
            assert_eq!(f["sha256"], on_disk, "{url}");
            if let Some(entry) = manifest.files.iter().find(|e| e.name == name) {
                assert_eq!(f["sha256"], entry.sha256.as_str(), "{url}");
            }
        }
        for (set, columns) in [
            ("claims", claimset::claim_columns()),
            ("articles", claimset::article_columns()),
        ] {
            let rs = json["recordSet"]
                .as_array()
                .expect("record sets")
                .iter()
                .find(|r| r["name"] == set)
                .expect("a record set per table");
            let fields = rs["field"].as_array().expect("fields");
            let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
            let expected: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, expected, "{set}: every column, in order");
            for (f, c) in fields.iter().zip(columns) {
                let want = match c.kind {
                    claimset::Kind::Text => "sc:Text",
                    claimset::Kind::Date => "sc:Date",
                    claimset::Kind::Int => "sc:Integer",
                };
                assert_eq!(f["dataType"], want, "{set}/{}", c.name);
                assert_eq!(f["source"]["extract"]["column"], c.name.as_str());
            }
        }
    }
}

fn sha256(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write as _;
    let bytes = std::fs::read(path).expect("file");
    Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// Publishing writes the card and points `releases/latest` at the new release; publishing
/// with nothing new writes the card again; the next release updates both; the release folders
/// hold only their own files; a preview writes none of it.
#[test]
fn release_writes_and_updates_the_card() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");

    let out = tempfile::tempdir().expect("out");
    claimset::release(
        &dataset,
        &options(Target::Directory(out.path().to_path_buf())),
    )
    .expect("preview");
    assert!(
        !root.join(claimset::CARD_FILE).exists(),
        "a preview writes no card"
    );

    claimset::release(&dataset, &options(Target::Publish)).expect("release");
    let readme = std::fs::read_to_string(root.join(claimset::CARD_FILE)).expect("card");
    assert!(readme.contains("path: releases/1.0.0/claims.parquet"));
    assert!(readme.contains("**Release 1.0.0**: 14 claims from 1 article"));
    assert!(root.join(claimset::CHART_FILE).is_file());
    assert!(root.join(claimset::CROISSANT_FILE).is_file());
    let latest = root.join("releases").join(claimset::LATEST);
    assert_eq!(
        std::fs::read_link(&latest).expect("link"),
        PathBuf::from("1.0.0")
    );
    assert!(latest.join("claims.parquet").is_file(), "the link resolves");

    // Up to date: nothing is released, and the card is written again all the same.
    std::fs::remove_file(root.join(claimset::CARD_FILE)).expect("remove the card");
    match claimset::release(&dataset, &options(Target::Publish)).expect("release") {
        Outcome::UpToDate(v) => assert_eq!(v.to_string(), "1.0.0"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(root.join(claimset::CARD_FILE)).expect("card again"),
        readme
    );

    // A new article: a new release, and the card and link move to it.
    std::fs::write(
        root.join("articles/bridge.txt"),
        "Bridge to reopen\n20220301\nhttps://example.com/bridge\nThe bridge will reopen in May, \
         Mayor Ana Ruiz said on Saturday.\n",
    )
    .expect("write an article");
    match claimset::release(&dataset, &options(Target::Publish)).expect("release") {
        Outcome::Released(r) => assert_eq!(r.version.to_string(), "1.1.0"),
        other => panic!("{other:?}"),
    }
    let readme = std::fs::read_to_string(root.join(claimset::CARD_FILE)).expect("card");
    assert!(readme.contains("path: releases/1.1.0/claims.parquet"));
    assert_eq!(
        std::fs::read_link(&latest).expect("link"),
        PathBuf::from("1.1.0")
    );
    for v in ["1.0.0", "1.1.0"] {
        let mut names: Vec<String> = std::fs::read_dir(root.join("releases").join(v))
            .expect("release")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["articles.parquet", "claims.parquet", "manifest.json"],
            "release {v} holds its own files only"
        );
    }
    assert_eq!(
        dataset.releases().expect("releases").len(),
        2,
        "latest is no version"
    );
}

/// The same release gives the same card, chart and Croissant bytes wherever the dataset is.
#[test]
fn cards_are_byte_deterministic() {
    let mut cards = Vec::new();
    for _ in 0..2 {
        let (tmp, root) = crate::common::dataset_copy();
        let dataset = Dataset::open(&root).expect("dataset");
        claimset::release(&dataset, &options(Target::Publish)).expect("release");
        let files = [
            claimset::CARD_FILE,
            claimset::CHART_FILE,
            claimset::CROISSANT_FILE,
        ]
        .map(|f| std::fs::read(root.join(f)).expect("file"));
        cards.push(files);
        drop(tmp);
    }
    assert!(cards[0] == cards[1], "two cards of one release differ");
}
