//! The shared vocabulary every phase speaks: identifiers, the enums of the indicators (dimension, strength, element, form), the limits on input, the errors and their problems.

pub(crate) mod error;
pub(crate) mod hash;
pub(crate) mod id;
pub(crate) mod indicator;
pub(crate) mod json;
pub(crate) mod json_in;
pub(crate) mod json_out;
pub(crate) mod keyword;
pub(crate) mod limits;
pub(crate) mod strict;
pub(crate) mod vocabulary;

pub use error::*;
pub use id::*;
pub use indicator::*;
pub use limits::*;
pub use vocabulary::*;
