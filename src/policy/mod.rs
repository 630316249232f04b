//! Rule sets (their types, the built-in ones, validation) and the contact directories they name.

pub(crate) mod contacts;
pub(crate) mod context;
pub(crate) mod rule_set;

pub use contacts::*;
pub use rule_set::*;
