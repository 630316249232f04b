//! What a person reads: the locale data (English and Korean) and the text report.

mod errors;
pub(crate) mod locale;
pub(crate) mod report;

pub use locale::*;
pub use report::*;
