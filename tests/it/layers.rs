//! Dependencies run one way: no module of the library names a module that names it back,
//! between top-level modules (`crate::x`) and between the files of one folder module
//! (`super::y`). A newcomer can then read the tree top-down as the data flow.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "bin") {
                sources(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Words following `prefix` in `text` that name a module (lowercase identifiers).
fn named_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (k, _) in text.match_indices(prefix) {
        let rest = &text[k + prefix.len()..];
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        // A module is followed by `::`; a function or constant at the root is not.
        if !word.is_empty() && rest[word.len()..].starts_with("::") {
            out.insert(word);
        }
    }
    out
}

/// The first cycle in `graph`, as a path that returns to its start.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut c = stack[at..].to_vec();
            c.push(n.to_owned());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_owned());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    // Top-level modules, and the files of each folder module.
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut inner: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        if parts == ["lib"] {
            continue; // the facade re-exports everything
        }
        let text = std::fs::read_to_string(f).expect("source");
        // Tests may reach anywhere; only the code that ships must run one way.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        let module = parts[0].clone();
        let deps = top.entry(module.clone()).or_default();
        deps.extend(
            named_after(code, "crate::")
                .into_iter()
                .filter(|m| *m != module),
        );
        if parts.len() >= 2 && parts[parts.len() - 1] != "mod" {
            // A file of a folder module: its siblings are reached by `super::`.
            let folder = parts[..parts.len() - 1].join("/");
            let me = parts[parts.len() - 1].clone();
            let siblings = inner.entry(folder).or_default();
            siblings.entry(me.clone()).or_default().extend(
                named_after(code, "super::")
                    .into_iter()
                    .filter(|m| *m != me && *m != "super"),
            );
        }
    }
    assert!(top.len() > 8, "modules found: {:?}", top.keys());
    if let Some(c) = cycle(&top) {
        panic!("modules import each other: {}", c.join(" → "));
    }
    for (folder, graph) in &inner {
        if let Some(c) = cycle(graph) {
            panic!("in src/{folder}/: {}", c.join(" → "));
        }
    }
}
