//! Other formats and many cases at once: JSON Lines batches, the CTDC data and the HTCDS
//! standard, the JSON Schemas, and synthetic cases for tests and benchmarks.

pub mod batch;
pub mod ctdc;
pub mod htcds;
mod picklist;
pub mod schema;
pub mod synthetic;
