//! HTCDS (Human Trafficking Case Data Standard) interoperability. Work in progress.
