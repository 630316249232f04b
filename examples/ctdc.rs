//! Assess a whole CTDC file (work in progress).
fn main() {}
