//! A corpus shaped like an Experience League repository: `tree/help/` with
//! a root `TOC.md` and one guide per hundred pages (`guide-NN/using/`, its
//! own `TOC.md` in sections of ten), a landing page, `metadata.md` and
//! `redirects.csv` beside `help/`, and pages with `+++` accordions, raw
//! HTML tables, alerts and an image of their own each (trees carry
//! thousands of images).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use fastrand::Rng;
use rayon::prelude::*;

use super::text::{Language, pick};
use super::{Corpus, CorpusPage, IMAGE, create_parent};
use crate::BenchError;

/// Pages per guide, as in a product's larger guides.
const PAGES_PER_GUIDE: usize = 100;
/// Pages per section of a guide's TOC.
const PAGES_PER_SECTION: usize = 10;
/// The landing page, below `help/`.
const LANDING: &str = "home.md";
/// Where the tree lies below the project, as `[content]` names it.
pub const TREE_HELP: &str = "tree/help";

/// Writes a tree of `page_count` pages (the landing page included) below
/// `project/tree/`.
pub fn generate(
    project: &Path,
    page_count: usize,
    external_docs_base: &str,
) -> Result<Corpus, BenchError> {
    let help = project.join(TREE_HELP);
    let tree = project.join("tree");
    let guide_pages = page_count.saturating_sub(1);
    let guides = guide_pages.div_ceil(PAGES_PER_GUIDE);
    let write = |path: &Path, text: &[u8]| {
        create_parent(path)?;
        fs::write(path, text).map_err(|e| BenchError::io(path, e))
    };
    write(
        &tree.join("metadata.md"),
        b"---\ntitle: Bench product documentation\ndescription: A generated tree.\nproduct: bench\nproduct: bench again\n---\n\n# Metadata\n",
    )?;
    let mut redirects = String::from("source,destination\n");
    let mut root_toc = String::from(
        "---\nuser-guide-title: Bench product help\nproduct: bench\nproduct: bench again\n---\n\n# Bench product help {#using}\n\n+ [Product documentation](home.md)\n",
    );
    for guide in 0..guides {
        let in_guide = (guide_pages - guide * PAGES_PER_GUIDE).min(PAGES_PER_GUIDE);
        let mut toc = format!(
            "---\nuser-guide-title: Guide {guide}\n---\n\n# Guide {guide} {{#guide-{guide:02}}}\n\n"
        );
        let _ = writeln!(root_toc, "+ Guide {guide} {{#guide-{guide:02}}}");
        for index in 0..in_guide {
            if index % PAGES_PER_SECTION == 0 {
                let section = index / PAGES_PER_SECTION;
                let _ = writeln!(toc, "+ Section {section} {{#section-{section}}}");
                let _ = writeln!(
                    root_toc,
                    "  + Section {section} {{#guide-{guide:02}-section-{section}}}"
                );
            }
            let hidden = if index % 37 == 36 {
                " {hide-from-toc}"
            } else {
                ""
            };
            let _ = writeln!(
                toc,
                "  + [Page {index}](using/{}){hidden}",
                file_name(index)
            );
            let _ = writeln!(
                root_toc,
                "       + [Page {index}](guide-{guide:02}/using/{}){hidden}",
                file_name(index)
            );
            if index % 10 == 0 {
                let _ = writeln!(
                    redirects,
                    "{external_docs_base}guide-{guide:02}/using/old-{index:03}.html,\
                     {external_docs_base}guide-{guide:02}/using/{}",
                    file_name(index).replace(".md", ".html")
                );
            }
        }
        write(
            &help.join(format!("guide-{guide:02}/TOC.md")),
            toc.as_bytes(),
        )?;
    }
    write(&help.join("TOC.md"), root_toc.as_bytes())?;
    write(&tree.join("redirects.csv"), redirects.as_bytes())?;
    let landing = help.join(LANDING);
    write(
        &landing,
        b"---\ntitle: Bench product documentation\ndescription: Where the guides start.\nexl-id: 00000000-0000-4000-8000-000000000000\n---\n\n# Bench product documentation\n\nStart with [the first guide](guide-00/using/page-000.md).\n",
    )?;
    let mut pages = vec![CorpusPage {
        source: landing,
        output: "en/index.html".into(),
    }];
    let specs: Vec<(usize, usize)> = (0..guide_pages)
        .map(|n| (n / PAGES_PER_GUIDE, n % PAGES_PER_GUIDE))
        .collect();
    for guide in 0..guides {
        let assets = help.join(format!("guide-{guide:02}/using/assets"));
        fs::create_dir_all(&assets).map_err(|e| BenchError::io(&assets, e))?;
    }
    let sizes: Vec<u64> = specs
        .par_iter()
        .map(|&(guide, index)| {
            let folder = help.join(format!("guide-{guide:02}/using"));
            let image = folder.join(format!("assets/page-{index:03}.png"));
            fs::write(&image, IMAGE).map_err(|e| BenchError::io(&image, e))?;
            let last = (guide_pages - guide * PAGES_PER_GUIDE).min(PAGES_PER_GUIDE) - 1;
            let text = page(guide, index, last);
            let source = folder.join(file_name(index));
            fs::write(&source, &text)
                .map(|()| text.len() as u64)
                .map_err(|e| BenchError::io(&source, e))
        })
        .collect::<Result<_, _>>()?;
    pages.extend(specs.iter().map(|&(guide, index)| CorpusPage {
        source: help.join(format!("guide-{guide:02}/using/{}", file_name(index))),
        output: format!("en/guide-{guide:02}/using/page-{index:03}.html"),
    }));
    let landing_bytes = fs::metadata(&pages[0].source).map_or(0, |m| m.len());
    Ok(Corpus {
        technotes: pages.len(),
        pages,
        locales: 1,
        markdown_bytes: sizes.iter().sum::<u64>() + landing_bytes,
    })
}

fn file_name(index: usize) -> String {
    format!("page-{index:03}.md")
}

/// One page of a guide: prose, an image, a raw HTML table, accordions with
/// lists and code inside, an alert, links to its neighbours and an anchor.
fn page(guide: usize, index: usize, last: usize) -> String {
    let language = Language::for_locale("en");
    let mut rng = Rng::with_seed((guide * PAGES_PER_GUIDE + index) as u64);
    let mut out = String::with_capacity(6 * 1024);
    let sentence = |rng: &mut Rng, out: &mut String| {
        language.sentence(rng, out);
        out.push(' ');
    };
    let feature = pick(&mut rng, language.features);
    let _ = write!(
        out,
        "---\ntitle: Page {index} of guide {guide}\ndescription: Page {index} of guide {guide} of the generated tree.\n\
         feature: {feature}\nrole: Admin, Developer\nlevel: Intermediate\n\
         exl-id: {guide:08x}-{index:04x}-4000-8000-000000000001\n---\n\n# Page {index} of guide {guide}\n\n"
    );
    for _ in 0..4 {
        sentence(&mut rng, &mut out);
    }
    let _ = write!(
        out,
        "\n\n![{}](assets/page-{index:03}.png)\n\n",
        language.image_alt
    );
    out.push_str("<table>\n<tr><th>Setting</th><th>Value</th><th>Notes</th></tr>\n");
    for row in 0..6 {
        let _ = write!(
            out,
            "<tr><td>option-{row}</td><td>{}</td><td>",
            rng.u32(..1000)
        );
        sentence(&mut rng, &mut out);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n\n## Details {#details}\n\n");
    for block in 0..3 {
        let _ = write!(
            out,
            "+++ {} {{#block-{block}}}\n\n",
            language.phrase(&mut rng)
        );
        sentence(&mut rng, &mut out);
        out.push_str("\n\n* ");
        sentence(&mut rng, &mut out);
        out.push_str("\n* ");
        sentence(&mut rng, &mut out);
        out.push_str("\n\n```sh\nbench-tool --option value\n```\n\n+++\n\n");
    }
    out.push_str(">[!NOTE]\n>\n>");
    sentence(&mut rng, &mut out);
    out.push_str("\n\n## Next steps {#next-steps}\n\n");
    for _ in 0..3 {
        sentence(&mut rng, &mut out);
    }
    let next = if index < last { index + 1 } else { 0 };
    let _ = write!(
        out,
        "\n\nRead [the next page]({}#details) or [this guide's first page](page-000.md).\n",
        file_name(next)
    );
    out
}
