//! The screening page's request handling, driven with random requests (a property test over
//! the real server: `examples/screening_page`, on a free loopback port). Whatever arrives:
//! the server answers with a status it documents, never a server error; an error never
//! quotes what the request carried; a foreign `Host` is refused; and the server keeps
//! answering afterwards.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use proptest::prelude::*;

/// A value that must never come back in an error.
const SENTINEL: &str = "QXZSENTINEL9517";

/// The same as a snake_case token, a shape a name can have too (`maria_kim`): sent as an
/// indicator id and as a key, it must never come back in an error either.
const TOKEN: &str = "qxz_sentinel_9517";

struct Page {
    child: Child,
    addr: String,
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server, started on a free port; stopped when the value is dropped (at the end of the
/// test, passing or failing).
fn start_page() -> Page {
    start_page_on("127.0.0.1:0").expect("the page prints its address")
}

/// The server, started on `listen`; `None` if it could not listen there.
fn start_page_on(listen: &str) -> Option<Page> {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let bin = dir
        .join("examples")
        .join(format!("screening_page{}", std::env::consts::EXE_SUFFIX));
    // `cargo test` builds the examples; `cargo test --test integration` alone does not, and
    // an old binary would test old code.
    let built = std::fs::metadata(&bin).and_then(|m| m.modified());
    let sources = std::fs::read_dir(crate::common::root("examples/screening_page"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.metadata().and_then(|m| m.modified()).ok());
    if let Ok(built) = &built {
        for source in sources {
            assert!(
                *built >= source,
                "the screening page binary is older than its source: run `cargo test` (it builds the examples)"
            );
        }
    }
    let mut child = Command::new(&bin)
        .args(["--listen", listen])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the screening page (cargo test builds it)");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    let read = BufReader::new(stdout).read_line(&mut line);
    let page = Page {
        child,
        addr: line
            .trim()
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned(),
    };
    // Nothing printed: the page could not listen, and has ended (dropping it reaps it).
    (read.is_ok_and(|n| n > 0)).then_some(page)
}

/// Sends raw bytes and returns what came back (possibly nothing, for bytes that are not
/// HTTP at all).
fn send(addr: &str, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    // A server that stops reading early may reset the connection: that is an answer too.
    let _ = stream.write_all(request);
    let _ = stream.shutdown(Shutdown::Write);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    response
}

/// The status of a response, if it is one.
fn status(response: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(response.get(..12)?).ok()?;
    text.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

#[derive(Debug, Clone)]
enum Body {
    Case,
    Interview,
    UnknownIndicator,
    UnknownKey,
    BadJson,
    Bytes(Vec<u8>),
}

impl Body {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Body::Case => format!(
                r#"{{"subject": {{"age_years": 30}}, "observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{SENTINEL}"}}]}}"#
            )
            .into_bytes(),
            Body::Interview => format!(
                r#"{{"case": {{"observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{SENTINEL}"}}]}}, "answer": {{"reply": "maybe-{SENTINEL}"}}}}"#
            )
            .into_bytes(),
            Body::UnknownIndicator => format!(
                r#"{{"observations": [{{"indicator": "{TOKEN}", "status": "present", "note": "{SENTINEL}"}}]}}"#
            )
            .into_bytes(),
            Body::UnknownKey => format!(
                r#"{{"{TOKEN}": 1, "case": {{"subject": {{"{TOKEN}": 1}}}}, "answer": {{"{TOKEN}": 1}}}}"#
            )
            .into_bytes(),
            Body::BadJson => format!(r#"{{"subject": "{SENTINEL}", "#).into_bytes(),
            Body::Bytes(b) => {
                let mut b = b.clone();
                b.extend_from_slice(SENTINEL.as_bytes());
                b
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    host: Option<bool>,
    json: bool,
    length: Option<i8>,
    body: Body,
}

impl Request {
    fn bytes(&self, addr: &str) -> Vec<u8> {
        let body = self.body.bytes();
        let mut head = format!("{} {} HTTP/1.1\r\n", self.method, self.path);
        match self.host {
            Some(true) => head.push_str(&format!("Host: {addr}\r\n")),
            Some(false) => head.push_str(&format!("Host: {SENTINEL}.example\r\n")),
            None => {}
        }
        if self.json {
            head.push_str("Content-Type: application/json\r\n");
        } else {
            head.push_str(&format!("Content-Type: text/{SENTINEL}\r\n"));
        }
        if let Some(delta) = self.length {
            // The declared length: right, or shorter than the body (never longer, which
            // would only make the server wait for bytes that never come).
            let n = body.len().saturating_sub(delta.unsigned_abs().into());
            head.push_str(&format!("Content-Length: {n}\r\n"));
        }
        head.push_str("Connection: close\r\n\r\n");
        let mut out = head.into_bytes();
        out.extend_from_slice(&body);
        out
    }
}

fn request() -> impl Strategy<Value = Request> {
    let method = prop_oneof![
        Just("GET".to_owned()),
        Just("POST".to_owned()),
        Just("PUT".to_owned()),
        Just("DELETE".to_owned()),
        Just("OPTIONS".to_owned()),
        "[A-Z]{1,8}",
    ];
    let path = prop_oneof![
        Just("/".to_owned()),
        Just("/app.js".to_owned()),
        Just("/api/catalogue?lang=ko&rule_set=kr-2024".to_owned()),
        Just("/api/assess".to_owned()),
        Just("/api/assess?lang=ko&rule_set=kr-2023".to_owned()),
        Just(format!("/api/assess?rule_set={SENTINEL}&lang={SENTINEL}")),
        Just("/api/interview?lang=ko".to_owned()),
        Just(format!("/{SENTINEL}")),
        "/[a-zA-Z0-9_./?=&%-]{0,40}",
    ];
    let body = prop_oneof![
        Just(Body::Case),
        Just(Body::Interview),
        Just(Body::UnknownIndicator),
        Just(Body::UnknownKey),
        Just(Body::BadJson),
        proptest::collection::vec(any::<u8>(), 0..600).prop_map(Body::Bytes),
    ];
    (
        method,
        path,
        prop_oneof![
            Just(Some(true)),
            Just(Some(true)),
            Just(Some(false)),
            Just(None)
        ],
        any::<bool>(),
        prop_oneof![
            Just(Some(0i8)),
            Just(Some(0i8)),
            any::<i8>().prop_map(Some),
            Just(None)
        ],
        body,
    )
        .prop_map(|(method, path, host, json, length, body)| Request {
            method,
            path,
            host,
            json,
            length,
            body,
        })
}

/// One random request, and the page's answer to it and to a plain request after it.
fn check(addr: &str, req: &Request) -> Result<(), TestCaseError> {
    let response = send(addr, &req.bytes(addr));
    let code = status(&response);
    // HTTP, with a status the page documents (or the HTTP library's own 400 and 505 for
    // requests that are not HTTP/1.1), never a server error of the page.
    prop_assert!(
        code.is_some_and(|c| [200, 400, 404, 405, 413, 415, 421, 422, 505].contains(&c)),
        "status {:?}",
        code
    );
    // A foreign or missing Host is refused before anything else is looked at.
    if req.host != Some(true) && code != Some(400) && code != Some(505) {
        prop_assert_eq!(code, Some(421));
    }
    // An error never quotes what the request carried.
    if code != Some(200) {
        let text = String::from_utf8_lossy(&response);
        prop_assert!(!text.contains(SENTINEL), "the error quotes the request");
        prop_assert!(
            !text.contains(TOKEN),
            "the error quotes a key or id of the request"
        );
    }
    // And the page still answers.
    let again = send(
        addr,
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    prop_assert_eq!(status(&again), Some(200));
    Ok(())
}

#[test]
fn any_request_gets_a_documented_answer_that_quotes_nothing() {
    let page = start_page();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&request(), |req| check(&page.addr, &req));
    drop(page);
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A request that declares a body far larger than it sends, or larger than any memory, is
/// answered and closed without waiting for or draining the rest; and while one client holds
/// a request half sent, the page answers everyone else. Until the thirty-fourth session the
/// server (tiny_http) drained an unread body on its only thread into a buffer the size of the
/// declared length: `Content-Length: 1000000000000` ended the process, and a stalled body
/// froze the page (a code review found both).
#[test]
fn a_huge_or_stalled_body_neither_ends_nor_freezes_the_page() {
    let page = start_page();
    let addr = &page.addr;
    for head in [
        format!(
            "GET /x HTTP/1.1\r\nHost: {SENTINEL}.example\r\nContent-Length: 1000000000000\r\n\r\n"
        ),
        format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{{"
        ),
        format!(
            "POST /api/interview HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 18446744073709551615\r\n\r\n"
        ),
    ] {
        let response = send(addr, head.as_bytes());
        assert!(
            matches!(status(&response), Some(413 | 421)),
            "{:?}",
            String::from_utf8_lossy(&response)
        );
    }
    // A client that declares 900,000 bytes, sends 20,000 and waits.
    let mut stalled = TcpStream::connect(addr.as_str()).expect("connect");
    let mut head = format!(
        "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n"
    )
    .into_bytes();
    head.extend(std::iter::repeat_n(b' ', 20_000));
    stalled.write_all(&head).expect("send part of the body");
    // Everyone else is answered meanwhile (`send` gives up after 10 s).
    for path in ["/", "/api/catalogue?lang=ko"] {
        let again = send(
            addr,
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(status(&again), Some(200), "{path}");
    }
    drop(stalled);
    // A client that asks to be told before it sends its body (curl does for large files).
    let body = r#"{"subject": {"age_years": 30}}"#;
    let response = send(
        addr,
        format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    let text = String::from_utf8_lossy(&response);
    assert!(
        text.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"),
        "{text}"
    );
    // A chunked body (Node's `http.request` sends one when no length is given) is read; one
    // over the limit is refused.
    let chunked = |chunks: &[&str]| {
        let mut request = format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        );
        for chunk in chunks {
            request.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
        }
        request.push_str("0\r\n\r\n");
        status(&send(addr, request.as_bytes()))
    };
    assert_eq!(
        chunked(&[r#"{"subject": "#, r#"{"age_years": 30}}"#]),
        Some(200)
    );
    let big = " ".repeat(600_000);
    assert_eq!(chunked(&[&big, &big, "{}"]), Some(413));
    // A body of 2 MiB sent whole is read and thrown away, so the client reads the refusal
    // (a browser loading the wrong file sees the page's words, not a reset connection).
    let mut whole = format!(
        "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        2 << 20
    )
    .into_bytes();
    whole.extend(std::iter::repeat_n(b' ', 2 << 20));
    assert_eq!(status(&send(addr, &whole)), Some(413));
    // A client waiting for 100 Continue with a body over the limit gets the refusal at once,
    // and no 100.
    let waiting = send(
        addr,
        format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(
        String::from_utf8_lossy(&waiting).starts_with("HTTP/1.1 413 "),
        "{}",
        String::from_utf8_lossy(&waiting)
    );
    // Framing that is not plain: a signed length, another transfer coding.
    // A coding before chunked, with a well-formed chunked body: the body would be read as if
    // it were not compressed (a privacy audit, thirty-ninth session).
    let chunked_body = "2\r\n{}\r\n0\r\n\r\n";
    for (framing, body) in [
        ("Content-Length: +2", "{}"),
        ("Content-Length: 2, 2", "{}"),
        ("Transfer-Encoding: gzip", "{}"),
        ("Transfer-Encoding: gzip, chunked", chunked_body),
        ("Transfer-Encoding: chunked, chunked", chunked_body),
    ] {
        let request = format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n{framing}\r\nConnection: close\r\n\r\n{body}"
        );
        assert_eq!(
            status(&send(addr, request.as_bytes())),
            Some(400),
            "{framing}"
        );
    }
}

/// On port 80 a browser leaves the port out of `Host` (`http://127.0.0.1/`): the page takes
/// its address with or without `:80`, and still refuses any other (a privacy audit, thirty-
/// ninth session: every request on port 80 was refused). Skipped where port 80 cannot be
/// bound (an unprivileged user, a port in use); CI runs as root.
#[test]
fn on_port_80_the_address_without_its_port_is_answered() {
    let Some(page) = start_page_on("127.0.0.1:80") else {
        eprintln!("port 80 cannot be bound here: skipped");
        return;
    };
    let addr = page.addr.as_str();
    for (host, expected) in [
        ("127.0.0.1", 200),
        ("localhost", 200),
        ("127.0.0.1:80", 200),
        ("localhost:80", 200),
        ("127.0.0.2", 421),
        ("example.org", 421),
    ] {
        let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(
            status(&send(addr, request.as_bytes())),
            Some(expected),
            "{host}"
        );
    }
}

/// The API's media type is compared as RFC 9110 compares it: without case, before any
/// parameter, and whole (`application/jsonx` is another type); a body that starts with a
/// UTF-8 byte-order mark is read by the interview as by the assessment (a privacy audit,
/// thirty-ninth session).
#[test]
fn the_api_reads_its_media_type_without_case_and_a_byte_order_mark_on_both_endpoints() {
    let page = start_page();
    let addr = page.addr.as_str();
    for (content_type, expected) in [
        ("application/json", 200),
        ("Application/JSON; charset=utf-8", 200),
        ("application/json ; charset=UTF-8", 200),
        ("application/jsonx", 415),
        ("text/plain; application/json", 415),
    ] {
        let request = format!(
            "POST /api/assess HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        );
        assert_eq!(
            status(&send(addr, request.as_bytes())),
            Some(expected),
            "{content_type}"
        );
    }
    for path in ["/api/assess", "/api/interview"] {
        let body = if path == "/api/assess" {
            "\u{feff}{}"
        } else {
            "\u{feff}{\"case\": {}, \"answer\": null}"
        };
        let (code, error) = post(addr, path, body);
        assert_eq!((code, error.as_str()), (Some(200), ""), "{path}");
    }
}

/// The page serves 32 connections at once: the 32nd is served, a 33rd is told it is busy
/// (503) without being read, and the page serves again when the 32 go. A client that opens a connection and
/// sends nothing is answered "incomplete" (400) when the 20 seconds for a request end, so
/// it holds its place no longer (the test waits for that answer, about 20 s, at most 60).
#[test]
fn the_page_serves_32_connections_at_once_and_no_silent_one_for_ever() {
    let page = start_page();
    let addr = page.addr.as_str();
    let silent = TcpStream::connect(addr).expect("connect");
    silent
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let opened = std::time::Instant::now();
    // 31 more that send nothing: with `silent`, every place is taken.
    let held: Vec<TcpStream> = (0..31)
        .map(|_| TcpStream::connect(addr).expect("connect"))
        .collect();
    // The accepting thread takes connections in order, so the next one is the 33rd: it is
    // answered without a request (one sent now could reach a closed socket and reset it).
    let mut busy = Vec::new();
    let mut thirty_third = TcpStream::connect(addr).expect("connect");
    thirty_third
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let _ = thirty_third.read_to_end(&mut busy);
    assert_eq!(
        status(&busy),
        Some(503),
        "{}",
        String::from_utf8_lossy(&busy)
    );
    assert!(body_of(&busy).contains("busy"), "{}", body_of(&busy));
    // The 32nd was given a place: its request is served (a lower limit would have refused it
    // with the 33rd).
    let mut held = held;
    let mut last = held.pop().expect("31 connections");
    last.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let _ = last.write_all(
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    let _ = last.shutdown(Shutdown::Write);
    let mut served32 = Vec::new();
    let _ = last.read_to_end(&mut served32);
    assert_eq!(status(&served32), Some(200), "the 32nd connection");
    // The others go (each thread reads the end of its stream and gives its place back).
    drop(held);
    let served = (0..100).find_map(|_| {
        let again = send(
            addr,
            format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        if status(&again) == Some(200) {
            Some(())
        } else {
            std::thread::sleep(Duration::from_millis(100));
            None
        }
    });
    assert!(served.is_some(), "the page did not serve again");
    // The silent one is answered when its time is up, and closed.
    let mut answer = Vec::new();
    let mut silent = silent;
    let _ = silent.read_to_end(&mut answer);
    let waited = opened.elapsed();
    assert_eq!(
        status(&answer),
        Some(400),
        "after {waited:?}: {}",
        String::from_utf8_lossy(&answer)
    );
    assert!(
        body_of(&answer).contains("incomplete"),
        "{}",
        body_of(&answer)
    );
    assert!(
        waited >= Duration::from_secs(19),
        "answered after {waited:?}, before the request's 20 s were up"
    );
}

/// Posts JSON and returns the whole response.
fn post_raw(addr: &str, path: &str, body: &str) -> Vec<u8> {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    send(addr, request.as_bytes())
}

/// Posts JSON and returns the status and the `error` of the answer.
fn post(addr: &str, path: &str, body: &str) -> (Option<u16>, String) {
    let response = post_raw(addr, path, body);
    let text = String::from_utf8_lossy(&response);
    let json = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    (
        status(&response),
        value["error"].as_str().unwrap_or_default().to_owned(),
    )
}

/// Korean without a rule set means Korean law, on the page's API as on the command line and
/// in the page's own menu; any other language, the crate's default.
#[test]
fn the_api_in_korean_without_a_rule_set_applies_korean_law() {
    let page = start_page();
    let case = r#"{"subject": {"age_years": 30}, "forms": ["labour"]}"#;
    for (path, expected) in [
        ("/api/assess?lang=ko", "kr-2024"),
        ("/api/assess?lang=en", "ilo-2009"),
        ("/api/assess", "ilo-2009"),
        ("/api/assess?lang=ko&rule_set=kr-2023", "kr-2023"),
        ("/api/assess?lang=ko&rule_set=ilo-2009", "ilo-2009"),
    ] {
        let response = post_raw(&page.addr, path, case);
        assert_eq!(status(&response), Some(200), "{path}");
        let text = String::from_utf8_lossy(&response);
        let json = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        let value: serde_json::Value = serde_json::from_str(json).expect("the API's JSON");
        assert_eq!(value["assessment"]["rule_set"]["id"], expected, "{path}");
    }
}

/// What an officer meets on the Korean page is in Korean: a case file that cannot be read,
/// and an answer to a question that has changed.
#[test]
fn the_korean_page_says_what_went_wrong_in_korean() {
    let page = start_page();
    let (code, error) = post(
        &page.addr,
        "/api/assess?lang=ko&rule_set=kr-2024",
        r#"{"subject": {"age_years": "서른"}}"#,
    );
    assert_eq!(code, Some(422));
    assert_eq!(
        error,
        "$.subject.age_years: 값의 형식이 맞지 않음(필요한 값: 0~130의 정수(만 나이), 입력된 값: 문자열)"
    );
    // The same in English.
    let (_, error) = post(
        &page.addr,
        "/api/assess?lang=en",
        r#"{"subject": {"age_years": "thirty"}}"#,
    );
    assert_eq!(
        error,
        "$.subject.age_years: expected a whole number of years from 0 to 130, found a string"
    );
    // The first question of an empty case is number 1 (safety): an answer to number 5 is
    // refused, in Korean.
    let (code, error) = post(
        &page.addr,
        "/api/interview?lang=ko",
        r#"{"case": {}, "answer": {"reply": "yes", "question": {"number": 5, "id": null}}}"#,
    );
    assert_eq!(code, Some(422));
    assert!(
        error.contains("질문이 바뀌어 아무것도 기록하지 않았음"),
        "{error}"
    );
    // An age out of range (another client than the page, which checks first), in Korean.
    let (code, error) = post(
        &page.addr,
        "/api/interview?lang=ko",
        r#"{"case": {"interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}, "answer": {"age": 150}}"#,
    );
    assert_eq!(code, Some(422));
    assert!(error.starts_with("나이는 0~130의 정수"), "{error}");
    // A source on a question that is not an indicator's is refused, in Korean.
    let (code, error) = post(
        &page.addr,
        "/api/interview?lang=ko",
        r#"{"case": {}, "answer": {"reply": "no", "source": "document"}}"#,
    );
    assert_eq!(code, Some(422));
    assert!(
        error.contains("확인 방법은 지표 질문의 답에만 기록함"),
        "{error}"
    );
}

/// An unknown rule set, language or query parameter on the API is refused (400, naming the
/// parameter, not the value), never replaced by the default: a typo must not give an
/// assessment under another law or in another language.
#[test]
fn an_unknown_rule_set_or_language_is_refused_not_replaced() {
    let page = start_page();
    let case = r#"{"forms": ["labour"]}"#;
    for (path, named) in [
        (
            "/api/assess?rule_set=kr2024",
            "`rule_set` takes one of `ilo-2009`, `kr-2023`, `kr-2024`",
        ),
        (
            "/api/assess?lang=kr&rule_set=kr-2024",
            "`lang` takes `en` or `ko`",
        ),
        (
            "/api/assess?rule-set=kr-2024",
            "the API takes the query parameters `lang` and `rule_set` only",
        ),
        (
            "/api/interview?lang=ko&rule_set=",
            "`rule_set` takes one of",
        ),
        ("/api/interview?lang", "the API takes the query parameters"),
    ] {
        let (code, error) = post(&page.addr, path, case);
        assert_eq!(code, Some(400), "{path}");
        assert!(error.starts_with(named), "{path}: {error}");
        assert!(
            !error.contains("kr2024") && !error.contains("=kr"),
            "{path}: {error}"
        );
    }
    let catalogue = send(
        &page.addr,
        format!(
            "GET /api/catalogue?lang=ko&rule_set=kr-2025 HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            page.addr
        )
        .as_bytes(),
    );
    assert_eq!(status(&catalogue), Some(400));
    // What the page itself sends is taken, and so is no parameter at all (the defaults).
    for path in [
        "/api/assess?lang=ko&rule_set=kr-2024",
        "/api/assess?lang=en&rule_set=ilo-2009",
        "/api/assess",
    ] {
        let (code, error) = post(&page.addr, path, case);
        assert_eq!(code, Some(200), "{path}: {error}");
    }
    // The page's own files ignore a query (a reload with one still opens the page).
    let index = send(
        &page.addr,
        format!(
            "GET /?lang=kr HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            page.addr
        )
        .as_bytes(),
    );
    assert_eq!(status(&index), Some(200));
    drop(page);
}

/// The case inside an interview request reaches the case reader as the client sent it: a key
/// sent twice in the case is refused with the reader's own error, as `/api/assess` refuses
/// it, never resolved to the last (the request was once read into a map and written out
/// again, which kept one of the two without a word).
#[test]
fn a_key_sent_twice_in_the_case_is_refused_by_the_interview_as_by_the_assessment() {
    let page = start_page();
    let case = r#"{"observations": [{"indicator": "withholding_of_wages", "status": "present", "status": "absent"}]}"#;
    let (code, assessed) = post(&page.addr, "/api/assess", case);
    assert_eq!(code, Some(422));
    assert_eq!(
        assessed,
        "$.observations[0]: the key `status` appears twice"
    );
    for answer in ["null", r#"{"skip": true}"#] {
        let (code, error) = post(
            &page.addr,
            "/api/interview",
            &format!(r#"{{"case": {case}, "answer": {answer}}}"#),
        );
        assert_eq!(code, Some(422), "{answer}");
        assert_eq!(error, assessed, "{answer}");
    }
    // In Korean too, in the reader's Korean words.
    let (_, ko) = post(&page.addr, "/api/assess?lang=ko", case);
    let (code, error) = post(
        &page.addr,
        "/api/interview?lang=ko",
        &format!(r#"{{"case": {case}, "answer": null}}"#),
    );
    assert_eq!(code, Some(422));
    assert_eq!(error, ko);
    // A key twice in the request itself, or in an answer, is refused too.
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        r#"{"case": {}, "case": {"forms": ["labour"]}, "answer": null}"#,
    );
    assert_eq!(code, Some(422));
    assert_eq!(error, "the request has the key `case` twice");
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        r#"{"case": {}, "answer": {"reply": "yes", "reply": "no"}}"#,
    );
    assert_eq!(code, Some(422));
    assert_eq!(error, "`answer` has the key `reply` twice");
    drop(page);
}

/// The interview request and its answer are typed: an unknown or misspelled key is refused
/// (naming the keys it takes, never the key, which may be a name, nor a value), an answer is exactly one
/// kind, `skip` is only `true`, and a note or source goes with a reply only. Each was once
/// ignored: `"qestion"` turned off the check that the answer is for the question shown,
/// `"nots"` dropped the note, `{"skip": false}` skipped.
#[test]
fn an_interview_request_with_an_unknown_key_or_two_answers_is_refused_not_read_in_part() {
    let page = start_page();
    let safe =
        r#"{"interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#;
    let refused = [
        (
            r#"{"case": {}, "answr": {"reply": "yes"}}"#.to_owned(),
            "the request has an unknown key, not shown (its keys: `case`, `answer`)",
        ),
        (
            r#"{"case": {}, "answer": {"reply": "yes", "qestion": {"number": 9, "id": null}}}"#
                .to_owned(),
            "`answer` has an unknown key, not shown (its keys: `reply`, `age`, `birth_year`, `forms`, `sexual_exploitation_types`, `skip`, `question`, `source`, `note`)",
        ),
        (
            r#"{"case": {}, "answer": {"reply": "no", "sourse": "document"}}"#.to_owned(),
            "`answer` has an unknown key, not shown",
        ),
        (
            format!(r#"{{"case": {{}}, "answer": {{"reply": "no", "nots": "{SENTINEL}"}}}}"#),
            "`answer` has an unknown key, not shown",
        ),
        (
            format!(r#"{{"case": {{}}, "answer": {{"reply": "no", "{SENTINEL}": 1}}}}"#),
            "`answer` has an unknown key, not shown",
        ),
        (
            r#"{"case": {}, "answer": {"reply": "no", "question": {"number": 1, "id": "hurt", "numbr": 1}}}"#
                .to_owned(),
            "`question` has an unknown key, not shown (its keys: `number`, `id`)",
        ),
        (
            r#"{"case": {}, "answer": {"reply": "no", "question": {"number": 1}}}"#.to_owned(),
            "`question` has no `id`",
        ),
        (
            r#"{"case": {}, "answer": {"skip": false}}"#.to_owned(),
            "`skip` takes `true` only",
        ),
        (
            r#"{"case": {}, "answer": {"skip": "yes"}}"#.to_owned(),
            "`skip` takes `true` only",
        ),
        (
            r#"{"case": {}, "answer": {"reply": "no", "skip": true}}"#.to_owned(),
            "`answer` has more than one answer (`reply` and `skip`)",
        ),
        (
            format!(r#"{{"case": {safe}, "answer": {{"age": 30, "forms": ["labour"]}}}}"#),
            "`answer` has more than one answer (`age` and `forms`)",
        ),
        (
            format!(r#"{{"case": {safe}, "answer": {{"age": 30, "note": "{SENTINEL}"}}}}"#),
            "`note` goes with `reply` only, not with `age`",
        ),
        (
            r#"{"case": {}, "answer": {"skip": true, "source": "document"}}"#.to_owned(),
            "`source` goes with `reply` only, not with `skip`",
        ),
        (
            r#"{"case": {}, "answer": {"question": {"number": 1, "id": "hurt"}}}"#.to_owned(),
            "`answer` is one of reply, age, birth_year, forms, sexual_exploitation_types or skip",
        ),
        (
            format!(r#"{{"case": {safe}, "answer": {{"forms": ["labour", "labour"]}}}}"#),
            "`forms` names a form twice",
        ),
        (
            format!(
                r#"{{"case": {safe}, "answer": {{"sexual_exploitation_types": ["pornography", "pornography"]}}}}"#
            ),
            "`sexual_exploitation_types` names a type twice",
        ),
        (
            format!(r#"{{"case": {safe}, "answer": {{"sexual_exploitation_types": ["film"]}}}}"#),
            "`sexual_exploitation_types` is a list of types of sexual exploitation",
        ),
        (
            format!(r#"{{"case": {{}}, "answer": {{"reply": "no", "note": 7{SENTINEL}}}}}"#),
            "the request is not JSON",
        ),
        (
            r#"{"case": {}}"#.to_owned(),
            "the request has no `answer` (null for none)",
        ),
        (
            r#"{"answer": null}"#.to_owned(),
            "the request has no `case`",
        ),
        (
            r#"{"case": {}, "answer": "yes"}"#.to_owned(),
            "`answer` is not a JSON object",
        ),
        (r#"[{"case": {}}]"#.to_owned(), "the request is not a JSON object"),
    ];
    for (body, expected) in &refused {
        let (code, error) = post(&page.addr, "/api/interview", body);
        assert_eq!(code, Some(422), "{body}: {error}");
        assert!(error.starts_with(expected), "{body}: {error}");
        assert!(!error.contains(SENTINEL), "{body}: {error}");
    }
    // What the page sends is taken: a reply with its question, a note and a source; a skip;
    // an age not known; the forms.
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        r#"{"case": {}, "answer": {"reply": "no", "question": {"number": 1, "id": "hurt"}}}"#,
    );
    assert_eq!(code, Some(200), "{error}");
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        r#"{"case": {}, "answer": {"skip": true, "question": {"number": 1, "id": "hurt"}}}"#,
    );
    assert_eq!(code, Some(200), "{error}");
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        &format!(
            r#"{{"case": {safe}, "answer": {{"age": null, "question": {{"number": 4, "id": null}}}}}}"#
        ),
    );
    assert_eq!(code, Some(200), "{error}");
    // The age asked in the interview (the fifth question is the forms); one typed in the
    // person's fields was not asked, and the forms would be the fourth.
    let with_age = r#"{"subject": {"age_years": 30}, "interview": {"opening_asked": ["age"], "safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#;
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        &format!(
            r#"{{"case": {with_age}, "answer": {{"forms": ["labour"], "question": {{"number": 5, "id": null}}}}}}"#
        ),
    );
    assert_eq!(code, Some(200), "{error}");
    let with_forms = r#"{"subject": {"age_years": 30}, "forms": ["labour"], "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#;
    let (code, error) = post(
        &page.addr,
        "/api/interview",
        &format!(
            r#"{{"case": {with_forms}, "answer": {{"reply": "yes", "note": "seen", "source": "document"}}}}"#
        ),
    );
    assert_eq!(code, Some(200), "{error}");
    // Under Korean law, with the form sexual recorded, the type is the next question, and
    // the answer is recorded in the case.
    let with_sexual = r#"{"subject": {"age_years": 30}, "forms": ["sexual"], "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#;
    let answered = |answer: &str| -> (Option<u16>, serde_json::Value) {
        let response = post_raw(
            &page.addr,
            "/api/interview?rule_set=kr-2024",
            &format!(r#"{{"case": {with_sexual}, "answer": {answer}}}"#),
        );
        let text = String::from_utf8_lossy(&response);
        let json = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (
            status(&response),
            serde_json::from_str(json).unwrap_or_default(),
        )
    };
    let (code, body) = answered("null");
    assert_eq!(code, Some(200), "{body}");
    assert_eq!(body["next"]["kind"], "sexual_exploitation_types", "{body}");
    assert_eq!(body["next"]["number"], 4, "{body}");
    let (code, body) = answered(
        r#"{"sexual_exploitation_types": ["pornography"], "question": {"number": 4, "id": null}}"#,
    );
    assert_eq!(code, Some(200), "{body}");
    assert_eq!(
        body["case"]["sexual_exploitation_types"],
        serde_json::json!(["pornography"]),
        "{body}"
    );
    assert_eq!(body["next"]["kind"], "indicator", "{body}");
    // A list answer must be of the list question shown: the forms and the type have no id
    // and may take the same number, so a type answered while the forms are shown (the page
    // left open on the type after the form was unticked) is refused, and nothing recorded.
    let no_forms = r#"{"subject": {"age_years": 30}, "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#;
    let response = post_raw(
        &page.addr,
        "/api/interview?rule_set=kr-2024",
        &format!(
            r#"{{"case": {no_forms}, "answer": {{"sexual_exploitation_types": [], "question": {{"number": 4, "id": null}}}}}}"#
        ),
    );
    assert_eq!(status(&response), Some(422));
    assert!(
        String::from_utf8_lossy(&response).contains("The question has changed"),
        "{}",
        String::from_utf8_lossy(&response)
    );
    drop(page);
}

/// A query parameter given twice is refused (400, naming it) like an unknown one, never
/// read as the last: `rule_set=kr-2024&rule_set=ilo-2009` once answered under `ilo-2009`.
#[test]
fn a_query_parameter_given_twice_is_refused_not_read_as_the_last() {
    let page = start_page();
    for (path, named) in [
        (
            "/api/assess?rule_set=kr-2024&rule_set=ilo-2009",
            "`rule_set` is given twice",
        ),
        ("/api/assess?lang=ko&lang=en", "`lang` is given twice"),
        (
            "/api/interview?lang=ko&rule_set=kr-2024&lang=ko",
            "`lang` is given twice",
        ),
    ] {
        let (code, error) = post(&page.addr, path, r#"{"forms": ["labour"]}"#);
        assert_eq!(code, Some(400), "{path}");
        assert_eq!(error, named, "{path}");
    }
    let catalogue = send(
        &page.addr,
        format!(
            "GET /api/catalogue?rule_set=kr-2024&rule_set=kr-2023 HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            page.addr
        )
        .as_bytes(),
    );
    assert_eq!(status(&catalogue), Some(400));
    drop(page);
}

/// The body of a response, its chunks joined where it was sent in chunks (the catalogue is).
fn body_of(response: &[u8]) -> String {
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let mut body = &response[split + 4..];
    if !head.contains("transfer-encoding: chunked") {
        return String::from_utf8(body.to_vec()).expect("UTF-8");
    }
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&body[..end]).expect("a chunk size");
        let size = usize::from_str_radix(size.trim(), 16).expect("a chunk size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size..];
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
    String::from_utf8(out).expect("UTF-8")
}

/// The locale keys named in the page's script: every single-quoted literal shaped like a key
/// (`page.title`) or a key's prefix (`'stage.' + value`, ending in a dot). Comment lines are
/// left out first: an apostrophe in a comment ("the officer's note") would pair the quotes
/// wrongly and hide every key after it (a second read, thirty-third session).
fn keys_in_the_page_script() -> Vec<String> {
    let script = std::fs::read_to_string(crate::common::root("examples/screening_page/app.js"))
        .expect("read app.js");
    let code: String = script
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut keys: Vec<String> = code
        .split('\'')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let Some((namespace, rest)) = s.split_once('.') else {
                return false;
            };
            !namespace.is_empty()
                && namespace
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
                && rest
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
        })
        .map(str::to_owned)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Every word the page's script looks up is among the words `/api/catalogue` sends, in both
/// languages: a key or, for a prefix the script completes with a value (`'stage.' + value`),
/// every key of the locale file under that prefix. A word not sent is shown as its raw key
/// (the offence stage drop-down once read `stage.suspected`, in English and Korean).
#[test]
fn every_word_the_page_script_looks_up_is_sent() {
    let keys = keys_in_the_page_script();
    // The scan finds the script's keys (a change of quoting would find none and pass).
    for expected in [
        "page.title",
        "stage.",
        "offence.",
        "page.stage",
        "page.same_indicator",
        "report.heading.",
        "page.nothing_to_undo",
        "page.cover.title",
    ] {
        assert!(keys.iter().any(|k| k == expected), "{expected} in {keys:?}");
    }
    let english: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::common::root("data/locales/en.json")).expect("en.json"),
    )
    .expect("en.json is JSON");
    let english = english["texts"].as_object().expect("texts");
    let page = start_page();
    for lang in ["en", "ko"] {
        let response = send(
            &page.addr,
            format!(
                "GET /api/catalogue?lang={lang}&rule_set=kr-2024 HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                page.addr
            )
            .as_bytes(),
        );
        assert_eq!(status(&response), Some(200), "{lang}");
        let body = body_of(&response);
        let catalogue: serde_json::Value = serde_json::from_str(&body).expect("catalogue JSON");
        let words = catalogue["words"].as_object().expect("words");
        let mut missing = Vec::new();
        for key in &keys {
            if key.ends_with('.') {
                let under: Vec<&String> = english
                    .keys()
                    .filter(|k| k.starts_with(key.as_str()))
                    .collect();
                if under.is_empty() {
                    missing.push(format!("{key} (no key of en.json under it)"));
                }
                missing.extend(
                    under
                        .into_iter()
                        .filter(|k| !words.contains_key(k.as_str()))
                        .cloned(),
                );
            } else if !words.contains_key(key.as_str()) {
                missing.push(key.clone());
            }
        }
        assert!(
            missing.is_empty(),
            "{lang}: the page looks up words it is not sent: {missing:?}"
        );
    }
    drop(page);
}

/// A case error that begins with its JSON path comes with the path (`path`), so that the page
/// can name the field in words (`page.field.*`: `$.observations[1].note` is `메모`); the page
/// showed `오류: $.observations[1].note: 글자 수가 ...`. Every `page.field.*` key names a
/// path of the case format, and the page's script looks them up.
#[test]
fn a_case_error_comes_with_its_path_and_the_page_has_a_word_for_the_common_ones() {
    let page = start_page();
    let note = "가".repeat(4500);
    let body = format!(
        r#"{{"observations": [{{"indicator": "withholding_of_wages", "status": "present"}},
            {{"indicator": "debt_bondage_at_destination", "status": "present", "note": "{note}"}}]}}"#
    );
    let response = post_raw(&page.addr, "/api/assess?lang=ko&rule_set=kr-2024", &body);
    assert_eq!(status(&response), Some(422));
    let text = String::from_utf8_lossy(&response);
    let json = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    assert_eq!(value["path"], "$.observations[1].note");
    assert_eq!(
        value["error"],
        "$.observations[1].note: 글자 수가 4500자로 한도(4000자)를 넘음"
    );
    // A refusal that is not a case error has no path.
    let request = format!(
        "POST /api/assess?lang=ko&rule_set=kr-2024 HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{{",
        page.addr
    );
    let response = send(&page.addr, request.as_bytes());
    let text = String::from_utf8_lossy(&response);
    let json = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    assert!(value.get("path").is_none(), "{value}");

    // Every field word names a path of the case schema, in both languages.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::common::root("schemas/case.schema.json")).expect("schema"),
    )
    .expect("JSON");
    let resolve = |node: &serde_json::Value| -> serde_json::Value {
        match node["$ref"].as_str().and_then(|r| r.strip_prefix("#/")) {
            Some(r) => r.split('/').fold(&schema, |n, part| &n[part]).clone(),
            None => node.clone(),
        }
    };
    let en = trafficking_indicators::render::Locale::En.texts();
    let ko = trafficking_indicators::render::Locale::Ko.texts();
    let mut fields = 0;
    for key in en.texts.keys().filter(|k| k.starts_with("page.field.")) {
        let mut node = resolve(&schema);
        for part in key.trim_start_matches("page.field.").split('.') {
            node = resolve(&node["properties"][part]);
            assert!(!node.is_null(), "{key}: `{part}` is not in the case format");
            if node["type"] == "array" || node["items"].is_object() {
                node = resolve(&node["items"]);
            }
        }
        assert!(ko.get(key).is_some(), "{key}");
        fields += 1;
    }
    assert!(fields >= 5, "{fields}");
    assert!(
        en.get("page.field.observations.note").is_some()
            && en.get("page.field.subject.age_years").is_some()
    );
    let script = std::fs::read_to_string(crate::common::root("examples/screening_page/app.js"))
        .expect("app.js");
    assert!(script.contains("'page.field.'"));
}

/// An integrator who reads the page's API gets the assessment as the library writes it and as
/// `assess --format json` prints it: the same bytes, `schema_version` first (not the keys
/// sorted by a map on the way). The interview's case keeps the case format's order, as the
/// terminal interview saves it.
#[test]
fn the_page_sends_the_assessment_and_the_case_in_their_own_field_order() {
    let page = start_page();
    let text = std::fs::read_to_string(crate::common::root(
        "examples/cases/entertainment_visa_bar.json",
    ))
    .expect("a bundled case");
    let response = post_raw(&page.addr, "/api/assess?lang=ko&rule_set=kr-2024", &text);
    assert_eq!(status(&response), Some(200));
    let body = body_of(&response);
    let expected = serde_json::to_string(&crate::common::assess_json_under("kr-2024", &text))
        .expect("an assessment serializes");
    let start = r#"{"assessment":"#;
    assert!(body.starts_with(start), "{}", &body[..body.len().min(80)]);
    assert!(
        body[start.len()..].starts_with(&expected),
        "the page's assessment is not the library's"
    );
    assert!(expected.starts_with(r#"{"schema_version":"#));

    // The interview: an empty case answered "no" to the first safety question.
    let request_body =
        r#"{"case": {}, "answer": {"reply": "no", "question": {"number": 1, "id": "hurt"}}}"#;
    let response = post_raw(&page.addr, "/api/interview?lang=en", request_body);
    assert_eq!(status(&response), Some(200), "{}", body_of(&response));
    let body = body_of(&response);
    let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let case = trafficking_indicators::Case::from_json(&value["case"].to_string()).expect("a case");
    let expected = serde_json::to_string(&case).expect("a case serializes");
    assert!(
        body.starts_with(&format!(r#"{{"case":{expected},"next":"#)),
        "{}",
        &body[..body.len().min(120)]
    );
    drop(page);
}
