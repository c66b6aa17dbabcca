//! `rapporteur serve` through a real HTTP client (ureq): the API gives what `search --json`
//! gives for the judged queries, facets stay visible when picked, pages are exact, bad
//! and hostile requests get JSON errors, the token is enforced, a slow client blocks no
//! one, and a new commit is searched without a restart.

use crate::common;

use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use common::server::Server;
use common::*;
use serde_json::Value;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// `(status, JSON body)` of a GET.
fn get(server: &Server, path: &str) -> (u16, Value) {
    let mut response = agent()
        .get(&server.url(path))
        .call()
        .expect("the server answers");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().expect("a body");
    let json =
        serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: not JSON: {body:.200}"));
    (status, json)
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn shipped_and_fixtures() -> IndexedCopy {
    indexed_copy(&[
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        fixture("reports/en-committee.txt"),
        fixture("reports/fr-commission.txt"),
    ])
}

/// `search --json` on `index`: the hits and the summary.
fn cli_search(index: &Path, args: &[String]) -> (Vec<Value>, Value) {
    let mut all: Vec<std::ffi::OsString> = vec!["search".into(), "--json".into(), "--index".into()];
    all.push(index.as_os_str().to_owned());
    all.extend(args.iter().map(Into::into));
    let output = rapporteur(all);
    let mut lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = lines.pop().expect("a summary line");
    (lines, summary)
}

#[test]
fn api_answers_equal_search_json_for_the_judged_queries() {
    let data = shipped_and_fixtures();
    let server = Server::start(&data.index, &[]);
    let judgments: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("eval/judgments.json")).unwrap())
            .unwrap();
    assert!(judgments.len() >= 10);
    for judgment in &judgments {
        let query = judgment["query"].as_str().unwrap();
        let mut args = vec![query.to_string(), "--limit".into(), "10".into()];
        let mut path = format!("/api/search?q={}&per_page=10&facets=all", encode(query));
        for (key, option) in [("country", "--country"), ("agenda", "--agenda")] {
            if let Some(value) = judgment.get(key).and_then(Value::as_str) {
                args.extend([option.to_string(), value.to_string()]);
                path.push_str(&format!("&{key}={}", encode(value)));
            }
        }
        let (cli_hits, summary) = cli_search(&data.index, &args);
        let (status, api) = get(&server, &path);
        assert_eq!(status, 200, "{query}: {api}");
        assert_eq!(api["total"], summary["total"], "{query}");
        let mut api_hits = api["hits"].as_array().unwrap().clone();
        for hit in &mut api_hits {
            hit.as_object_mut()
                .unwrap()
                .shift_insert(0, "type".into(), "hit".into());
        }
        assert_eq!(
            api_hits, cli_hits,
            "{query}: same hits, order, scores and snippets"
        );
        for facet in ["country", "agenda_item", "doc", "language"] {
            let api_counts: serde_json::Map<String, Value> = api["facets"][facet]["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (v["value"].as_str().unwrap().to_string(), v["count"].clone()))
                .collect();
            assert_eq!(
                Value::Object(api_counts),
                summary["facets"][facet],
                "{query}: facet {facet}"
            );
        }
    }
}

#[test]
fn a_picked_delegation_keeps_the_other_delegations_counts() {
    let data = shipped_and_fixtures();
    let server = Server::start(&data.index, &[]);
    let (_, all) = get(&server, "/api/search?q=hydrog%C3%A8ne+vert");
    let (_, picked) = get(&server, "/api/search?q=hydrog%C3%A8ne+vert&country=Chine");
    assert_eq!(picked["total"], 1, "{picked}");
    assert_eq!(picked["hits"][0]["speakers"][0]["country"], "CHN");
    assert_eq!(
        picked["facets"]["country"], all["facets"]["country"],
        "counts OR within the facet: China's pick leaves India's and Russia's counts"
    );
    let names: Vec<&str> = all["facets"]["country"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Chine"),
        "names in the report's language: {names:?}"
    );
    // Two delegations picked: either one's paragraphs; the document facet narrows (AND).
    let (_, two) = get(
        &server,
        "/api/search?q=hydrog%C3%A8ne+vert&country=CHN&country=IND",
    );
    assert_eq!(two["total"], 2);
    let doc_count = &two["facets"]["doc"]["values"][0]["count"];
    assert_eq!(
        doc_count, 2,
        "other facets count only the picked delegations' hits"
    );
}

#[test]
fn pages_are_exact_and_follow_on() {
    let data = shipped_and_fixtures();
    let server = Server::start(&data.index, &[]);
    let (_, four) = get(&server, "/api/search?q=technologie&per_page=4");
    let (_, first) = get(&server, "/api/search?q=technologie&per_page=2&page=1");
    let (_, second) = get(&server, "/api/search?q=technologie&per_page=2&page=2");
    let total = four["total"].as_u64().unwrap();
    assert!(total > 4, "{total}");
    assert_eq!(first["pages"].as_u64().unwrap(), total.div_ceil(2));
    let cited = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["citation"].as_str().unwrap().to_string())
            .collect()
    };
    let mut both = cited(&first);
    both.extend(cited(&second));
    assert_eq!(both, cited(&four), "page 2 starts where page 1 ends");
    let last = total.div_ceil(2);
    let (_, end) = get(
        &server,
        &format!("/api/search?q=technologie&per_page=2&page={last}"),
    );
    assert_eq!(
        end["hits"].as_array().unwrap().len() as u64,
        total - 2 * (last - 1)
    );
}

#[test]
fn show_trend_stats_export_and_health() {
    let data = shipped_and_fixtures();
    let server = Server::start(&data.index, &[]);
    let (status, shown) = get(&server, "/api/show?doc=APCTT%2FGC(20)%2F4&ref=12&context=1");
    assert_eq!(status, 200, "{shown}");
    assert_eq!(shown["unit"]["citation"], "APCTT/GC(20)/4, par. 12");
    let context = shown["context"].as_array().unwrap();
    assert_eq!(context.len(), 3);
    assert_eq!(context[1]["asked"], true);
    let (_, trend) = get(&server, "/api/trend?q=hydrog%C3%A8ne&split=country");
    let counted: u64 = trend["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    let (_, searched) = get(&server, "/api/search?q=hydrog%C3%A8ne");
    assert_eq!(
        trend["total"], searched["total"],
        "the trend counts what search finds"
    );
    assert!(counted >= searched["total"].as_u64().unwrap(), "{trend}");
    let svg = agent()
        .get(&server.url("/api/trend?q=hydrog%C3%A8ne&format=svg"))
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("2024"),
        "{svg:.200}"
    );
    let (_, stats) = get(&server, "/api/stats");
    assert_eq!(stats["reports"], 3);
    let mut csv = agent()
        .get(&server.url("/api/export?q=hydrog%C3%A8ne+vert&format=csv"))
        .call()
        .unwrap();
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = csv.body_mut().read_to_string().unwrap();
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    let (_, searched) = get(&server, "/api/search?q=hydrog%C3%A8ne+vert");
    assert_eq!(
        rows as u64,
        searched["total"].as_u64().unwrap(),
        "every hit: {csv}"
    );
    let (status, health) = get(&server, "/health");
    assert_eq!((status, health["status"].as_str()), (200, Some("ok")));
}

#[test]
fn a_speech_and_its_translation_are_one_hit_unless_all_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("A-C.3-79-SR.4.txt");
    let record = crate::meeting_records::FRENCH_RECORD;
    std::fs::write(&file, format!("A/C.3/79/SR.4\n{record}")).unwrap();
    let data = indexed_copy(&[file]);
    let server = Server::start(&data.index, &[]);
    let printed = |body: &Value| -> Vec<String> {
        let mut labels: Vec<String> = body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| hit["printed"].as_str().unwrap_or("").to_string())
            .collect();
        labels.sort();
        labels
    };
    let (status, originals) = get(&server, "/api/search?q=Paraguay");
    assert_eq!((status, originals["total"].as_u64()), (200, Some(2)));
    assert_eq!(printed(&originals), ["13.1", "13.2"]);
    let (_, all) = get(&server, "/api/search?q=Paraguay&translations=all");
    assert_eq!(printed(&all), ["(13.1)", "(13.2)", "13.1", "13.2"]);
}

#[test]
fn bad_and_hostile_requests_get_json_errors() {
    let data = shipped_and_fixtures();
    let server = Server::start(&data.index, &[]);
    for (path, status, code) in [
        ("/api/search?q=%FF%FE", 400, "bad_encoding"),
        ("/api/search", 400, "missing_query"),
        ("/api/search?q=x&country=Chin", 400, "unknown_country"),
        ("/api/search?q=x&agenda=three", 400, "bad_filter"),
        ("/api/search?q=x&per_page=100000", 400, "bad_parameter"),
        ("/api/search?q=x&translations=both", 400, "bad_parameter"),
        ("/api/search?q=%22", 400, "bad_query"),
        (
            "/api/show?doc=..%2F..%2F..%2Fetc%2Fpasswd&ref=1",
            404,
            "not_found",
        ),
        ("/api/show?doc=APCTT%2FGC(20)%2F4&ref=abc", 400, "bad_ref"),
        ("/../../etc/passwd", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
    ] {
        let (got, body) = get(&server, path);
        assert_eq!(
            (got, body["code"].as_str()),
            (status, Some(code)),
            "{path}: {body}"
        );
        assert!(
            body["message"].as_str().is_some_and(|m| m.len() > 10),
            "{path}"
        );
    }
    let long = format!("/api/search?q={}", "a".repeat(20_000));
    let (status, body) = get(&server, &long);
    assert_eq!((status, body["code"].as_str()), (413, Some("too_large")));
    // A 10 MB query, as a POSTed search: refused as JSON once the limit is read (the
    // server answers without reading the rest, so the client's writes may fail).
    let mut stream = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
    let huge = 10 * 1024 * 1024;
    write!(
        stream,
        "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {huge}\r\nConnection: close\r\n\r\n{{\"q\": \""
    )
    .unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..huge / chunk.len() {
        if stream.write_all(&chunk).is_err() {
            break;
        }
    }
    let mut answer = String::new();
    let _ = std::io::Read::read_to_string(&mut stream, &mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer:.300}");
    assert!(answer.contains("\"code\":\"too_large\""), "{answer:.300}");
    let mut response = agent().delete(&server.url("/api/search")).call().unwrap();
    assert_eq!(response.status().as_u16(), 405);
    assert!(response
        .body_mut()
        .read_to_string()
        .unwrap()
        .contains("\"code\""));
    // A POSTed search answers as the GET does.
    let (_, by_get) = get(&server, "/api/search?q=hydrog%C3%A8ne&country=CHN");
    let mut response = agent()
        .post(&server.url("/api/search"))
        .send(r#"{"q": "hydrogène", "country": ["CHN"]}"#.as_bytes())
        .unwrap();
    let by_post: Value =
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(by_post, by_get);
}

#[test]
fn the_token_guards_the_api_and_the_page_signs_in() {
    let data = indexed_copy(&[root().join("corpus/APCTT-GC-20-4.fr.txt")]);
    let server = Server::start(&data.index, &["--token", "s3cret-token"]);
    let status = |request: ureq::RequestBuilder<ureq::typestate::WithoutBody>| {
        request.call().unwrap().status().as_u16()
    };
    let search = server.url("/api/search?q=hydrog%C3%A8ne");
    assert_eq!(status(agent().get(&search)), 401);
    assert_eq!(
        status(agent().get(&search).header("Authorization", "Bearer wrong")),
        401
    );
    assert_eq!(
        status(
            agent()
                .get(&search)
                .header("Authorization", "Bearer s3cret-token")
        ),
        200
    );
    assert_eq!(
        status(agent().get(&server.url("/"))),
        200,
        "the page itself is open"
    );
    let (code, body) = get(&server, "/api/stats");
    assert_eq!((code, body["code"].as_str()), (401, Some("unauthorized")));
    let wrong = agent()
        .post(&server.url("/login"))
        .send("token=nope".as_bytes())
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let signed = agent()
        .post(&server.url("/login"))
        .send("token=s3cret-token".as_bytes())
        .unwrap();
    assert_eq!(signed.status().as_u16(), 204);
    let cookie = signed.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    assert_eq!(status(agent().get(&search).header("Cookie", pair)), 200);
}

#[test]
fn another_address_than_loopback_needs_a_token() {
    let data = indexed_copy(&[root().join("corpus/APCTT-GC-20-4.fr.txt")]);
    let output = rapporteur([
        "serve".as_ref(),
        "--index".as_ref(),
        data.index.as_os_str(),
        "--addr".as_ref(),
        "0.0.0.0:0".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--token"), "{}", stderr(&output));
}

#[test]
fn a_slow_client_does_not_hold_up_the_others() {
    let data = indexed_copy(&[root().join("corpus/APCTT-GC-20-4.fr.txt")]);
    let server = Server::start(&data.index, &[]);
    let addr = server.base.trim_start_matches("http://").to_string();
    // Eight clients that send half a request head and then nothing.
    let slow: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(&addr).unwrap();
            stream.write_all(b"GET /api/search?q=hydrog").unwrap();
            stream
        })
        .collect();
    let started = Instant::now();
    for _ in 0..20 {
        let (status, _) = get(&server, "/api/search?q=hydrog%C3%A8ne");
        assert_eq!(status, 200);
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "20 searches beside 8 stalled clients took {:?}",
        started.elapsed()
    );
    drop(slow);
}

#[test]
fn a_new_commit_is_searched_without_a_restart() {
    let data = indexed_copy(&[root().join("corpus/APCTT-GC-20-4.fr.txt")]);
    let server = Server::start(&data.index, &["--corpus", data.corpus.to_str().unwrap()]);
    let (_, before) = get(&server, "/api/search?q=zanzibarite");
    assert_eq!(before["total"], 0);
    std::fs::write(
        data.corpus.join("late.en.txt"),
        "Report of the Late Committee\n\n1. The delegation of Kenya spoke of zanzibarite mining.\n\n2. The Committee took note.\n",
    )
    .unwrap();
    let output = index_into(&data.corpus, &data.index, &["--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, after) = get(&server, "/api/search?q=zanzibarite");
        if after["total"] == 1 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new commit was not seen: {after}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
