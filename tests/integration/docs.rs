//! The documents a reader follows: every link in the Markdown files resolves (a file that
//! exists, a heading that exists), so that a section renamed or a file moved cannot leave a
//! reader at a dead end.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files a reader opens: the top-level documents and those under `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![
        root().join("README.md"),
        root().join("DESIGN.md"),
        root().join("CHANGELOG.md"),
    ];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|entry| entry.expect("docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The document's lines outside fenced code blocks, each with its number.
fn prose_lines(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            lines.push((index + 1, line));
        }
    }
    lines
}

/// A line with its inline code spans removed (a span may show link syntax as an example).
fn without_code_spans(line: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

/// The anchor GitHub gives a heading: lower case, punctuation dropped (letters of any script,
/// digits, `-` and `_` kept; a code span's backticks dropped, its words kept), spaces as `-`; a heading repeated gets `-1`, `-2`, ...
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for (_, line) in prose_lines(text) {
        let Some(title) = line
            .strip_prefix('#')
            .map(|rest| rest.trim_start_matches('#'))
            .and_then(|rest| rest.strip_prefix(' '))
        else {
            continue;
        };
        let mut slug = String::new();
        for c in title.trim().to_lowercase().chars() {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                slug.push(c);
            } else if c == ' ' {
                slug.push('-');
            }
        }
        let mut anchor = slug.clone();
        let mut n = 0;
        while seen.contains(&anchor) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
        seen.insert(anchor);
    }
    seen
}

/// Every inline link target `[text](target)` in the prose, with its line number.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in prose_lines(text) {
        let line = without_code_spans(line);
        let mut rest = line.as_str();
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            found.push((number, after[..end].to_owned()));
            rest = &after[end..];
        }
    }
    found
}

fn check_link(document: &Path, target: &str) -> Result<(), String> {
    if target.starts_with("http://")
        || target.starts_with("https://")
        || target.starts_with("mailto:")
    {
        return Ok(());
    }
    let (file, anchor) = match target.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (target, None),
    };
    let path = if file.is_empty() {
        document.to_path_buf()
    } else {
        document.parent().expect("a document's folder").join(file)
    };
    if !path.exists() {
        return Err(format!("no file {}", path.display()));
    }
    if let Some(anchor) = anchor {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !anchors(&text).contains(anchor) {
            return Err(format!(
                "no heading with the anchor #{anchor} in {}",
                path.display()
            ));
        }
    }
    Ok(())
}

#[test]
fn every_link_in_the_documents_leads_somewhere() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for document in documents() {
        let text = std::fs::read_to_string(&document).expect("a document");
        for (line, target) in links(&text) {
            checked += 1;
            if let Err(why) = check_link(&document, &target) {
                broken.push(format!("{}:{line}: ({target}): {why}", document.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(
        checked >= 20,
        "only {checked} links found: is the link reader broken?"
    );
}

#[test]
fn the_anchor_reader_gives_githubs_anchors() {
    let text = "# Title\n## Korea: what the Korean rule sets do differently\n```\n# not a heading\n```\n## `Case` and 한국어 (1.0.0)\n## Title\n";
    let found = anchors(text);
    let expected: BTreeSet<String> = [
        "title",
        "korea-what-the-korean-rule-sets-do-differently",
        "case-and-한국어-100",
        "title-1",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(found, expected);
    assert_eq!(
        links("see [a](#title) and `[b](nowhere)` and [c](docs/x.md#y)\n```\n[d](e)\n```\n"),
        vec![(1, "#title".to_owned()), (1, "docs/x.md#y".to_owned())]
    );
}

/// The runs of digits joined by `-` in a text (`1600-8248`, `02-735-1050`), dates of the form
/// `2024-06-27` left out.
fn hyphenated_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '-' && current.ends_with(|d: char| d.is_ascii_digit())) {
            current.push(c);
            continue;
        }
        let token = current.trim_end_matches('-');
        let groups: Vec<&str> = token.split('-').collect();
        let is_date = groups.len() == 3
            && groups[0].len() == 4
            && groups[1].len() == 2
            && groups[2].len() == 2;
        if groups.len() >= 2 && !is_date {
            found.push(token.to_owned());
        }
        current.clear();
    }
    found
}

/// The Korean guide is read by officers who will dial what it gives: every telephone number
/// in it, and every number in its table of services, comes from the contact directory the
/// assessment itself uses, never from the guide alone.
#[test]
fn the_korean_guide_gives_only_the_contact_directorys_numbers() {
    let guide =
        std::fs::read_to_string(root().join("docs/README.ko.md")).expect("the Korean guide");
    let directory = std::fs::read_to_string(root().join("data/contacts/kr.json"))
        .expect("the contact directory");
    let mut numbers = hyphenated_numbers(&guide);
    let table = guide
        .split("\n## ")
        .find(|section| section.starts_with("5. "))
        .expect("the guide's section 5, the services");
    let mut rows = 0;
    for line in table.lines().filter(|line| line.starts_with('|')) {
        let Some(cell) = line.split('|').nth(2) else {
            continue;
        };
        rows += 1;
        let mut digits = String::new();
        for c in cell.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() || c == '-' {
                digits.push(c);
            } else {
                if digits.chars().filter(char::is_ascii_digit).count() >= 3 {
                    numbers.push(digits.trim_matches('-').to_owned());
                }
                digits.clear();
            }
        }
    }
    assert!(rows >= 10, "the table of services has {rows} rows");
    assert!(
        numbers.len() >= 10,
        "only {} numbers found in the guide",
        numbers.len()
    );
    let unknown: Vec<&String> = numbers
        .iter()
        .filter(|n| !directory.contains(n.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "numbers in the guide that the directory does not have: {unknown:?}"
    );
}

/// The guide names the levels as the software shows them.
#[test]
fn the_korean_guide_names_the_levels_as_the_software_does() {
    let guide =
        std::fs::read_to_string(root().join("docs/README.ko.md")).expect("the Korean guide");
    let locale: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/locales/ko.json")).expect("the Korean locale"),
    )
    .expect("JSON");
    for level in [
        "no_indicators",
        "further_inquiry",
        "reasonable_grounds",
        "definition_met",
    ] {
        for key in [format!("level.{level}"), format!("level.{level}.sentence")] {
            let text = locale["texts"][&key].as_str().expect("a level's words");
            assert!(
                guide.contains(&format!("‘{text}’")),
                "the guide does not quote {key}"
            );
        }
    }
}
