//! Heading ids keep the letters of every script (`## 概要と設定` is
//! `#概要と設定`), the transliterated ids of earlier versions stay anchors
//! that links may name, and the page's table of contents uses the new ids.

mod common;

use std::fs;

use common::stderr;

const SETUP: &str = "---
title: 設定の手引き
description: IMS への移行の準備
exl-id: 5b0f3c1e-7a2d-4e8f-9c61-2d4b8a7e3f10
---

# 設定の手引き

## 概要と設定

サインインの準備をまとめます。

## 手順：コンソールの更新

新しいコンソールを入れます。
";

fn links_page(links: &str) -> String {
    format!(
        "---
title: Links to the guide
description: Links into a page with Japanese headings
exl-id: 8c2e4d6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f
---

# Links to the guide

{links}
"
    )
}

fn project(links: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = common::technote(&["init", &dir.path().to_string_lossy()]);
    assert!(made.status.success(), "{}", stderr(&made));
    let technotes = dir.path().join("content/en/technotes");
    fs::write(technotes.join("setup.md"), SETUP).unwrap();
    fs::write(technotes.join("links.md"), links_page(links)).unwrap();
    dir
}

#[test]
fn unicode_ids_and_their_former_ids_are_both_anchors() {
    let dir = project(
        "* [New id](setup.md#概要と設定)\n\
         * [As an address bar copies it](setup.md#%E6%A6%82%E8%A6%81%E3%81%A8%E8%A8%AD%E5%AE%9A)\n\
         * [Former id](setup.md#gai-yao-toshe-ding)\n",
    );
    let built = common::technote(&["build", "--root", &dir.path().to_string_lossy()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let public = dir.path().join("public/en/technotes");
    let setup = fs::read_to_string(public.join("setup.html")).unwrap();
    assert!(
        setup.contains(
            r#"<h2 id="概要と設定"><span id="gai-yao-toshe-ding"></span>概要と設定</h2>"#
        ),
        "{setup}"
    );
    assert!(setup.contains(
        r#"<h2 id="手順コンソールの更新"><span id="shou-shun-konsorunogeng-xin"></span>"#
    ));
    // The title keeps its former id too.
    assert!(
        setup.contains(
            r#"<h1 id="設定の手引き"><span id="she-ding-noshou-yin-ki"></span>設定の手引き</h1>"#
        ),
        "{setup}"
    );
    let toc = setup
        .split(r#"<nav class="toc""#)
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("a table of contents");
    assert!(toc.contains(r##"href="#概要と設定""##), "{toc}");
    assert!(toc.contains(r##"href="#手順コンソールの更新""##), "{toc}");
    assert!(!toc.contains("gai-yao"), "{toc}");
    let links = fs::read_to_string(public.join("links.html")).unwrap();
    assert!(
        links.contains(r##"href="/en/technotes/setup.html#gai-yao-toshe-ding""##),
        "{links}"
    );
}

#[test]
fn a_link_to_an_id_no_heading_had_still_fails() {
    let dir = project("* [Nowhere](setup.md#gai-yao)\n");
    let built = common::technote(&["build", "--root", &dir.path().to_string_lossy()]);
    assert!(!built.status.success());
    let printed = stderr(&built);
    assert!(
        printed.contains("links.md") && printed.contains("`#gai-yao` is not an anchor"),
        "{printed}"
    );
}
