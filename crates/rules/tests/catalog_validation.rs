//! The build script's checks of `releases.toml`: a contradictory catalog
//! must fail the build with a message naming the entry. The build script's
//! modules are compiled here as they are for the build.

#[path = "../build/encode.rs"]
mod encode;
#[path = "../build/source.rs"]
mod source;
#[path = "../build/validate.rs"]
mod validate;

const CATALOG: &str = include_str!("../releases.toml");

fn problems(toml_text: &str) -> Vec<String> {
    let parsed: source::CatalogSource = match toml::from_str(toml_text) {
        Ok(parsed) => parsed,
        Err(error) => return vec![error.to_string()],
    };
    match validate::validate(parsed) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

fn edited(from: &str, to: &str) -> String {
    assert!(
        CATALOG.contains(from),
        "releases.toml no longer contains {from:?}"
    );
    CATALOG.replacen(from, to, 1)
}

fn assert_rejected(toml_text: &str, expected_words: &[&str]) {
    let problems = problems(toml_text);
    assert!(
        problems
            .iter()
            .any(|problem| expected_words.iter().all(|word| problem.contains(word))),
        "expected a problem naming {expected_words:?}, got {problems:?}"
    );
}

#[test]
fn the_real_catalog_is_valid_and_encodes_to_what_the_crate_reads() {
    let parsed: source::CatalogSource =
        toml::from_str(CATALOG).unwrap_or_else(|error| panic!("{error}"));
    let validated = validate::validate(parsed).unwrap_or_else(|problems| panic!("{problems:?}"));
    let catalog = technote_rules::Catalog::decode(&encode::encode(&validated))
        .expect("the crate reads what the build script writes");
    assert_eq!(catalog.lines().len(), 11);
    let minimums: Vec<_> = catalog.minimum_releases().collect();
    assert_eq!(minimums.len(), 6);
    let gold = minimums
        .iter()
        .find(|minimum| minimum.line == "Gold Standard")
        .expect("Gold Standard is listed");
    assert_eq!(
        (
            gold.release.as_str(),
            gold.build.as_str(),
            gold.console_build.as_str()
        ),
        ("Gold Standard 11", "9032@d3b452f", "9032@d030c36")
    );
}

#[test]
fn a_minimum_that_is_not_a_release_of_its_line_is_rejected() {
    assert_rejected(
        &edited("minimum = \"20.2.5\"", "minimum = \"20.2.6\""),
        &["\"20.2\"", "\"20.2.6\""],
    );
    assert_rejected(
        &edited("minimum = \"20.2.5\"", "minimum = \"20.1.4\""),
        &["\"20.2\"", "\"20.1.4\""],
    );
    assert_rejected(
        &edited("minimum = 11", "minimum = 7"),
        &["Gold Standard", "minimum 7"],
    );
    assert_rejected(
        &edited(
            "console-minimum = \"9032@d030c36\"",
            "console-minimum = \"9032@efd8a94\"",
        ),
        &["9032@efd8a94"],
    );
}

#[test]
fn a_build_that_contradicts_another_entry_is_rejected() {
    assert_rejected(
        &edited(
            "{ name = \"20.2.5\", builds = [9188] }",
            "{ name = \"20.2.5\", builds = [9182] }",
        ),
        &["\"20.2.5\"", "9182"],
    );
    assert_rejected(
        &edited(
            "{ name = \"21.1.3\", builds = [9330] }",
            "{ name = \"21.1.3\", builds = [9280] }",
        ),
        &["\"21.1.3\"", "9280", "\"21.1.2\""],
    );
    assert_rejected(
        &edited(
            "{ name = \"20.3.3\", builds = [9234] }",
            "{ name = \"20.3.3\", builds = [9335] }",
        ),
        &["\"21.1.4\"", "\"21.1\""],
    );
    assert_rejected(
        &edited(
            "{ name = \"7.2.2\", builds = [9349] }",
            "{ name = \"7.3.2\", builds = [9349] }",
        ),
        &["\"7.3.2\"", "line \"7.2\""],
    );
}

#[test]
fn duplicate_entries_are_rejected() {
    assert_rejected(
        &edited(
            "{ name = \"19.2.4\", builds = [9082] },",
            "{ name = \"19.2.4\", builds = [9082] },\n  { name = \"19.2.4\", builds = [9083] },",
        ),
        &["\"19.2.4\""],
    );
    assert_rejected(
        &edited("name = \"7.4\"", "name = \"7.3\""),
        &["line \"7.3\"", "twice"],
    );
    assert_rejected(
        &edited("suffix = \"554dbcd\"", "suffix = \"99a3894\""),
        &["99a3894", "twice"],
    );
    assert_rejected(
        &edited(
            "technote-list = [\"Gold Standard\",",
            "technote-list = [\"21.1\",",
        ),
        &["\"21.1\"", "twice"],
    );
}

#[test]
fn gold_standard_drops_out_of_date_order_are_rejected() {
    assert_rejected(
        &edited("date = \"2021-03-02\"", "date = \"2020-03-02\""),
        &["9032@10c2709", "by date"],
    );
    assert_rejected(
        &edited("date = \"2020-07-07\"", "date = \"2020-7-7\""),
        &["9032@efd8a94", "YYYY-MM-DD"],
    );
}

#[test]
fn unknown_names_and_keys_are_rejected() {
    assert_rejected(
        &edited("\"19.2\"]", "\"19.3\"]"),
        &["\"19.3\"", "not a line"],
    );
    assert_rejected(
        &edited(
            "technote-list = [\"Gold Standard\",",
            "technote-list = [\"18.10\",",
        ),
        &["\"18.10\"", "no minimum"],
    );
    assert_rejected(
        &edited("minimum = \"21.1.3\"", "minimun = \"21.1.3\""),
        &["minimun"],
    );
}
