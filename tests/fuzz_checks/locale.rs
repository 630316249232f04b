//! Locale files (`LocaleTexts::from_json`, the reader of a translation's texts): any bytes give
//! the texts or an error, never a panic; where serde alone reads the same document the two
//! readers give the same texts, and the strict reader refuses only what it must (a key given
//! twice, of which serde would keep the last without a word; an array where the format has an
//! object; UTF-16; a document over the size limit), so that no translator's text is dropped.

use trafficking_indicators::render::LocaleTexts;

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let strict = LocaleTexts::from_json(text);
    // serde alone, after the byte-order mark the strict reader skips.
    let lenient: Result<LocaleTexts, _> = serde_json::from_str(text.trim_start_matches('\u{feff}'));
    match (strict, lenient) {
        (Ok(strict), Ok(lenient)) => assert_eq!(strict, lenient),
        (Ok(_), Err(e)) => panic!("the strict reader took what serde refuses: {e}"),
        (Err(e), Ok(_)) => {
            let message = e.to_string();
            assert!(
                message.contains("twice")
                    || message.contains("expected an object")
                    || message.contains("UTF-16")
                    || message.contains("more than the limit"),
                "refused for another reason than a key twice, an array, UTF-16 or the size: {message}"
            );
        }
        (Err(e), Err(_)) => {
            let _ = e.to_string();
        }
    }
}
