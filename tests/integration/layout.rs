//! The source layout: one folder per phase, and no file that imports, directly or through
//! others, a file that imports it back. Checked from the source text: every `crate::` path
//! outside comments is resolved to the file that defines it (`src/a/b.rs` or
//! `src/a/b/mod.rs`), and the graph of those references must have no cycle. A folder's
//! `mod.rs` that only declares and re-exports its files is a facade: code inside the crate
//! names the defining file, never a facade, so that a re-export is not mistaken for a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/policy/rule_set.rs` is `policy::rule_set`,
/// `src/case/mod.rs` is `case`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without comments and without its unit test modules (any `mod` under
/// `#[cfg(test)]`, which may use anything), wherever they are in the file.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        // Skip to the end of the item: a braced block, matched brace for brace.
        let Some(open) = after.find('{') else {
            rest = "";
            break;
        };
        let end = open + block_len(&after[open..]);
        rest = after.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The length of the braced block `code` starts with, matching braces outside string and
/// character literals (test code is full of `"{}"`).
fn block_len(code: &str) -> usize {
    let b = code.as_bytes();
    let mut depth = 0usize;
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            b'r' if b.get(k + 1) == Some(&b'#') || b.get(k + 1) == Some(&b'"') => {
                // A raw string: r"…" or r#"…"#.
                let hashes = b[k + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(k + 1 + hashes) == Some(&b'"') {
                    let close: Vec<u8> = std::iter::once(b'"')
                        .chain(std::iter::repeat_n(b'#', hashes))
                        .collect();
                    let from = k + 2 + hashes;
                    k = b[from..]
                        .windows(close.len())
                        .position(|w| w == close.as_slice())
                        .map_or(b.len(), |p| from + p + close.len());
                    continue;
                }
            }
            b'"' => {
                // A string, with its escapes.
                k += 1;
                while k < b.len() && b[k] != b'"' {
                    k += if b[k] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' => {
                // A character literal ('{', '\'', '\u{…}'), not a lifetime.
                if b.get(k + 1) == Some(&b'\\') {
                    k += 2;
                    while k < b.len() && b[k] != b'\'' {
                        k += 1;
                    }
                } else if b.get(k + 2) == Some(&b'\'') {
                    k += 2;
                }
            }
            _ => {}
        }
        k += 1;
    }
    b.len()
}

/// Whether a folder's `mod.rs` only declares and re-exports its files.
fn is_facade(code: &str) -> bool {
    code.lines().map(str::trim).all(|l| {
        l.is_empty()
            || l.starts_with("pub(crate) mod ")
            || l.starts_with("pub mod ")
            || l.starts_with("mod ")
            || l.starts_with("pub use ")
    })
}

struct Graph {
    /// module -> modules it names.
    edges: BTreeMap<String, BTreeSet<String>>,
    facades: BTreeSet<String>,
}

fn graph() -> Graph {
    let src = crate::common::root("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut code: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        code.insert(module_of(&src, f), code_of(&text));
    }
    let modules: BTreeSet<String> = code.keys().cloned().collect();
    let facades: BTreeSet<String> = code
        .iter()
        .filter(|(m, c)| !m.is_empty() && is_facade(c))
        .map(|(m, _)| m.clone())
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, c) in &code {
        let mut to = BTreeSet::new();
        for (i, _) in c.match_indices("crate::") {
            let rest = &c[i + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_' || *ch == ':')
                .collect();
            // The longest prefix of the path that is a module.
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|p| modules.contains(p))
                .unwrap_or_default(); // the crate root
            if &target != m {
                to.insert(target);
            }
        }
        // Paths relative to the file: `self::…` and `super::…` anywhere (brace groups
        // included), and `use child::…` (a submodule).
        let here: Vec<&str> = m.split("::").filter(|s| !s.is_empty()).collect();
        let mut relative: Vec<(Vec<&str>, String)> = Vec::new();
        for (prefix, base) in [
            ("self::", here.clone()),
            ("super::", {
                let mut b = here.clone();
                b.pop();
                b
            }),
        ] {
            for (i, _) in c.match_indices(prefix) {
                // Not the tail of a longer path such as `crate::x::self::`.
                if c[..i].ends_with("::") {
                    continue;
                }
                let rest = &c[i + prefix.len()..];
                let names: Vec<String> = match rest.strip_prefix('{') {
                    Some(group) => group
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|item| {
                            item.trim()
                                .chars()
                                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                                .collect()
                        })
                        .collect(),
                    None => vec![
                        rest.chars()
                            .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                            .collect(),
                    ],
                };
                for name in names {
                    relative.push((base.clone(), name));
                }
            }
        }
        for line in c.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("pub use ")
                .or_else(|| line.strip_prefix("pub(crate) use "))
                .or_else(|| line.strip_prefix("use "))
            else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                .collect();
            relative.push((here.clone(), name));
        }
        for (mut base, name) in relative {
            if name.is_empty() {
                continue;
            }
            base.push(&name);
            let target = base.join("::");
            if modules.contains(&target) && &target != m {
                to.insert(target);
            }
        }
        edges.insert(m.clone(), to);
    }
    Graph { edges, facades }
}

#[test]
fn every_phase_is_a_folder() {
    let src = crate::common::root("src");
    for phase in [
        "model",
        "case",
        "catalogue",
        "policy",
        "engine",
        "assessment",
        "interview",
        "render",
        "interop",
    ] {
        assert!(
            src.join(phase).join("mod.rs").is_file(),
            "src/{phase}/mod.rs"
        );
    }
    let loose: Vec<String> = std::fs::read_dir(&src)
        .expect("src")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs") && n != "lib.rs")
        .collect();
    assert_eq!(
        loose,
        Vec::<String>::new(),
        "only lib.rs lives at the top of src/"
    );
}

#[test]
fn code_names_the_defining_file_never_the_crate_root_or_a_facade() {
    let g = graph();
    for (m, to) in &g.edges {
        if m.is_empty() || g.facades.contains(m) {
            continue;
        }
        assert!(
            !to.contains(""),
            "{m} names an item through the crate root: name its file"
        );
        for t in to {
            assert!(
                !g.facades.contains(t),
                "{m} names {t}, a facade: name the defining file"
            );
        }
    }
}

/// The cycles of a graph, one per tree of the depth-first search that finds one, each as
/// `a -> b -> a`; the crate root (the empty name) is skipped: it declares everything.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_owned(), 1);
        stack.push(m.to_owned());
        for t in edges.get(m).into_iter().flatten() {
            if t.is_empty() {
                continue;
            }
            match state.get(t.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| s == t).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(t.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(t, edges, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(m.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    let mut cycles = Vec::new();
    for m in edges.keys() {
        if m.is_empty() || state.contains_key(m) {
            continue;
        }
        if let Some(c) = visit(m, edges, &mut state, &mut Vec::new()) {
            cycles.push(c.join(" -> "));
        }
    }
    cycles
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    assert_eq!(
        cycles(&graph().edges),
        Vec::<String>::new(),
        "import cycles between files"
    );
}

/// The phases depend on each other one way too (DESIGN.md, "Layout"): the folders, each
/// with every reference its files make to another folder's files, have no cycle, so a phase
/// can be read knowing only the phases below it. (Files can be free of cycles while their
/// folders are not: `render/errors.rs` once named `interview`, which names `render/locale.rs`.)
#[test]
fn no_phase_depends_on_a_phase_that_depends_on_it() {
    let folder = |m: &str| m.split("::").next().unwrap_or_default().to_owned();
    let mut phases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, to) in &graph().edges {
        if m.is_empty() {
            continue;
        }
        let from = folder(m);
        let targets: BTreeSet<String> = to
            .iter()
            .map(|t| folder(t))
            .filter(|t| !t.is_empty() && *t != from)
            .collect();
        phases.entry(from).or_default().extend(targets);
    }
    assert!(phases.len() >= 9, "{phases:?}");
    assert_eq!(
        cycles(&phases),
        Vec::<String>::new(),
        "cycles between phases"
    );
}

/// The engine's steps call methods of their own file or of an earlier step only (an
/// `impl Assessor` method is called without an import, so the cycle check cannot see it).
#[test]
fn engine_steps_call_only_earlier_steps() {
    let order = [
        "assessor",
        "person",
        "read",
        "tally",
        "rules",
        "questions",
        "explain",
        "advice",
        "assess",
    ];
    let code: Vec<String> = order
        .iter()
        .map(|f| {
            let path = crate::common::root(&format!("src/engine/{f}.rs"));
            code_of(&std::fs::read_to_string(path).expect("an engine step"))
        })
        .collect();
    // Where each method is defined: `fn name(` at method indentation.
    let mut defined: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in code.iter().enumerate() {
        for line in c.lines() {
            let t = line.trim_start();
            let t = t
                .strip_prefix("pub(super) ")
                .or_else(|| t.strip_prefix("pub(crate) "))
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            if let Some(rest) = t.strip_prefix("fn ") {
                let name: String = rest
                    .chars()
                    .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                    .collect();
                defined.entry(name).or_insert(i);
            }
        }
    }
    let mut later = Vec::new();
    for (i, c) in code.iter().enumerate() {
        for (k, _) in c.match_indices("self.") {
            let name: String = c[k + 5..]
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                .collect();
            let is_call = c[k + 5 + name.len()..].starts_with('(');
            if let Some(&j) = defined.get(&name)
                && is_call
                && j > i
            {
                later.push(format!("{} calls {name} of {}", order[i], order[j]));
            }
        }
    }
    later.sort();
    later.dedup();
    assert_eq!(later, Vec::<String>::new(), "a step calls a later step");
}
