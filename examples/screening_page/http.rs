//! The page's HTTP/1.1, one request per connection: the request head parsed by `httparse`
//! (the parser under hyper), the body (by its `Content-Length`, or chunked) read only when the
//! route takes one and only up to the limit, every read under a deadline, and the connection
//! closed after the answer.
//!
//! Why not a server library: the page first used `tiny_http`, which, when a handler leaves
//! part of a declared body unread (a body over the 1 MiB limit, answered 413 without reading
//! it), drains the rest on the serving thread into a buffer the size of the declared length.
//! A request declaring `Content-Length: 1000000000000` ended the process ("memory allocation
//! failed"), and one that declared a body and sent part of it froze every other request (a
//! code review, thirty-fourth session). Here an unread body is never drained into a buffer of
//! its declared size: a body over the limit is read and thrown away in pieces only when its
//! declared length is at most 16 MiB (so that a browser reads the refusal), and otherwise the
//! connection is closed after the answer, with at most 64 KiB or 300 ms of what the client
//! still sends read first. An async stack (axum, hyper and tokio) would do the same at some 14 s more
//! of compile time for every example, the README's first command among them.

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The largest request head (request line and headers) read.
const MAX_HEAD: usize = 16 * 1024;
/// The most headers a request may carry.
const MAX_HEADERS: usize = 64;
/// How long a connection may take to send its whole request, head and body.
const REQUEST_DEADLINE: Duration = Duration::from_secs(20);
/// How long the answer may take to write, whatever the client's pace.
const ANSWER_DEADLINE: Duration = Duration::from_secs(20);
/// How long what a client still sends after the answer is read before the connection closes.
const LINGER: Duration = Duration::from_millis(300);
/// Connections served at once; one more is answered 503 at once and closed.
const MAX_CONNECTIONS: usize = 32;
/// The largest declared body read (and thrown away) to refuse it with an answer the client
/// reads; a larger one is refused without reading.
const DRAIN_MAX: usize = 16 << 20;

/// A request: its method, its target (path and query, as sent), its headers, and the bytes
/// of the body already read with the head.
pub struct Request {
    method: String,
    target: String,
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1.
    version: u8,
    headers: Vec<(String, Vec<u8>)>,
    stream: TcpStream,
    pending: Vec<u8>,
    deadline: Instant,
}

/// Why a body was not read.
pub enum BodyError {
    /// Declared or sent larger than the limit.
    TooLarge,
    /// No `Content-Length`, a malformed one, a chunked body, or a connection that closed or
    /// stalled before the declared length.
    Unreadable(&'static str),
}

impl Request {
    /// The request method, as sent (`GET`, `POST`, ...).
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The request target: the path and the query, as sent.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The values of every header of this name (case-insensitive), as text where they are
    /// text (a value that is not UTF-8 matches nothing).
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .filter_map(|(_, v)| std::str::from_utf8(v).ok())
    }

    /// The body, read up to its declared length (or its chunks, for a chunked body); refused
    /// over `limit` bytes. A declared length up to `DRAIN_MAX` is read and thrown away when
    /// over the limit, so that the client reads the refusal rather than a reset connection;
    /// beyond it, or from a client waiting for `100 Continue`, nothing is read (the connection
    /// is closed after the answer). A chunked body over the limit is refused at the chunk that
    /// passes it, without reading the rest.
    pub fn body(&mut self, limit: usize) -> Result<Vec<u8>, BodyError> {
        // The framing headers must be text: one that is not is malformed, not absent.
        let framing_text = self.headers.iter().all(|(n, v)| {
            !(n.eq_ignore_ascii_case("Content-Length")
                || n.eq_ignore_ascii_case("Transfer-Encoding"))
                || std::str::from_utf8(v).is_ok()
        });
        if !framing_text {
            return Err(BodyError::Unreadable(
                "the request's framing headers are not text",
            ));
        }
        let codings: Vec<&str> = self
            .header_values("Transfer-Encoding")
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let chunked = match codings.as_slice() {
            [] => false,
            // Chunked alone: a coding before it (gzip, chunked) would be read as plain text.
            [only] if only.eq_ignore_ascii_case("chunked") => true,
            _ => {
                return Err(BodyError::Unreadable(
                    "the API takes a body with a Content-Length or chunked, and no other coding",
                ));
            }
        };
        let lengths: Vec<&str> = self.header_values("Content-Length").collect();
        let length = match (chunked, lengths.as_slice()) {
            (true, []) => None,
            (true, _) => {
                return Err(BodyError::Unreadable(
                    "the request gives both a Content-Length and a chunked body",
                ));
            }
            (false, []) => Some(0),
            (false, [one]) => {
                let digits = one.trim();
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(BodyError::Unreadable("the Content-Length is not a number"));
                }
                // Too many digits for a u64 is too large for any limit.
                Some(digits.parse::<u64>().unwrap_or(u64::MAX))
            }
            (false, _) => {
                return Err(BodyError::Unreadable(
                    "the request gives its Content-Length more than once",
                ));
            }
        };
        if let Some(n) = length
            && n > limit as u64
        {
            // A client waiting for `100 Continue` has not sent the body: it gets the refusal
            // instead (RFC 9110, section 10.1.1), and nothing is read.
            if n <= DRAIN_MAX as u64 && !self.expects_continue() {
                // Read and dropped in pieces, never held.
                let mut left = n as usize;
                while left > 0 {
                    let take = left.min(self.pending.len());
                    self.pending.drain(..take);
                    left -= take;
                    if left > 0 && !self.fill(1) {
                        break;
                    }
                }
            }
            return Err(BodyError::TooLarge);
        }
        self.continue_if_asked();
        match length {
            // At most `limit` here, so the cast cannot truncate.
            Some(n) => self.take(n as usize),
            None => self.chunks(limit),
        }
    }

    /// Whether an HTTP/1.1 client waits for `100 Continue` before sending its body.
    fn expects_continue(&self) -> bool {
        self.version == 1
            && self
                .header_values("Expect")
                .any(|v| v.eq_ignore_ascii_case("100-continue"))
    }

    /// A client that sends `Expect: 100-continue` waits for this before the body.
    fn continue_if_asked(&mut self) {
        if self.expects_continue() {
            let _ = self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
    }

    /// Reads until at least `n` bytes are pending; false if the connection closed, failed or
    /// ran out of time first.
    fn fill(&mut self, n: usize) -> bool {
        let mut chunk = [0u8; 8192];
        while self.pending.len() < n {
            match read_before(&mut self.stream, &mut chunk, self.deadline) {
                Ok(0) | Err(_) => return false,
                Ok(got) => self
                    .pending
                    .extend_from_slice(chunk.get(..got).unwrap_or_default()),
            }
        }
        true
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Result<Vec<u8>, BodyError> {
        if !self.fill(n) {
            return Err(BodyError::Unreadable("the request body could not be read"));
        }
        let rest = self.pending.split_off(n);
        Ok(std::mem::replace(&mut self.pending, rest))
    }

    /// A chunked body (RFC 9112, section 7.1), its chunk sizes read by `httparse`; the
    /// trailer is not read (the connection closes after the answer).
    fn chunks(&mut self, limit: usize) -> Result<Vec<u8>, BodyError> {
        const UNREADABLE: BodyError =
            BodyError::Unreadable("the chunked request body could not be read");
        let mut body = Vec::new();
        loop {
            let (start, size) = loop {
                match httparse::parse_chunk_size(&self.pending) {
                    Ok(httparse::Status::Complete(found)) => break found,
                    Ok(httparse::Status::Partial) if self.pending.len() < 1024 => {
                        let have = self.pending.len();
                        if !self.fill(have + 1) {
                            return Err(UNREADABLE);
                        }
                    }
                    _ => return Err(UNREADABLE),
                }
            };
            self.pending.drain(..start);
            if size == 0 {
                return Ok(body);
            }
            if size > (limit - body.len()) as u64 {
                return Err(BodyError::TooLarge);
            }
            // At most `limit` here, so the cast cannot truncate; the chunk and its CRLF.
            let data = self.take(size as usize + 2)?;
            match data.split_last_chunk::<2>() {
                Some((data, b"\r\n")) => body.extend_from_slice(data),
                _ => return Err(UNREADABLE),
            }
        }
    }
}

/// An answer: status, content type, extra headers and body.
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: Vec<u8>,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The answer as bytes: status line, headers and (unless `head_only`) body.
fn answer_bytes(response: &Response, head_only: bool) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    for (name, value) in response.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    bytes
}

/// A connection's place among the `MAX_CONNECTIONS`, given back when dropped (when its thread
/// ends, also by a panic: otherwise 32 panics would leave the page answering 503 for ever).
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Writes the answer and closes the connection, all within `ANSWER_DEADLINE` (a client that
/// reads slowly keeps its thread no longer). With `linger`, what the client still sends is read
/// for a moment first (at most `LINGER` and 64 KiB), so that closing with unread bytes does not
/// reset the connection before the client has read the answer.
fn write_response(stream: &mut TcpStream, response: &Response, head_only: bool, linger: bool) {
    // A client that went away is not an error worth reporting (and reporting it could carry
    // nothing about the case anyway).
    let deadline = Instant::now() + ANSWER_DEADLINE;
    let _ = write_before(stream, &answer_bytes(response, head_only), deadline);
    let _ = stream.shutdown(std::net::Shutdown::Write);
    if !linger {
        return;
    }
    let until = Instant::now() + LINGER;
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 64 * 1024 {
        match read_before(stream, &mut sink, until) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Writes all of `buf` before `deadline`, each write with the time left as its timeout.
fn write_before(stream: &mut TcpStream, mut buf: &[u8], deadline: Instant) -> std::io::Result<()> {
    while !buf.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(buf) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => buf = buf.get(n..).unwrap_or_default(),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads into `buf` with the time left before `deadline` as the read timeout.
fn read_before(
    stream: &mut TcpStream,
    buf: &mut [u8],
    deadline: Instant,
) -> std::io::Result<usize> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(buf) {
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Reads and parses the request head; `Err` is the answer to give.
fn read_head(mut stream: TcpStream) -> Result<Request, (TcpStream, u16, &'static str)> {
    let deadline = Instant::now() + REQUEST_DEADLINE;
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    loop {
        match read_before(&mut stream, &mut chunk, deadline) {
            Ok(0) | Err(_) => return Err((stream, 400, "the request is incomplete")),
            Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
        }
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buf) {
            Ok(httparse::Status::Complete(head_len)) => {
                // HTTP/1.0 and 1.1 only (httparse reads no other).
                let method = parsed.method.unwrap_or_default().to_owned();
                let version = parsed.version.unwrap_or_default();
                let target = parsed.path.unwrap_or_default().to_owned();
                let headers = parsed
                    .headers
                    .iter()
                    .map(|h| (h.name.to_owned(), h.value.to_vec()))
                    .collect();
                let pending = buf.get(head_len..).unwrap_or_default().to_vec();
                return Ok(Request {
                    method,
                    target,
                    version,
                    headers,
                    stream,
                    pending,
                    deadline,
                });
            }
            Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => {}
            Ok(httparse::Status::Partial) => {
                return Err((stream, 431, "the request head is too large"));
            }
            Err(httparse::Error::TooManyHeaders) => {
                return Err((stream, 431, "the request has too many headers"));
            }
            Err(httparse::Error::Version) => {
                return Err((stream, 505, "the page speaks HTTP/1.1"));
            }
            Err(_) => return Err((stream, 400, "the request is not HTTP")),
        }
    }
}

fn error_body(message: &str) -> Vec<u8> {
    serde_json::json!({ "error": message })
        .to_string()
        .into_bytes()
}

/// Serves `handle` on `listener`, a thread per connection (at most `MAX_CONNECTIONS` at once),
/// one request per connection. Runs until the listener fails.
pub fn serve<F>(
    listener: TcpListener,
    extra_headers: &'static [(&'static str, &'static str)],
    handle: F,
) where
    F: Fn(&mut Request) -> Response + Send + Sync + 'static,
{
    let handle = Arc::new(handle);
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            // Answered on the accepting thread: a short write, nothing read, so that a client
            // holding every slot cannot hold this thread too.
            let _ = stream.set_nonblocking(true);
            let busy = Response {
                status: 503,
                content_type: "application/json; charset=utf-8",
                headers: extra_headers,
                body: error_body("the page is busy: try again"),
            };
            let _ = stream.write(&answer_bytes(&busy, false));
            continue;
        }
        let handle = Arc::clone(&handle);
        let slot = Slot(Arc::clone(&open));
        let spawned = std::thread::Builder::new().spawn(move || {
            // Given back when the thread ends, even by a panic.
            let _slot = slot;
            match read_head(stream) {
                Ok(mut request) => {
                    let response = handle(&mut request);
                    let head_only = request.method == "HEAD";
                    write_response(&mut request.stream, &response, head_only, true);
                }
                Err((mut stream, status, message)) => {
                    let response = Response {
                        status,
                        content_type: "application/json; charset=utf-8",
                        headers: extra_headers,
                        body: error_body(message),
                    };
                    write_response(&mut stream, &response, false, true);
                }
            }
        });
        // A thread that could not be started dropped its closure, and so its slot and the
        // connection: nothing more to do.
        drop(spawned);
    }
}
