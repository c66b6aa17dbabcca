//! The search page in a real browser: Debian's chromium, headless, driven through
//! chromedriver with fantoccini, against `rapporteur serve` on a small index. A person
//! types a query and sees hits; picks a delegation and sees the address and the hits
//! narrow while the other delegations' counts stay; goes back; opens a hit in context;
//! finds the export links and the trend chart. Screenshots at 1600 and 360 px wide are
//! written under `target/` for review. Needs `chromium` and `chromium-driver` (CI
//! installs them).

use crate::common;

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::Server;
use common::*;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver on a free port; killed when dropped.
struct Driver(Child, u16);

impl Driver {
    fn start() -> Driver {
        for program in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                std::path::Path::new(program).exists(),
                "{program} is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver(child, port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn browser(driver: &Driver, profile: &std::path::Path, language: &str) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", format!("--lang={language}"),
                format!("--user-data-dir={}", profile.display()), "--window-size=1600,1000",
            ],
            "prefs": {"intl.accept_languages": language},
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.1))
        .await
        .expect("a chromium session")
}

/// Waits until `expression` (JavaScript) is true in the page.
async fn until(client: &Client, expression: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let value = client
            .execute(&format!("return Boolean({expression});"), vec![])
            .await
            .unwrap();
        if value == Value::Bool(true) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the page never got to: {expression}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn value(client: &Client, expression: &str) -> Value {
    client
        .execute(&format!("return {expression};"), vec![])
        .await
        .unwrap()
}

fn screenshot_path(name: &str) -> PathBuf {
    let dir = root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_delegate_searches_filters_goes_back_and_opens_a_hit() {
    let data = indexed_copy(&[
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        fixture("reports/fr-commission.txt"),
    ]);
    let dir = &data.dir;
    let index = &data.index;
    let server = Server::start(index, &[]);
    let driver = Driver::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let client = browser(&driver, &dir.path().join("profile-en"), "en-US").await;
        client.goto(&server.url("/")).await.unwrap();
        until(&client, "document.getElementById('go').textContent === 'Search'").await;

        // `/` puts the cursor in the query box; typing and Enter searches.
        client.find(Locator::Css("body")).await.unwrap().send_keys("/").await.unwrap();
        until(&client, "document.activeElement.id === 'q'").await;
        let q = client.find(Locator::Id("q")).await.unwrap();
        q.send_keys("hydrogène vert\n").await.unwrap();
        until(&client, "document.querySelectorAll('.hit').length >= 4").await;
        let url = client.current_url().await.unwrap();
        assert!(url.query().unwrap_or("").contains("q=hydrog"), "{url}");
        let first = value(&client, "document.querySelector('.hit .citation').textContent").await;
        assert!(first.as_str().unwrap().contains(", par. "), "{first}");
        assert!(value(&client, "document.querySelectorAll('.hit mark').length").await.as_u64() > Some(3));
        let hits_before = value(&client, "document.querySelectorAll('.hit').length").await;
        let india_before = value(
            &client,
            "document.querySelector('[data-facet=country][data-value=IND]').closest('label').querySelector('.count').textContent",
        )
        .await;

        // Picking China narrows the hits and the address; India stays listed, same count.
        client
            .find(Locator::Css("[data-facet=country][data-value=CHN]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(&client, "location.search.includes('country=CHN')").await;
        until(&client, "document.querySelectorAll('.hit').length === 1").await;
        assert_eq!(
            value(&client, "document.querySelector('.hit .who').textContent").await,
            "Chine",
            "the delegation named in the report's language"
        );
        let india_after = value(
            &client,
            "document.querySelector('[data-facet=country][data-value=IND]').closest('label').querySelector('.count').textContent",
        )
        .await;
        assert_eq!(india_after, india_before, "the other delegations' counts stay");
        assert_eq!(value(&client, "document.querySelectorAll('.chip').length").await, 1);

        // The back button undoes the filter.
        client.back().await.unwrap();
        until(&client, "!location.search.includes('country=')").await;
        until(&client, &format!("document.querySelectorAll('.hit').length === {hits_before}")).await;

        // Export links carry the query; the trend chart is drawn.
        let export = value(&client, "document.querySelector('.export-link').getAttribute('href')").await;
        assert!(export.as_str().unwrap().starts_with("/api/export?q=hydrog"), "{export}");
        until(&client, "document.getElementById('trend-img').complete && document.getElementById('trend-img').naturalWidth > 0").await;
        std::fs::write(screenshot_path("serve-1600.png"), client.screenshot().await.unwrap()).unwrap();

        // A hit opens in context, with a citation to copy.
        client.find(Locator::Css(".hit .citation")).await.unwrap().click().await.unwrap();
        until(&client, "document.getElementById('unit').open").await;
        until(&client, "document.querySelectorAll('#unit-body .context.asked').length === 1").await;
        let cited = value(&client, "document.getElementById('unit-citation').textContent").await;
        assert_eq!(cited, first, "the dialog shows the hit's citation");
        assert_eq!(value(&client, "document.getElementById('copy').textContent").await, "Copy citation");
        std::fs::write(screenshot_path("serve-unit.png"), client.screenshot().await.unwrap()).unwrap();
        client.find(Locator::Id("close")).await.unwrap().click().await.unwrap();

        // At 360 px the page still fits: nothing wider than the window.
        client.set_window_size(360, 800).await.unwrap();
        until(&client, "window.innerWidth <= 400").await;
        assert_eq!(
            value(&client, "document.documentElement.scrollWidth <= window.innerWidth").await,
            true,
            "no sideways scrolling at 360 px"
        );
        std::fs::write(screenshot_path("serve-360.png"), client.screenshot().await.unwrap()).unwrap();
        client.close().await.unwrap();

        // A French browser gets the French interface.
        let french = browser(&driver, &dir.path().join("profile-fr"), "fr-FR").await;
        french.goto(&server.url("/?q=hydrog%C3%A8ne")).await.unwrap();
        until(&french, "document.querySelectorAll('.hit').length > 0").await;
        assert_eq!(value(&french, "document.getElementById('go').textContent").await, "Rechercher");
        french.close().await.unwrap();
    });
}
