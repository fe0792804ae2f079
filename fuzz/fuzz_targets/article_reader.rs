//! The article reader on arbitrary bytes, as a text article and as JSON Lines (compressed or
//! not, told from the content): every input is an article or a rejection, never a panic, and
//! every article read is dated within the years news has.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), data).expect("write");
    std::fs::write(dir.path().join("b.jsonl"), data).expect("write");
    let inputs = [claimset::Input::Path(dir.path().to_path_buf())];
    for item in claimset::Reader::new(&inputs).expect("the inputs exist") {
        if let claimset::Item::Article(a) = item {
            assert!(claimset::DATE_YEARS.contains(&chrono_year(&a)));
            assert!(!a.body.trim().is_empty());
            assert!(claimset::publisher(&a.url).is_some());
        }
    }
});

fn chrono_year(a: &claimset::Article) -> i32 {
    a.date.to_string()[..4].parse().unwrap_or(i32::MIN)
}
