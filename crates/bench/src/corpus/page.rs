//! One synthetic technote: front matter and a body that uses every
//! construct of the dialect, about the size of the shipped technotes.

use std::fmt::Write as _;

use fastrand::Rng;

use super::text::{Language, pick};

/// Anchors every generated page defines, so links between pages may point at them.
const SHARED_ANCHORS: [&str; 5] = [
    "what-changed",
    "who-is-affected",
    "how-to-update",
    "faq",
    "q-1",
];

/// Alert types in rotation, so every one appears across the corpus.
const ALERTS: [&str; 9] = [
    "NOTE",
    "CAUTION",
    "IMPORTANT",
    "TIP",
    "WARNING",
    "ADMIN",
    "AVAILABILITY",
    "PREREQUISITES",
    "MORELIKETHIS",
];

/// Relative links to documents outside the site; they resolve to the
/// external documentation base.
const EXTERNAL_DOCS: [&str; 3] = [
    "../../../rn/using/compatibility-matrix.md#ClientConsoleoperatingsystems",
    "../../../integrations/using/about-adobe-id.md",
    "../../../production/using/build-upgrade.md",
];

/// Pages that carry a widget: one in `WIDGET_EVERY` technotes.
const WIDGET_EVERY: usize = 50;

/// Where technote `index` lives below `content/<locale>/`.
pub fn rel_path(index: usize) -> String {
    format!("technotes/using/{}/{}", set_folder(index), file_name(index))
}

/// The shared image every page shows, below `content/<locale>/`.
pub const IMAGE_REL_PATH: &str = "technotes/using/assets/sign-in.png";

/// Technotes are grouped in folders, as documentation trees are.
pub const PAGES_PER_FOLDER: usize = 100;

fn set_folder(index: usize) -> String {
    format!("set-{:03}", index / PAGES_PER_FOLDER)
}

fn file_name(index: usize) -> String {
    format!("note-{index:05}.md")
}

/// What a page needs to know about its place in the corpus.
pub struct PageSpec<'a> {
    /// Number of the technote, shared by its translations.
    pub index: usize,
    /// How many technotes the corpus has (link targets are drawn from them).
    pub technotes: usize,
    pub locale_tag: &'a str,
    /// Translations carry the machine-translation fields of Experience League.
    pub is_translation: bool,
}

/// Writes the whole source file of one page.
pub fn write_page(spec: &PageSpec<'_>) -> String {
    let language = Language::for_locale(spec.locale_tag);
    let mut writer = PageWriter {
        spec,
        language,
        rng: Rng::with_seed(seed(spec.index, spec.locale_tag)),
        out: String::with_capacity(8 * 1024),
    };
    writer.front_matter();
    writer.body();
    writer.out
}

/// Mixes the technote number and the locale into one seed, so translations
/// differ but every run generates the same corpus.
fn seed(index: usize, locale_tag: &str) -> u64 {
    let locale = locale_tag
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ locale
}

struct PageWriter<'a> {
    spec: &'a PageSpec<'a>,
    language: &'static Language,
    rng: Rng,
    out: String,
}

impl PageWriter<'_> {
    fn front_matter(&mut self) {
        let index = self.spec.index;
        let language = self.language;
        // Shared by every translation of the technote.
        let mut id_rng = Rng::with_seed(index as u64);
        let title = self.title();
        let mut description = String::new();
        language.sentence(&mut self.rng, &mut description);
        let feature = pick(&mut self.rng, language.features);
        let _ = write!(
            self.out,
            "---\nproduct: campaign\ntitle: {prefix}{title}\ndescription: Campaign - {description}\n\
             feature: Technote, {feature}\n\
             badge-v7-only: label=\"v7\" type=\"Informative\" tooltip=\"{tooltip}\"\n\
             exl-id: {a:08x}-{b:04x}-4{c:03x}-8{d:03x}-{e:012x}\n\
             source-git-commit: {commit:016x}{commit_more:016x}{tail:08x}\n",
            prefix = language.title_prefix,
            tooltip = language.badge_tooltip,
            a = id_rng.u32(..),
            b = id_rng.u16(..),
            c = id_rng.u16(..0x1000),
            d = id_rng.u16(..0x1000),
            e = id_rng.u64(..1 << 48),
            commit = id_rng.u64(..),
            commit_more = id_rng.u64(..),
            tail = id_rng.u32(..),
        );
        if self.spec.is_translation {
            let _ = write!(
                self.out,
                "workflow-type: tm+mt\nsource-wordcount: '{}'\nht-degree: {}%\n",
                self.rng.u32(400..1200),
                self.rng.u8(0..=100)
            );
        }
        self.out.push_str("---\n\n");
    }

    fn title(&mut self) -> String {
        let mut sentence = String::new();
        self.language.sentence(&mut self.rng, &mut sentence);
        // A title has no final punctuation.
        sentence.trim_end_matches('.').to_string()
    }

    fn body(&mut self) {
        let title = self.title();
        let _ = writeln!(self.out, "# {title} {{#note-{:05}}}\n", self.spec.index);
        self.intro();
        self.what_changed();
        self.who_is_affected();
        self.how_to_update();
        self.details();
        self.faq();
        self.useful_links();
    }

    fn intro(&mut self) {
        let name = pick(&mut self.rng, self.language.names);
        let _ = write!(self.out, "[!DNL {name}] ");
        self.sentences(2);
        let _ = write!(
            self.out,
            " [{}](https://helpx.adobe.com/enterprise/using/identity.html){{target=\"_blank\"}} \
             [!BADGE v7]{{type=Informative tooltip=\"{}\"}} ",
            self.language.phrase(&mut self.rng),
            self.language.badge_tooltip
        );
        self.sentences(2);
        self.out.push_str("\n\n");
        if self.spec.index.is_multiple_of(WIDGET_EVERY) {
            self.out
                .push_str("<!-- technote:widget minimum-releases -->\n\n");
        }
    }

    fn what_changed(&mut self) {
        let heading = self.language.what_changed;
        let _ = writeln!(self.out, "## {heading} {{#what-changed}}\n");
        self.paragraphs(1..2);
        let control = pick(&mut self.rng, self.language.controls);
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(self.out, "* [!UICONTROL {control}] &gt; {phrase}");
        let link = self.page_link();
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(self.out, "* **{phrase}**: [{phrase}]({link})");
        let external = pick(&mut self.rng, &EXTERNAL_DOCS);
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(self.out, "* [{phrase}]({external})\n");
        self.alert();
    }

    fn who_is_affected(&mut self) {
        let heading = self.language.who_is_affected;
        let _ = writeln!(self.out, "## {heading} {{#who-is-affected}}\n");
        self.paragraphs(1..2);
        let [component, minimum, notes] = self.language.table_header;
        let _ = writeln!(
            self.out,
            "| {component} | {minimum} | {notes} |\n| --- | :---: | ---: |"
        );
        for _ in 0..self.rng.usize(3..6) {
            let name = pick(&mut self.rng, self.language.names);
            let build = self.rng.u32(8000..9999);
            let phrase = self.language.phrase(&mut self.rng);
            let _ = writeln!(self.out, "| [!DNL {name}] | {build} | {phrase} |");
        }
        let _ = writeln!(
            self.out,
            "\n<table>\n  <tr><th>{component}</th><th>{minimum}</th></tr>"
        );
        for _ in 0..self.rng.usize(2..4) {
            let phrase = self.language.phrase(&mut self.rng);
            let build = self.rng.u32(8000..9999);
            let _ = writeln!(
                self.out,
                "  <tr><td>{phrase}</td><td>{build}&#64;d030c36</td></tr>"
            );
        }
        self.out.push_str("</table>\n\n");
    }

    fn how_to_update(&mut self) {
        let heading = self.language.how_to_update;
        let _ = writeln!(self.out, "## {heading} {{#how-to-update}}\n");
        self.paragraphs(1..2);
        let [hosted, on_premise] = self.language.tabs;
        let _ = writeln!(self.out, ">[!BEGINTABS]\n\n>[!TAB {hosted}]\n");
        self.paragraphs(1..2);
        let _ = writeln!(self.out, ">[!TAB {on_premise}]\n");
        self.paragraphs(1..2);
        for _ in 0..2 {
            let phrase = self.language.phrase(&mut self.rng);
            let _ = writeln!(self.out, "* {phrase}");
        }
        self.out.push_str("\n>[!ENDTABS]\n\n");
        if self.spec.index.is_multiple_of(WIDGET_EVERY) {
            self.out
                .push_str("<!-- technote:widget minimum-releases -->\n\n");
        }
        let video = self.language.video;
        let _ = writeln!(
            self.out,
            "{video}:\n\n[!VIDEO](https://video.tv.adobe.com/v/{})\n",
            self.rng.u32(1000..99999)
        );
        self.alert();
    }

    /// The part whose length varies, so pages range from about 4 to 8 KB.
    fn details(&mut self) {
        let heading = self.language.details;
        let _ = writeln!(self.out, "## {heading} {{#details}}\n");
        self.paragraphs(1..3);
        let alt = self.language.image_alt;
        let _ = writeln!(self.out, "![{alt}](../assets/sign-in.png)\n");
        for step in 1..=self.rng.usize(0..3) {
            let phrase = self.language.phrase(&mut self.rng);
            let _ = writeln!(self.out, "### {step}. {phrase}\n");
            self.paragraphs(1..3);
        }
        let faq = self.language.faq;
        let related = self.language.related;
        let _ = writeln!(
            self.out,
            "{related}: [{faq}](#faq), support&#64;example.com.\n"
        );
    }

    fn faq(&mut self) {
        let heading = self.language.faq;
        let _ = writeln!(self.out, "## {heading} {{#faq}}\n");
        for number in 1..=self.rng.usize(2..5) {
            let mut question = String::new();
            self.language.question(&mut self.rng, &mut question);
            let _ = writeln!(self.out, "**{question}** {{#q-{number}}}\n");
            self.paragraphs(1..2);
            if number == 2 {
                let phrase = self.language.phrase(&mut self.rng);
                let alt = self.language.image_alt;
                let _ = writeln!(
                    self.out,
                    "* {phrase}\n\n  ![{alt}](../assets/sign-in.png)\n"
                );
            }
        }
    }

    fn useful_links(&mut self) {
        let heading = self.language.useful_links;
        let _ = writeln!(self.out, "## {heading} {{#useful-links}}\n");
        for _ in 0..3 {
            let link = self.page_link();
            let phrase = self.language.phrase(&mut self.rng);
            let _ = writeln!(self.out, "* [{phrase}]({link})");
        }
        let external = pick(&mut self.rng, &EXTERNAL_DOCS);
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(self.out, "* [{phrase}]({external})");
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(
            self.out,
            "* [{phrase}](https://experienceleague.adobe.com/docs/experience-cloud/software-distribution/home.html){{target=\"_blank\"}}"
        );
        let _ = writeln!(
            self.out,
            "* [Adobe](https://www.adobe.com/fr/){{hreflang=fr lang=fr}}\n"
        );
    }

    /// A link to another page of the corpus, relative to this page's folder,
    /// usually with an anchor that page defines.
    fn page_link(&mut self) -> String {
        let target = self.rng.usize(..self.spec.technotes.max(1));
        let mut link = if target / PAGES_PER_FOLDER == self.spec.index / PAGES_PER_FOLDER {
            file_name(target)
        } else {
            format!("../{}/{}", set_folder(target), file_name(target))
        };
        if self.rng.bool() {
            link.push('#');
            link.push_str(pick(&mut self.rng, &SHARED_ANCHORS));
        }
        link
    }

    fn alert(&mut self) {
        let kind = ALERTS
            .get(self.rng.usize(..ALERTS.len()))
            .copied()
            .unwrap_or("NOTE");
        let _ = write!(self.out, ">[!{kind}]\n>\n>");
        self.sentences(2);
        let link = self.page_link();
        let phrase = self.language.phrase(&mut self.rng);
        let _ = writeln!(self.out, " [{phrase}]({link})\n");
    }

    fn paragraphs(&mut self, count: std::ops::Range<usize>) {
        for _ in 0..self.rng.usize(count) {
            let sentences = self.rng.usize(2..4);
            self.sentences(sentences);
            self.out.push_str("\n\n");
        }
    }

    /// Sentences of one paragraph, some with bold, UI labels or names.
    fn sentences(&mut self, count: usize) {
        for number in 0..count {
            if number > 0 {
                self.out.push(' ');
            }
            match self.rng.u8(..8) {
                0 => {
                    let control = pick(&mut self.rng, self.language.controls);
                    let _ = write!(self.out, "[!UICONTROL {control}]: ");
                }
                1 => {
                    let name = pick(&mut self.rng, self.language.names);
                    let _ = write!(self.out, "**[!DNL {name}]** ");
                }
                _ => {}
            }
            self.language.sentence(&mut self.rng, &mut self.out);
        }
    }
}
