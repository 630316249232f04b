//! The documents a reader follows: every link in the Markdown files resolves (a file that
//! exists, a heading that exists), so that a section renamed or a file moved cannot leave a
//! reader at a dead end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use trafficking_indicators::Level;
use trafficking_indicators::policy::{Contact, ContactDirectory};
use trafficking_indicators::render::Locale;

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

/// The anchors of each document a link names, read once.
type AnchorCache = BTreeMap<PathBuf, BTreeSet<String>>;

fn check_link(document: &Path, target: &str, cache: &mut AnchorCache) -> Result<(), String> {
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
        if !cache.contains_key(&path) {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            cache.insert(path.clone(), anchors(&text));
        }
        if !cache.get(&path).is_some_and(|found| found.contains(anchor)) {
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
    let mut cache = AnchorCache::new();
    for document in documents() {
        let text = std::fs::read_to_string(&document).expect("a document");
        for (line, target) in links(&text) {
            checked += 1;
            if let Err(why) = check_link(&document, &target, &mut cache) {
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

/// Characters that, right after a number, make it a count, a date or an article, never a
/// telephone number (`2023년`, `제125조`, `19세`, `13개`, `20톤`, ...).
const UNITS: &str = "년조항호세개월일차톤건시곳분명쪽절장행회줄";

/// The telephone numbers in a text, as the Korean documents write them: `1600-8248`,
/// `02-735-1050`, `+82-1345`, and short codes (`112`, `1366`) standing on their own. Left out:
/// a number inside a word or a code (`E-6-2`, `v2.5.0`, `127.0.0.1`), a range (`0~130`), a
/// date (`2024-06-27`), a year, a count or an article (a unit after it), a round number
/// (`100`), and anything of fewer than three digits.
fn telephone_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let plus = chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !(plus || chars[i].is_ascii_digit()) {
            i += 1;
            continue;
        }
        i += usize::from(plus);
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (chars[i] == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let before = start.checked_sub(1).map_or(' ', |b| chars[b]);
        let after = chars.get(i).copied().unwrap_or(' ');
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let groups: Vec<&str> = token.trim_start_matches('+').split('-').collect();
        let digits = token.chars().filter(char::is_ascii_digit).count();
        let in_a_word = before.is_alphanumeric() || "-.,:/~_".contains(before);
        let a_unit_or_more = UNITS.contains(after)
            || after.is_ascii_alphanumeric()
            || "~_".contains(after)
            || (".:,/".contains(after) && next.is_ascii_digit());
        let date = groups.len() == 3
            && groups[0].len() == 4
            && groups[1].len() == 2
            && groups[2].len() == 2;
        let plain = groups.len() == 1 && !plus;
        let short_code = plain
            && (3..=4).contains(&token.len())
            && token.starts_with('1')
            && !token.ends_with("00")
            && !(token.len() == 4 && (token.starts_with("19") || token.starts_with("18")));
        if digits >= 3 && !in_a_word && !a_unit_or_more && !date && (!plain || short_code) {
            found.push(token);
        }
    }
    found
}

/// The contact directory's numbers, contact by contact: its `number` and those its `reach`
/// gives (another line, the number from abroad). Read with the library's own reader.
fn directory_numbers() -> Vec<(Contact, BTreeSet<String>)> {
    let text = std::fs::read_to_string(root().join("data/contacts/kr.json"))
        .expect("the contact directory");
    ContactDirectory::from_json(&text)
        .expect("the built-in directory reads")
        .contacts
        .into_iter()
        .map(|c| {
            let mut numbers: BTreeSet<String> = telephone_numbers(&c.reach).into_iter().collect();
            numbers.extend(c.number.clone());
            (c, numbers)
        })
        .collect()
}

/// The Korean documents are read by officers who will dial what they give: every telephone
/// number in them is one of the contact directory's, exactly (not a part of one).
#[test]
fn the_korean_documents_give_only_the_contact_directorys_numbers() {
    let known: BTreeSet<String> = directory_numbers()
        .into_iter()
        .flat_map(|(_, n)| n)
        .collect();
    for name in ["docs/README.ko.md", "docs/policy-questions.ko.md"] {
        let text = std::fs::read_to_string(root().join(name)).expect("a Korean document");
        let numbers = telephone_numbers(&text);
        let unknown: Vec<&String> = numbers.iter().filter(|n| !known.contains(*n)).collect();
        assert!(
            unknown.is_empty(),
            "{name}: numbers the directory does not have: {unknown:?}"
        );
    }
}

/// The guide's table of services is the directory: one row per service, named as the
/// directory names it, with that service's numbers only and its mark.
#[test]
fn the_korean_guides_table_of_services_is_the_contact_directory() {
    let guide =
        std::fs::read_to_string(root().join("docs/README.ko.md")).expect("the Korean guide");
    let table = guide
        .split("\n## ")
        .find(|section| section.starts_with("5. "))
        .expect("the guide's section 5, the services");
    let contacts = directory_numbers();
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut rows_of = vec![0; contacts.len()];
    for line in table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 기관"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, name, numbers, _, mark, ..] = cells.as_slice() else {
            panic!("a row of four cells: {line}");
        };
        let row_name = squeeze(name);
        let matching: Vec<usize> = contacts
            .iter()
            .enumerate()
            .filter(|(_, (c, _))| {
                let theirs = squeeze(&c.name);
                theirs.starts_with(&row_name) || row_name.starts_with(&theirs)
            })
            .map(|(i, _)| i)
            .collect();
        let [i] = matching.as_slice() else {
            panic!(
                "the row {name} names {} services of the directory",
                matching.len()
            );
        };
        rows_of[*i] += 1;
        let (contact, theirs) = &contacts[*i];
        for n in telephone_numbers(numbers) {
            assert!(
                theirs.contains(&n),
                "{name}: {n} is not this service's number"
            );
        }
        // The mark in the words the software shows (`verification.*` of the Korean locale).
        let expected_mark = Locale::Ko
            .word(&format!("verification.{}", contact.verification.as_str()))
            .expect("the mark's Korean words");
        assert!(
            mark.starts_with(expected_mark),
            "{name}: the mark is {expected_mark}"
        );
    }
    assert!(
        rows_of.iter().all(|n| *n == 1),
        "every service of the directory has one row: {rows_of:?}"
    );
}

#[test]
fn the_telephone_number_reader_reads_numbers_and_nothing_else() {
    let text = "국번 없이 112, 1600-8248(대표 02-735-1050), 해외 +82-1345, 1366과 1388의 \
        E-6-2 사증, v2.5.0, 127.0.0.1:7878, 0~130, 1900~2100, 2024-06-27, 2023년, 제125조, \
        13개, 20톤, 최대 100), 19세, 1350번으로";
    assert_eq!(
        telephone_numbers(text),
        [
            "112",
            "1600-8248",
            "02-735-1050",
            "+82-1345",
            "1366",
            "1388",
            "1350"
        ]
    );
}

/// The guide names the levels as the software shows them.
#[test]
fn the_korean_guide_names_the_levels_as_the_software_does() {
    let guide =
        std::fs::read_to_string(root().join("docs/README.ko.md")).expect("the Korean guide");
    for level in Level::ALL {
        let name = Locale::Ko
            .word(&format!("level.{}", level.as_str()))
            .expect("a level's Korean name");
        // The guide is for officers under Korean law: it quotes the Korean rule sets' own
        // wording of the level (인신매매등), which the shared sentence leaves to them.
        let sentence = Locale::Ko
            .word(&format!("rules.kr.level.{}.sentence", level.as_str()))
            .expect("the Korean rule sets' wording of the level");
        // Quoted as ‘…’, or as “…” where the text holds a ‘…’ of its own (Korean quotes a
        // quotation that holds a quotation with the double marks).
        for text in [name, sentence] {
            assert!(
                guide.contains(&format!("‘{text}’")) || guide.contains(&format!("“{text}”")),
                "the guide does not quote {text}"
            );
        }
    }
}
