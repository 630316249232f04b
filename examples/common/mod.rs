//! What the command-line examples share: reading a text file as the library's readers take it,
//! and printing to a pipe that may close early.

use std::io::{Read, Write};

use trafficking_indicators::render::{Locale, fill};

/// Reads a file (`-`: standard input) as UTF-8 text. A file saved as UTF-16 (Windows Notepad's
/// "Unicode") gets an error that says so, where reading it as text would only say that the
/// stream is not valid UTF-8. A leading UTF-8 byte-order mark is left for the library's
/// readers, which skip it.
///
/// At most the largest document any reader of the library takes is read (the catalogue
/// limit, 8 MiB): a larger file is refused before it fills memory.
///
/// The error is in `lang`, from the locale files (`file.*`), and names the file by its role
/// (`role`, a `file.role.*` key: "the case file"), never by its path: a case file is often
/// named after the person (`kim_younghee_statement.json`), and a message may be copied into
/// a log. The common reasons a file cannot be read are said in `lang` too; any other stays
/// as the system gives it.
pub fn read_text(path: &str, role: &str, lang: Locale) -> Result<String, String> {
    let limits = trafficking_indicators::Limits::default();
    let most = limits
        .max_catalogue_bytes
        .max(limits.max_rule_set_bytes)
        .max(limits.max_case_bytes);
    let word = |key| lang.word_or_key(key);
    let name = if path == "-" {
        word("file.standard_input")
    } else {
        word(role)
    };
    let cannot_read = |e: std::io::Error| {
        fill(
            word("file.cannot_read"),
            &[("name", name), ("reason", &reason(&e, Access::Read, lang))],
        )
    };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(cannot_read)?)
    };
    let mut bytes = Vec::new();
    reader
        .take(most as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() > most {
        return Err(fill(
            word("file.too_large"),
            &[("name", name), ("limit", &most.to_string())],
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let key = if matches!(e.as_bytes(), [0xff, 0xfe, ..] | [0xfe, 0xff, ..]) {
            "file.utf16"
        } else {
            "file.not_utf8"
        };
        fill(word(key), &[("name", name)])
    })
}

/// Writes `text` to the file at `path` so that no one else can read it and no failure loses
/// what the file held. A case file holds what a person told an officer: on a shared machine a
/// file readable by all (the usual mode 644) would show it to every user, and writing over a
/// saved case in place would lose it if the disk filled half way (a privacy audit,
/// thirty-ninth session).
///
/// - A new file is created readable and writable by its owner only (mode 600 on Unix;
///   elsewhere the folder's own permissions).
/// - A regular file is replaced in one step: the text goes to a new file (mode 600) in the
///   same folder, which then takes its place. A link is followed first, so the case goes where
///   the link points (an encrypted volume, say) and the link stays.
/// - What is not a regular file (a pipe such as `>(gpg -e …)`, a device such as
///   `/dev/stdout`), or a file in a folder the user may not write in, is written in place, as
///   any program would; its permissions stay as they are.
#[allow(dead_code)] // only `interview` saves a case
pub fn write_private(path: &str, text: &str) -> std::io::Result<()> {
    let given = std::path::Path::new(path);
    let target = std::fs::canonicalize(given).unwrap_or_else(|_| given.to_path_buf());
    let regular_or_new = std::fs::metadata(&target).map_or(true, |m| m.is_file());
    if !regular_or_new {
        return write_in_place(&target, text);
    }
    match write_beside(&target, text) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => write_in_place(&target, text),
        other => other,
    }
}

/// Options that create a file readable and writable by its owner only (on Unix).
#[allow(dead_code)] // only `interview` saves a case
fn private_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Writes `text` over `target` in place (creating it, mode 600, if it is not there).
#[allow(dead_code)] // only `interview` saves a case
fn write_in_place(target: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut file = private_options().create(true).truncate(true).open(target)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

/// Writes `text` to a new file beside `target` and renames it over `target`. The new file's
/// name is free when it is made (`create_new`; a name left by an earlier run is passed over),
/// and only a file this call made is removed when something fails.
#[allow(dead_code)] // only `interview` saves a case
fn write_beside(target: &std::path::Path, text: &str) -> std::io::Result<()> {
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{attempt}.tmp", std::process::id()));
        let temp = target.with_file_name(temp_name);
        match private_options().create_new(true).open(&temp) {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let result = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, target));
    if result.is_err() {
        // Nothing half written is left beside the case; the case itself is as it was.
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// What was being done with a file when it failed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading it.
    Read,
    /// Writing it: a missing file is created, so "not found" means its folder is missing.
    #[allow(dead_code)] // only `interview` writes a file the user names
    Write,
}

/// Why a file could not be read or written, in `lang` for the common reasons (no such file or,
/// when writing, no such folder; no permission; a folder); any other as the system gives it
/// (in English).
pub fn reason(e: &std::io::Error, access: Access, lang: Locale) -> String {
    let key = match e.kind() {
        std::io::ErrorKind::NotFound if access == Access::Write => "file.reason.no_folder",
        std::io::ErrorKind::NotFound => "file.reason.not_found",
        std::io::ErrorKind::PermissionDenied => "file.reason.permission_denied",
        std::io::ErrorKind::IsADirectory => "file.reason.is_a_directory",
        _ => return e.to_string(),
    };
    lang.word_or_key(key).to_owned()
}

/// Prints `text` and a newline to standard output (see [`write_stdout`] for a closed pipe);
/// any other write error is returned, for the caller to report.
pub fn print(text: &str) -> Result<(), String> {
    write_stdout(format_args!("{text}"), true).map_err(|e| format!("cannot write the output: {e}"))
}

/// Prints a text to standard output without a final newline (a text whose bytes matter, such
/// as a canonical JSON whose SHA-256 is a digest).
#[allow(dead_code)] // only `custom_rules` prints such a text
pub fn print_bare(text: &str) -> Result<(), String> {
    write_stdout(format_args!("{text}"), false).map_err(|e| format!("cannot write the output: {e}"))
}

/// Whether the reader of standard output has closed it (`| head`): what is left to print is
/// no longer wanted.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes to standard output, flushed, for output a reader may stop reading early (`| head`).
/// A closed pipe is not an error and does not end the program: the rest of the output is
/// dropped, since no one reads it, and the program does the rest of its work, so that an
/// interview still saves its case with `--out` and `ctdc` still writes its `--jsonl` file.
/// Any other write error is returned. (`print!` would panic on either.)
fn write_stdout(args: std::fmt::Arguments<'_>, newline: bool) -> std::io::Result<()> {
    use std::sync::atomic::Ordering;
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// What `out!` and `outln!` call: [`write_stdout`], ending the program with a message on an
/// error other than a closed pipe.
#[allow(dead_code)] // through `out!` and `outln!`, which not every example uses
pub fn write_out(args: std::fmt::Arguments<'_>, newline: bool) {
    if let Err(e) = write_stdout(args, newline) {
        eprintln!("cannot write the output: {e}");
        std::process::exit(1)
    }
}

/// `print!` for a pipe that may close early (see [`write_out`]).
#[allow(unused_macros)]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::common::write_out(format_args!($($arg)*), false)
    };
}

/// `println!` for a pipe that may close early (see [`write_out`]).
#[allow(unused_macros)]
macro_rules! outln {
    () => {
        $crate::common::write_out(format_args!(""), true)
    };
    ($($arg:tt)*) => {
        $crate::common::write_out(format_args!($($arg)*), true)
    };
}

/// The language the command line names with `--lang` (`en` when none, or one not known), for
/// the program's own words (its help and its usage errors), which are needed before the
/// arguments are read.
#[allow(dead_code)] // used by `assess`, `interview` and the page; `custom_rules` shares the module
pub fn cli_lang() -> Locale {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|pair| pair.first().is_some_and(|a| a == "--lang"))
        .and_then(|pair| pair.get(1))
        .and_then(|tag| Locale::from_tag(tag))
        .unwrap_or(Locale::En)
}

/// The rule set when none is named: Korean means Korean law (`kr-2024`), as on the page;
/// otherwise the crate's default.
#[allow(dead_code)] // used by `assess`, `interview` and the page; `custom_rules` shares the module
pub fn default_rule_set(lang: Locale) -> &'static str {
    match lang {
        Locale::Ko => "kr-2024",
        _ => trafficking_indicators::DEFAULT_RULE_SET,
    }
}

/// The usage error for a rule-set id that is not built in, listing those that are.
#[allow(dead_code)] // used by `assess`, `interview` and the page; `custom_rules` shares the module
pub fn unknown_rule_set(lang: Locale) -> String {
    let known: Vec<String> = trafficking_indicators::RuleSet::builtin_ids()
        .map(|id| format!("`{id}`"))
        .collect();
    fill(
        lang.word_or_key("cli.error.unknown_rule_set"),
        &[("known", &known.join(", "))],
    )
}

/// How an unknown option is named in an error, if it is one: a long option (`--…`) up to
/// any `=`, then `=…` (what follows may be a value, such as a file's name, and the examples
/// take no `--option=value` form), and `-` or a short one (`-x`) as it is. Anything else,
/// `-case.json` included, may be a file's name and is never repeated (`None`).
#[allow(dead_code)] // not every example has options
pub fn option_name(arg: &str) -> Option<String> {
    if arg.starts_with("--") {
        Some(match arg.split_once('=') {
            Some((option, _)) => format!("{option}=…"),
            None => arg.to_owned(),
        })
    } else if arg.starts_with('-') && arg.chars().count() <= 2 {
        Some(arg.to_owned())
    } else {
        None
    }
}

/// The mistake of an argument the example does not take (the text ends with "see --help"):
/// an option named by [`option_name`], or, for anything else, the words "unknown argument"
/// without the argument.
#[allow(dead_code)] // not every example takes free arguments
pub fn unknown_argument(arg: &str, lang: Locale) -> String {
    match option_name(arg) {
        Some(option) => fill(
            lang.word_or_key("cli.error.unknown_option"),
            &[("option", &option)],
        ),
        None => lang.word_or_key("cli.error.unknown_argument").to_owned(),
    }
}

/// Notes each option the command line gives, so that one given twice is a mistake of the
/// command line instead of a silent choice of its last (or first) value.
#[allow(dead_code)] // not every example has options
#[derive(Default)]
pub struct Options {
    given: Vec<&'static str>,
}

#[allow(dead_code)] // not every example has options
impl Options {
    /// `Ok` the first time `option` is given; the second time, the usage error naming it
    /// (`cli.error.repeated_option`, in `lang`). The name is the program's own option, never
    /// anything else typed.
    pub fn once(&mut self, option: &'static str, lang: Locale) -> Result<(), String> {
        if self.given.contains(&option) {
            return Err(fill(
                lang.word_or_key("cli.error.repeated_option"),
                &[("option", option)],
            ));
        }
        self.given.push(option);
        Ok(())
    }

    /// [`once`](Self::once) for `arg` when it is one of the `options` that must be given
    /// once; `Ok` for any other argument.
    pub fn check(
        &mut self,
        arg: &str,
        options: &[&'static str],
        lang: Locale,
    ) -> Result<(), String> {
        match options.iter().find(|o| **o == arg) {
            Some(option) => self.once(option, lang),
            None => Ok(()),
        }
    }
}
