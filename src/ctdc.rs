//! CTDC (Counter Trafficking Data Collaborative) interoperability. Work in progress.
