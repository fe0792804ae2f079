//! The Parquet record reader on arbitrary bytes (seeded with the committed releases' tables):
//! validate, the rows reader and diff report what they cannot read, never panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static HOOK: std::sync::Once = std::sync::Once::new();

/// Compiled once: the schema is the same for every input.
static VALIDATOR: LazyLock<claimset::RecordValidator> =
    LazyLock::new(claimset::RecordValidator::new);

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys's panic hook aborts on any panic, even one claimset catches (the parquet
    // crate asserts on some corrupt metadata, and claimset turns that into an error). A
    // panic that escapes still aborts: the harness checks the closure's result itself.
    HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("claims.parquet");
    std::fs::write(&path, data).expect("write");
    let _ = claimset::validate_file(&path, &VALIDATOR, &mut |_| {});
    let _ = claimset::read_rows(&path, claimset::claim_columns(), |_, _| Ok(()));
    let _ = claimset::diff_files(&path, &path);
});
