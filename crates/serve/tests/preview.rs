//! The preview as a writer uses it: a page in the browser, saves in the
//! editor, mistakes on screen.

mod support;

use hyper::StatusCode;
use serde_json::Value;
use technote_serve::Preview;

use support::{Project, get, get_as, get_redirect, next_event, subscribe};

const PAGE_SOURCE: &str = "content/en/technotes/using/checker-privacy.md";
const PAGE_URL: &str = "/en/technotes/using/checker-privacy.html";

async fn start(project: &Project) -> Preview {
    Preview::start(project.serve_options())
        .await
        .expect("the preview starts")
}

#[tokio::test(flavor = "multi_thread")]
async fn serves_the_built_site_with_the_reload_script() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();

    let (status, page) = get(address, PAGE_URL).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("What the IMS readiness checker does with your answers"));
    let page = html_escape::decode_html_entities(&page);
    assert!(page.contains(r#"<script type="module" src="/__technote/live.js"></script>"#));

    let (status, script) = get(address, "/__technote/live.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(script.contains("new EventSource"));

    let (status, missing) = get(address, "/en/no-such-page/").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        missing.contains("__technote/live.js"),
        "the site's 404 page, with the reload script"
    );

    assert!(
        !project.root().join("public").exists(),
        "the preview never writes the published output folder"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn traversal_attempts_never_leave_the_output_folder() {
    let project = Project::copy_of_shipped_site();
    project.write("target/secret.txt", "TOP SECRET");
    let preview = start(&project).await;
    let address = preview.address();
    let secret = project.root().join("target/secret.txt");
    let absolute = secret.to_string_lossy().into_owned();

    for path in [
        "/../secret.txt".to_string(),
        "/%2e%2e/secret.txt".to_string(),
        "/%2E%2E/secret.txt".to_string(),
        "/..%2fsecret.txt".to_string(),
        "/%2e%2e%2fsecret.txt".to_string(),
        "/en/../../secret.txt".to_string(),
        "/en/%2e%2e/%2e%2e/secret.txt".to_string(),
        "/..%5csecret.txt".to_string(),
        format!("/{absolute}"),
        format!("/%2f{}", absolute.trim_start_matches('/')),
    ] {
        let (status, body) = get(address, &path).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{path}: {status}"
        );
        assert!(!body.contains("TOP SECRET"), "{path} leaked a file");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_save_rebuilds_the_site_and_reloads_open_tabs() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let mut tab = subscribe(preview.address()).await;

    let edited = project
        .read(PAGE_SOURCE)
        .replace("In short: nowhere.", "In short: nowhere at all.");
    project.write(PAGE_SOURCE, edited);

    assert_eq!(next_event(&mut tab).await.event, "reload");
    let (_, page) = get(preview.address(), PAGE_URL).await;
    assert!(page.contains("In short: nowhere at all."));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mistake_is_shown_over_the_last_good_site_until_it_is_fixed() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let mut tab = subscribe(address).await;
    let good = project.read(PAGE_SOURCE);

    project.write(
        PAGE_SOURCE,
        good.replacen("title: ", "title: [unclosed ", 1),
    );
    let event = next_event(&mut tab).await;
    assert_eq!(event.event, "error");
    let diagnostics: Value = serde_json::from_str(&event.data).expect("JSON diagnostics");
    let first = &diagnostics[0];
    assert_eq!(first["file"], PAGE_SOURCE);
    assert_eq!(first["severity"], "error");
    assert!(first["line"].is_u64(), "{first}");
    assert!(first["message"].as_str().is_some_and(|m| !m.is_empty()));
    let text = first["text"].as_str().expect("terminal text");
    assert!(text.starts_with(&format!("{PAGE_SOURCE}:")), "{text}");

    let (status, page) = get(address, PAGE_URL).await;
    assert_eq!(status, StatusCode::OK, "the last good site is still served");
    assert!(page.contains("What the IMS readiness checker does with your answers"));

    let mut new_tab = subscribe(address).await;
    let at_once = next_event(&mut new_tab).await;
    assert_eq!(
        at_once.event, "error",
        "a tab opened while the build is broken sees why"
    );
    assert_eq!(at_once.data, event.data);

    project.write(PAGE_SOURCE, good.replace("In short: nowhere.", "Fixed."));
    assert_eq!(next_event(&mut tab).await.event, "reload");
    assert_eq!(next_event(&mut new_tab).await.event, "reload");
    let (_, page) = get(address, PAGE_URL).await;
    assert!(page.contains("Fixed."));
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_files_are_reported_and_the_preview_keeps_running() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let mut tab = subscribe(address).await;
    let good = project.read(PAGE_SOURCE);

    let mut not_utf8 = good.clone().into_bytes();
    not_utf8.extend_from_slice(b"\nCaf\xe9 au lait\n");
    project.write(PAGE_SOURCE, not_utf8);
    let event = next_event(&mut tab).await;
    assert_eq!(event.event, "error");
    assert!(event.data.contains(PAGE_SOURCE), "{}", event.data);

    project.write(PAGE_SOURCE, &good);
    assert_eq!(next_event(&mut tab).await.event, "reload");

    let huge = format!(
        "---\ntitle: A very long technote\n---\n\n# Long {{#long}}\n\n{}",
        "A long paragraph of text. ".repeat(200_000)
    );
    assert!(huge.len() > 5_000_000);
    project.write("content/en/technotes/using/huge.md", huge);
    let event = next_event(&mut tab).await;
    assert!(
        matches!(event.event.as_str(), "reload" | "error"),
        "{}",
        event.event
    );

    project.remove("content/en/technotes/using/huge.md");
    project.remove(PAGE_SOURCE);
    // Removing a page other pages link to is a mistake the build reports;
    // either way the preview answers.
    let event = next_event(&mut tab).await;
    assert!(
        matches!(event.event.as_str(), "reload" | "error"),
        "{}",
        event.event
    );
    let (status, _) = get(address, "/en/").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_broken_from_the_start_is_served_once_fixed() {
    let project = Project::copy_of_shipped_site();
    let good = project.read(PAGE_SOURCE);
    project.write(
        PAGE_SOURCE,
        good.replacen("title: ", "title: [unclosed ", 1),
    );
    let preview = start(&project).await;
    let address = preview.address();

    let (status, page) = get(address, PAGE_URL).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        page.contains(r#"src="/__technote/live.js""#),
        "the waiting page loads the reload script"
    );

    let mut tab = subscribe(address).await;
    assert_eq!(next_event(&mut tab).await.event, "error");

    project.write(PAGE_SOURCE, good);
    assert_eq!(next_event(&mut tab).await.event, "reload");
    let (status, _) = get(address, PAGE_URL).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_published_below_a_folder_is_previewed_there() {
    let project = Project::copy_of_shipped_site();
    let config = project.read("technote.toml").replace(
        r#"base_url = "https://technotes.example.org/""#,
        r#"base_url = "https://technotes.example.org/docs/""#,
    );
    project.write("technote.toml", config);
    let preview = start(&project).await;
    let address = preview.address();
    assert_eq!(preview.url(), format!("http://{address}/docs/"));

    let (status, page) = get(address, &format!("/docs{PAGE_URL}")).await;
    assert_eq!(status, StatusCode::OK);
    let page = html_escape::decode_html_entities(&page);
    assert!(page.contains(r#"src="/docs/__technote/live.js""#));
    let (status, _) = get(address, "/docs/__technote/live.js").await;
    assert_eq!(status, StatusCode::OK);

    let (status, headers) = get_redirect(address, "/").await;
    assert_eq!(status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(headers, "/docs/");
    let (status, headers) = get_redirect(address, "/docs/en").await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(headers, "/docs/en/", "folder redirects keep the base path");
    let (status, _) = get(address, PAGE_URL).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "pages exist only below the base path"
    );
}

/// Save-to-reload time: from the write of a page to the `reload` event in
/// the tab. Run on the shipped site with
/// `cargo test --release -p technote-serve --test preview -- --ignored --nocapture`,
/// or on another project (a corpus written by `technote bench --out DIR`,
/// whose project is `DIR/project`) with `TECHNOTE_MEASURE_PROJECT=DIR/project`
/// and `TECHNOTE_MEASURE_PAGE=content/en/...md`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement, not a check"]
async fn measure_save_to_reload() {
    let (project, page) = match std::env::var_os("TECHNOTE_MEASURE_PROJECT") {
        Some(root) => (
            Project::copy_of(std::path::Path::new(&root)),
            std::env::var("TECHNOTE_MEASURE_PAGE").expect("TECHNOTE_MEASURE_PAGE names a page"),
        ),
        None => (Project::copy_of_shipped_site(), PAGE_SOURCE.to_string()),
    };
    let preview = start(&project).await;
    let mut tab = subscribe(preview.address()).await;
    let good = project.read(&page);

    let mut times = Vec::new();
    for edit in 0..11 {
        let saved = std::time::Instant::now();
        project.write(&page, format!("{good}\nEdit number {edit}.\n"));
        assert_eq!(next_event(&mut tab).await.event, "reload");
        times.push(saved.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "save to reload over {} edits: median {} ms, fastest {} ms, slowest {} ms",
        times.len(),
        median.as_millis(),
        times[0].as_millis(),
        times[times.len() - 1].as_millis()
    );
}

/// A copy of the shipped site whose technote.toml names its own catalog
/// file, a copy of the catalog technote carries.
fn project_naming_its_catalog() -> Project {
    let project = Project::copy_of_shipped_site();
    project.write(CATALOG, technote_live_checks::BUILT_IN_CATALOG);
    let config = project.read("technote.toml");
    project.write(
        "technote.toml",
        format!("{config}\n[checks]\ncatalog = \"{CATALOG}\"\n"),
    );
    project
}

const CATALOG: &str = "facts/releases.toml";

/// The page whose form checks versions against the catalog.
const CHECK_PAGE_URL: &str = "/en/technotes/using/ims-migration.html";

#[tokio::test(flavor = "multi_thread")]
async fn an_edited_release_catalog_is_checked_at_once_and_reaches_the_pages_checker() {
    let project = project_naming_its_catalog();
    let built_in = technote_live_checks::BUILT_IN_CATALOG;
    let preview = start(&project).await;
    let address = preview.address();
    let mut tab = subscribe(address).await;

    project.write(
        CATALOG,
        built_in.replacen("technote-list = [", "technote-list = [[", 1),
    );
    let event = next_event(&mut tab).await;
    assert_eq!(event.event, "error");
    let diagnostics: Value = serde_json::from_str(&event.data).expect("JSON diagnostics");
    assert_eq!(diagnostics[0]["file"], CATALOG);
    assert!(diagnostics[0]["line"].is_u64(), "{diagnostics}");
    assert!(diagnostics[0]["column"].is_u64(), "{diagnostics}");
    let (status, page) = get(address, PAGE_URL).await;
    assert_eq!(status, StatusCode::OK, "the last good site is still served");
    assert!(page.contains("What the IMS readiness checker does"));
    let (_, form) = get(address, CHECK_PAGE_URL).await;
    assert!(!form.contains("7.4.9"), "the built-in catalog has no 7.4.9");

    // A release published after this technote was built: the catalog in
    // the page, which its checker evaluates with, lists it at once.
    project.write(
        CATALOG,
        built_in.replacen(
            "{ name = \"7.4.4\", builds = [9400] },",
            "{ name = \"7.4.4\", builds = [9400] },\n  { name = \"7.4.9\", builds = [9480] },",
            1,
        ),
    );
    assert_eq!(next_event(&mut tab).await.event, "reload");
    let (status, form) = get(address, CHECK_PAGE_URL).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("7.4.9\\t7\\t4\\t9"),
        "the page's catalog lists the new release"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn only_loopback_names_are_answered_so_a_rebound_dns_name_reads_nothing() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let port = address.port();

    for host in [
        format!("localhost:{port}"),
        "LOCALHOST".to_string(),
        format!("127.0.0.1:{port}"),
        "127.0.0.1:8080".to_string(),
        format!("[::1]:{port}"),
    ] {
        let (status, _, page) = get_as(address, PAGE_URL, Some(&host)).await;
        assert_eq!(status, StatusCode::OK, "{host}");
        assert!(
            page.contains("What the IMS readiness checker does"),
            "{host}"
        );
    }
    for host in [
        Some(format!("attacker.example:{port}")),
        Some("localhost.attacker.example".to_string()),
        Some(format!("127.0.0.1.attacker.example:{port}")),
        None,
    ] {
        for path in [PAGE_URL, "/__technote/events", "/__technote/live.js", "/"] {
            let (status, headers, body) = get_as(address, path, host.as_deref()).await;
            assert_eq!(status, StatusCode::MISDIRECTED_REQUEST, "{host:?} {path}");
            assert!(
                headers["content-type"]
                    .to_str()
                    .is_ok_and(|t| t.starts_with("text/plain")),
                "{host:?} {path}"
            );
            assert!(body.contains("answers only to localhost"), "{body}");
            assert!(!body.contains("IMS"), "{host:?} {path} read the site");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preview_on_a_public_address_answers_to_any_name() {
    let project = Project::copy_of_shipped_site();
    let mut options = project.serve_options();
    options.address = std::net::SocketAddr::from((std::net::Ipv4Addr::UNSPECIFIED, 0));
    let preview = Preview::start(options).await.expect("the preview starts");
    let loopback =
        std::net::SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, preview.address().port()));
    let (status, _, _) = get_as(loopback, PAGE_URL, Some("docs.intranet.example")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_response_carries_the_security_headers_and_the_sites_own_policy() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let own_host = address.to_string();
    let (_, _, page) = get_as(address, PAGE_URL, Some(&own_host)).await;
    let document = html_escape::decode_html_entities(&page).into_owned();
    let meta = document
        .split(r#"http-equiv="Content-Security-Policy" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page states its policy");

    for (path, host) in [
        (PAGE_URL, own_host.as_str()),
        ("/en/", own_host.as_str()),
        ("/assets/style.css", own_host.as_str()),
        ("/__technote/live.js", own_host.as_str()),
        ("/__technote/events", own_host.as_str()),
        ("/en/no-such-page.html", own_host.as_str()),
        ("/", own_host.as_str()),
        (PAGE_URL, "attacker.example"),
    ] {
        let (status, headers, _) = get_as(address, path, Some(host)).await;
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{path} ({status}) has no {name}"))
                .to_string()
        };
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
        let policy = header("content-security-policy");
        for directive in meta.split(';').map(str::trim) {
            assert!(
                policy.split(';').any(|d| d.trim() == directive),
                "{path}: the preview's policy drops `{directive}` the pages need: {policy}"
            );
        }
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_renamed_variable_builds_and_is_shown_as_a_warning_at_its_ftl_line() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let mut tab = subscribe(address).await;
    let french = project.read("locales/fr/site.ftl");
    let line = french
        .lines()
        .position(|l| l.starts_with("translation-notice-machine-reviewed ="))
        .expect("the message")
        + 1;
    project.write(
        "locales/fr/site.ftl",
        french.replace("{ $percent }", "{ $pourcentage }"),
    );
    assert_eq!(
        next_event(&mut tab).await.event,
        "reload",
        "the site builds: the page falls back to the reference text"
    );
    let mut reloaded = subscribe(address).await;
    let event = next_event(&mut reloaded).await;
    assert_eq!(event.event, "warnings");
    let warnings: Value = serde_json::from_str(&event.data).expect("JSON warnings");
    let unknown = warnings
        .as_array()
        .expect("a list")
        .iter()
        .find(|w| w["code"] == "ftl-variable-unknown")
        .unwrap_or_else(|| panic!("no variable warning in {warnings}"));
    assert_eq!(unknown["file"], "locales/fr/site.ftl");
    assert_eq!(unknown["line"].as_u64(), u64::try_from(line).ok());
    assert_eq!(unknown["severity"], "warning");
    assert!(
        unknown["message"]
            .as_str()
            .is_some_and(|m| m.contains("{ $pourcentage }")),
        "{unknown}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_exl_id_off_by_one_digit_is_shown_as_a_warning_as_soon_as_it_is_saved() {
    let project = Project::copy_of_shipped_site();
    let preview = start(&project).await;
    let address = preview.address();
    let mut tab = subscribe(address).await;
    let path = "content/fr/technotes/using/console-windows-requirements.md";
    let page = project.read(path);
    project.write(path, page.replace("27e0f2ecb508", "27e0f2ecb509"));
    assert_eq!(next_event(&mut tab).await.event, "reload");
    let mut reloaded = subscribe(address).await;
    let event = next_event(&mut reloaded).await;
    assert_eq!(event.event, "warnings");
    let warnings: Value = serde_json::from_str(&event.data).expect("JSON warnings");
    let unpaired = warnings
        .as_array()
        .expect("a list")
        .iter()
        .find(|w| w["code"] == "exl-id-unpaired")
        .unwrap_or_else(|| panic!("no exl-id warning in {warnings}"));
    assert_eq!(unpaired["file"], path);
    assert_eq!(
        (unpaired["line"].as_u64(), unpaired["column"].as_u64()),
        (Some(7), Some(1))
    );
    assert!(
        unpaired["message"]
            .as_str()
            .is_some_and(|m| m.contains("did you mean `6c8a0d4d-8011-4fc3-9f13-27e0f2ecb508`")),
        "{unpaired}"
    );
}
