//! parse_source: what writers and translators see for good and bad sources.

use std::path::Path;

use technote_content::{Limits, Source, parse_source};
use technote_diagnostics::Diagnostic;

fn parse(text: &str) -> Result<Source, Diagnostic> {
    parse_bytes(text.as_bytes())
}

fn parse_bytes(bytes: &[u8]) -> Result<Source, Diagnostic> {
    parse_source(Path::new("content/fr/a.md"), bytes, &Limits::default())
}

const SEED_LIKE: &str = "---
product: campaign
title: Note technique - Qu&#39;est-ce qui a changé ?
description: Campaign - Mises à jour d&#39;IMS
feature: Technote, Upgrade
badge-v7-only: label=\"v7\" type=\"Informative\" tooltip=\"S’applique uniquement à l&#39;édition v7\"
exl-id: ECB5A258-A150-46A3-8B83-2B2C06D873EE
source-git-commit: 3a9b21d626b60754789c3f594ba798309f62a553
workflow-type: tm+mt
source-wordcount: '569'
ht-degree: 100%
role: Admin
product_v2:
  - campaign-classic

---

# Titre {#titre}
";

#[test]
fn reads_every_field_of_an_experience_league_page() {
    let source = parse(SEED_LIKE).unwrap();
    let front = &source.front;
    assert_eq!(front.title, "Note technique - Qu'est-ce qui a changé ?");
    assert_eq!(
        front.description.as_deref(),
        Some("Campaign - Mises à jour d'IMS")
    );
    assert_eq!(front.product.as_deref(), Some("campaign"));
    assert_eq!(front.feature, ["Technote", "Upgrade"]);
    assert_eq!(front.badges.len(), 1);
    let badge = &front.badges[0];
    assert_eq!(badge.key, "v7-only");
    assert_eq!(badge.label, "v7");
    assert_eq!(badge.kind, "Informative");
    assert_eq!(
        badge.tooltip.as_deref(),
        Some("S’applique uniquement à l'édition v7")
    );
    assert_eq!(
        front.exl_id.as_deref(),
        Some("ecb5a258-a150-46a3-8b83-2b2c06d873ee")
    );
    assert_eq!(
        front.source_git_commit.as_deref(),
        Some("3a9b21d626b60754789c3f594ba798309f62a553")
    );
    assert!(front.is_machine_translated());
    assert_eq!(front.source_wordcount, Some(569));
    assert_eq!(front.ht_degree, Some(100));
    assert!(!front.hide);
    assert_eq!(front.role, ["Admin"]);
    let extra_keys: Vec<&str> = front.extra.keys().filter_map(|k| k.as_str()).collect();
    assert_eq!(extra_keys, ["product_v2"]);
    assert_eq!(source.body, "\n# Titre {#titre}\n");
    assert_eq!(source.body_line, 17);
}

#[test]
fn feature_accepts_a_yaml_list_and_numbers_are_accepted_for_counts() {
    let source = parse("---\ntitle: T\nfeature: [Technote, ' Upgrade ']\nsource-wordcount: 12\nht-degree: 0\nhide: true\n---\nbody").unwrap();
    assert_eq!(source.front.feature, ["Technote", "Upgrade"]);
    assert_eq!(source.front.source_wordcount, Some(12));
    assert_eq!(source.front.ht_degree, Some(0));
    assert!(source.front.hide);
    assert!(!source.front.is_machine_translated());
    assert_eq!(source.body, "body");
    assert_eq!(source.body_line, 8);
}

#[test]
fn badges_keep_source_order_and_default_to_informative() {
    let source =
        parse("---\ntitle: T\nbadge-v8: label=\"v8\" type=positive\nbadge-v7: label=\"v7\"\n---\n")
            .unwrap();
    let badges: Vec<(&str, &str)> = source
        .front
        .badges
        .iter()
        .map(|b| (b.key.as_str(), b.kind.as_str()))
        .collect();
    assert_eq!(badges, [("v8", "Positive"), ("v7", "Informative")]);
}

#[test]
fn experience_league_header_fields_badges_and_flags() {
    let source = parse(
        "---\ntitle: Use [!DNL Campaign] from [!UICONTROL Explorer]\n\
         description: The [!UICONTROL Save] button of [!DNL Campaign]\n\
         badge: label=\"Beta\" type=Caution url=\"https://example.com/beta\"\n\
         badge-v7: label=\"v7\" url=\"../rn/v7.md\"\n\
         role: Admin, Developer\nlevel: [Beginner, Intermediate]\naudience: Operator\n\
         hide: yes\nhidefromtoc: true\n---\n",
    )
    .unwrap();
    let front = &source.front;
    assert_eq!(front.title, "Use Campaign from Explorer");
    assert_eq!(
        front.description.as_deref(),
        Some("The Save button of Campaign")
    );
    let badges: Vec<(&str, &str, Option<&str>)> = front
        .badges
        .iter()
        .map(|b| (b.key.as_str(), b.label.as_str(), b.url.as_deref()))
        .collect();
    assert_eq!(
        badges,
        [
            ("badge", "Beta", Some("https://example.com/beta")),
            ("v7", "v7", Some("../rn/v7.md"))
        ]
    );
    assert_eq!(front.role, ["Admin", "Developer"]);
    assert_eq!(front.level, ["Beginner", "Intermediate"]);
    assert_eq!(front.audience, ["Operator"]);
    assert!(front.hide && front.hide_from_toc);
    assert!(front.extra.is_empty());
}

#[test]
fn a_badge_url_that_would_run_code_is_refused() {
    let error =
        parse("---\ntitle: T\nbadge: label=\"x\" url=\"javascript:alert(1)\"\n---\n").unwrap_err();
    assert!(error.message.contains("not a web address"), "{error}");
    assert_eq!(error.line, Some(3));
}

#[test]
fn bom_is_stripped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"---\ntitle: T\n---\nbody\n");
    let source = parse_bytes(&bytes).unwrap();
    assert_eq!(source.front.title, "T");
    assert_eq!(source.body, "body\n");
}

#[test]
fn crlf_becomes_lf() {
    let source = parse("---\r\ntitle: T\r\n---\r\n# H\r\n\r\ntext\r\n").unwrap();
    assert_eq!(source.front.title, "T");
    assert_eq!(source.body, "# H\n\ntext\n");
    assert_eq!(source.body_line, 4);
}

#[test]
fn the_body_alone_is_the_body_and_line_of_the_whole_parse() {
    let sources: [&[u8]; 3] = [
        SEED_LIKE.as_bytes(),
        b"\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n# H\r\n\r\ntext\r\n",
        b"---\ntitle: T\n---\n",
    ];
    for bytes in sources {
        let whole = parse_bytes(bytes).unwrap();
        let (body, line) =
            technote_content::source_body(Path::new("a.md"), bytes, &Limits::default()).unwrap();
        assert_eq!((body, line), (whole.body, whole.body_line));
    }
}

#[test]
fn the_body_alone_still_refuses_a_file_without_front_matter() {
    let error = technote_content::source_body(
        Path::new("a.md"),
        b"# No front matter\n",
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(error.message, "the file does not start with front matter");
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    let error = parse_bytes(b"---\ntitle: T\n---\nca\xE9 au lait\n").unwrap_err();
    assert_eq!((error.line, error.column), (Some(4), Some(3)));
    assert!(error.message.contains("UTF-8"), "{error}");
    assert!(error.help.is_some());
}

#[test]
fn files_over_the_limit_are_rejected() {
    let limits = Limits {
        max_file_bytes: 10,
        ..Limits::default()
    };
    let error = parse_source(Path::new("a.md"), b"---\ntitle: T\n---\n", &limits).unwrap_err();
    assert!(error.message.contains("limit"), "{error}");
    assert!(error.help.unwrap().contains("max_file_bytes"));
}

#[test]
fn tabs_are_reported_at_their_line_in_the_file() {
    for yaml in [
        "product_v2:\n\t- campaign",
        "product_v2:\n  \t- campaign",
        "product_v2:\n  a: b\n\tc: d",
    ] {
        let error = parse(&format!("---\ntitle: T\n{yaml}\n---\n")).unwrap_err();
        assert!(error.line >= Some(4), "{error}");
        assert!(error.message.contains("tab"), "{error}");
        assert!(error.help.unwrap().contains("spaces"));
    }
}

#[test]
fn duplicate_keys_are_reported_at_the_second_one() {
    let error = parse("---\ntitle: A\ndescription: d\ntitle: B\n---\n").unwrap_err();
    assert_eq!(error.line, Some(4), "{error}");
    assert!(error.message.contains("duplicate key: `title`"), "{error}");
    assert!(error.help.unwrap().contains("delete"));
}

#[test]
fn unterminated_front_matter_is_reported_at_the_opening_line() {
    let error = parse("---\ntitle: T\n\n# Heading\n").unwrap_err();
    assert_eq!((error.line, error.column), (Some(1), Some(1)));
    assert!(error.message.contains("never closed"), "{error}");
}

#[test]
fn missing_front_matter_and_missing_title_name_what_is_missing() {
    let none = parse("# Just markdown\n").unwrap_err();
    assert!(none.message.contains("front matter"), "{none}");

    let no_title = parse("---\ndescription: d\n---\n").unwrap_err();
    assert!(no_title.message.contains("`title`"), "{no_title}");
    assert!(no_title.help.unwrap().contains("title:"));

    let empty = parse("---\n---\n").unwrap_err();
    assert!(empty.message.contains("`title`"), "{empty}");

    let blank = parse("---\ntitle:\n---\n").unwrap_err();
    assert!(blank.message.contains("title is empty"), "{blank}");
    assert_eq!(blank.line, Some(2));
}

#[test]
fn a_misspelt_title_is_named_at_its_own_line_instead_of_asking_for_a_title() {
    for key in ["titel", "Title", "tilte", "title_"] {
        let error = parse(&format!(
            "---\ndescription: d\nproduct: campaign\n{key}: Mise à jour\n---\n"
        ))
        .unwrap_err();
        assert_eq!((error.line, error.column), (Some(4), Some(1)), "{error}");
        assert!(
            error
                .message
                .starts_with(&format!("unknown key `{key}`, did you mean `title`?")),
            "{error}"
        );
        assert!(
            error.message.contains(&format!("4 | {key}: Mise à jour")),
            "{error}"
        );
        assert_eq!(
            error.help.as_deref(),
            Some(format!("rename `{key}:` to `title:`").as_str())
        );
        assert_eq!(error.code, Some("front-matter-invalid"));
    }
    let indented = parse("---\n  description: d\n  titel: T\n---\n").unwrap_err();
    assert_eq!(
        (indented.line, indented.column),
        (Some(3), Some(3)),
        "{indented}"
    );

    // A key far from `title` is no typo of it: the plain missing-title error.
    let unrelated = parse("---\nsolution: Campaign\n---\n").unwrap_err();
    assert!(
        unrelated
            .message
            .starts_with("the front matter has no `title`"),
        "{unrelated}"
    );
}

#[test]
fn misspelt_keys_name_the_key_they_stand_for() {
    use technote_content::misspelt_key;
    assert_eq!(misspelt_key("titel"), Some("title"));
    assert_eq!(misspelt_key("exl_id"), Some("exl-id"));
    assert_eq!(misspelt_key("descripton"), Some("description"));
    assert_eq!(misspelt_key("Feature"), Some("feature"));
    assert_eq!(misspelt_key("features"), Some("feature"));
    assert_eq!(misspelt_key("title"), None);
    assert_eq!(misspelt_key("badge-v7"), None);
    assert_eq!(misspelt_key("solution"), None);
    assert_eq!(misspelt_key("thumbnail"), None);
    assert_eq!(misspelt_key("kt"), None);
}

#[test]
fn bad_types_are_reported_at_the_value() {
    let error = parse("---\ntitle: T\ndescription: [a, b]\n---\n").unwrap_err();
    assert_eq!((error.line, error.column), (Some(3), Some(14)), "{error}");
    assert!(error.message.contains("description"), "{error}");
}

#[test]
fn bad_ht_degree_is_reported_at_the_value() {
    for bad in ["150%", "-1", "lots", "101"] {
        let error = parse(&format!("---\ntitle: T\nht-degree: {bad}\n---\n")).unwrap_err();
        assert_eq!((error.line, error.column), (Some(3), Some(12)), "{error}");
        assert!(error.message.contains("percentage"), "{error}");
        assert!(error.help.unwrap().contains("100%"));
    }
}

#[test]
fn bad_exl_id_is_reported_at_the_value() {
    for bad in [
        "not-a-uuid",
        "ecb5a258a15046a38b832b2c06d873ee",
        "ecb5a258-a150-46a3-8b83-2b2c06d873eg",
    ] {
        let error = parse(&format!("---\ntitle: T\nexl-id: {bad}\n---\n")).unwrap_err();
        assert_eq!(error.line, Some(3), "{error}");
        assert!(error.message.contains("8-4-4-4-12"), "{error}");
    }
}

#[test]
fn bad_badges_say_what_is_wrong() {
    let cases = [
        ("label=\"v7\" type=Shiny", "not a badge type"),
        ("type=Informative", "no label"),
        ("label=\"v7\" colour=red", "no `colour` attribute"),
        ("label=\"v7", "closing quote"),
        ("label=a label=b", "twice"),
    ];
    for (value, expected) in cases {
        let error = parse(&format!("---\ntitle: T\nbadge-x: {value}\n---\n")).unwrap_err();
        assert_eq!(error.line, Some(3), "{error}");
        assert!(error.message.contains(expected), "{value}: {error}");
    }
}

#[test]
fn bad_word_count_is_rejected() {
    let error = parse("---\ntitle: T\nsource-wordcount: many\n---\n").unwrap_err();
    assert_eq!(error.line, Some(3));
    assert!(error.message.contains("word count"), "{error}");
}

#[test]
fn front_matter_must_be_a_mapping() {
    let error = parse("---\n- a\n- b\n---\n").unwrap_err();
    assert!(error.line.is_some());
}

#[test]
fn read_source_refuses_a_file_over_the_limit_without_loading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.md");
    std::fs::write(&path, "line\n".repeat(410)).unwrap();
    let limits = Limits {
        max_file_bytes: 1024,
        ..Limits::default()
    };
    let error = technote_content::read_source(&path, &limits).unwrap_err();
    assert_eq!(
        error.message,
        "the file is 2050 bytes; the limit of 1024 bytes is reached on this line"
    );
    // 204 whole lines of 5 bytes fit: the limit falls in line 205.
    assert_eq!(error.line, Some(205));
    let enough = Limits {
        max_file_bytes: 2050,
        ..Limits::default()
    };
    assert_eq!(
        technote_content::read_source(&path, &enough).unwrap().len(),
        2050
    );
}

#[test]
fn hostile_yaml_is_refused_with_a_position_and_without_blowing_up() {
    let deep = format!(
        "---\ntitle: Deep\nextra: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let error = parse(&deep).unwrap_err();
    assert_eq!(error.message, "the front matter nests values too deeply");
    assert_eq!(error.line, Some(3));

    let mut laughs =
        String::from("---\ntitle: Laughs\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        let items = vec![format!("*{previous}"); 9].join(", ");
        laughs.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    laughs.push_str("---\n");
    let error = parse(&laughs).unwrap_err();
    assert_eq!(
        error.message,
        "the front matter's aliases (`*name`) repeat too many values"
    );
    assert!(error.line.is_some());
}
