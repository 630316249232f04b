//! What the command-line examples share: reading a text file as the library's readers take it,
//! and printing to a pipe that may close early.

use std::io::{Read, Write};

/// Reads a file (`-`: standard input) as UTF-8 text. A file saved as UTF-16 (Windows Notepad's
/// "Unicode") gets an error that says so, where reading it as text would only say that the
/// stream is not valid UTF-8. A leading UTF-8 byte-order mark is left for the library's
/// readers, which skip it.
///
/// At most the largest document any reader of the library takes is read (the catalogue
/// limit, 8 MiB): a larger file is refused before it fills memory.
pub fn read_text(path: &str) -> Result<String, String> {
    let limits = trafficking_indicators::Limits::default();
    let most = limits
        .max_catalogue_bytes
        .max(limits.max_rule_set_bytes)
        .max(limits.max_case_bytes);
    let (name, reader): (String, Box<dyn Read>) = if path == "-" {
        ("standard input".to_owned(), Box::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        (format!("`{path}`"), Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .take(most as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > most {
        return Err(format!(
            "{name} has more than {most} bytes, more than any document this program reads"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        if matches!(e.as_bytes(), [0xff, 0xfe, ..] | [0xfe, 0xff, ..]) {
            format!("{name} is UTF-16 text: save it as UTF-8")
        } else {
            format!("{name} is not UTF-8 text")
        }
    })
}

/// Prints `text` and a newline to standard output. A reader that closed the pipe early (`|
/// head`) is not an error: the output is simply no longer wanted.
pub fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {e}"))
        }
        _ => Ok(()),
    }
}
