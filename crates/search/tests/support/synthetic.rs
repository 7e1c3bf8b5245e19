//! A reproducible corpus of technote-like French pages for size and speed
//! measurements: 8 sections of about 60 words each (500 words a page).
//! Nine words in ten come from a technote vocabulary, one in ten from a
//! list of 50,000 rare terms, so the index meets a large vocabulary.

use technote_search::{SearchDocument, SearchSection};

const VOCABULARY: &str = "Depuis le changement de juin les opérateurs qui ouvrent la console \
cliente avec un Adobe ID doivent disposer d’un poste à jour. Mettez d’abord le serveur à niveau \
puis déployez la nouvelle console sur chaque poste. Vérifiez le build affiché dans la fenêtre \
À propos et comparez-le aux versions minimales. Les clients hébergés n’ont rien à faire côté \
serveur : seule la console compte. Sous Windows le moteur d’Internet Explorer affiche la fenêtre \
de connexion d’IMS et un moteur trop ancien bloque la connexion. Les consoles récentes utilisent \
le runtime WebView2 à la place. Si la connexion échoue encore après la mise à jour contactez \
l’assistance avec le journal de la console et la version du serveur. Les mises à jour de sécurité \
de Windows sont nécessaires ; redémarrez le poste après leur installation. Pour un parc important \
l’administrateur peut vérifier tous les postes en ligne de commande avec les mêmes règles.";

/// Owns the text of the corpus; [`Corpus::documents`] borrows it.
pub struct Corpus {
    pages: Vec<Page>,
}

struct Page {
    url: String,
    title: String,
    intro: String,
    sections: Vec<(String, String, String)>,
}

// The Japanese corpus is for benches/build_index.rs; tests/size.rs, which
// shares this file, uses the French one only.
#[allow(dead_code)]
/// Japanese text of the same kind, for the cost of CJK runs: written
/// without spaces, as Japanese is.
const VOCABULARY_JA: &str = "６月の変更により、Adobe IDでクライアントコンソールを開くオペレーター\
は最新の端末が必要です。まずサーバーをアップグレードし、各端末に新しいコンソールを配布してください。\
バージョン情報の画面でビルド番号を確認し、最小バージョンと比べます。ホスト型のお客様はサーバー側の\
作業は不要で、コンソールだけが対象です。WindowsではInternet Explorerのエンジンがログイン画面を表示し、\
古いエンジンはログインを妨げます。新しいコンソールは代わりにWebView2ランタイムを使います。更新後も\
ログインに失敗する場合は、コンソールのログとサーバーのバージョンを添えてサポートに連絡してください。\
Windowsのセキュリティ更新が必要です。インストール後に端末を再起動してください。多くの端末がある場合、\
管理者は同じ規則でコマンドラインからすべての端末を確認できます。";

impl Corpus {
    /// `count` French pages, the same ones on every run.
    pub fn new(count: usize) -> Self {
        let words: Vec<&str> = VOCABULARY.split_whitespace().collect();
        let mut random = fastrand::Rng::with_seed(2021);
        let phrase = |length: usize| -> String {
            let mut text = String::new();
            for _ in 0..length {
                if random.u8(0..10) == 0 {
                    text.push_str(&format!("terme{}", random.u32(0..50_000)));
                } else {
                    text.push_str(words[random.usize(0..words.len())]);
                }
                text.push(' ');
            }
            text
        };
        Self::of_phrases("fr", count, phrase)
    }

    #[allow(dead_code)]
    /// `count` Japanese pages of about 1,500 characters: pieces of three
    /// characters of a technote's text, and in one place in ten two
    /// ideographs drawn at random (a vocabulary that keeps growing).
    pub fn japanese(count: usize) -> Self {
        let characters: Vec<char> = VOCABULARY_JA.chars().collect();
        let pieces: Vec<String> = characters.chunks(3).map(|c| c.iter().collect()).collect();
        let mut random = fastrand::Rng::with_seed(2021);
        let phrase = |length: usize| -> String {
            let mut text = String::new();
            for _ in 0..length {
                if random.u8(0..10) == 0 {
                    let mut ideograph = || char::from_u32(0x4e00 + random.u32(0..8_000));
                    text.extend([ideograph(), ideograph()].into_iter().flatten());
                } else {
                    text.push_str(&pieces[random.usize(0..pieces.len())]);
                }
            }
            text.push('。');
            text
        };
        Self::of_phrases("ja", count, phrase)
    }

    /// Pages of 8 sections of about 60 phrase pieces each.
    fn of_phrases(locale: &str, count: usize, mut phrase: impl FnMut(usize) -> String) -> Self {
        let pages = (0..count)
            .map(|page| Page {
                url: format!("{locale}/technotes/using/page-{page}.html"),
                title: phrase(6),
                intro: phrase(30),
                sections: (0..8)
                    .map(|section| (format!("section-{section}"), phrase(5), phrase(55)))
                    .collect(),
            })
            .collect();
        Self { pages }
    }

    pub fn documents(&self) -> Vec<SearchDocument<'_>> {
        self.pages
            .iter()
            .map(|page| SearchDocument {
                url: &page.url,
                title: &page.title,
                intro: &page.intro,
                sections: page
                    .sections
                    .iter()
                    .map(|(id, heading, text)| SearchSection { id, heading, text })
                    .collect(),
            })
            .collect()
    }

    /// Bytes of text the pages hold: title, intro, headings and bodies.
    pub fn text_len(&self) -> usize {
        self.pages
            .iter()
            .map(|page| {
                page.title.len()
                    + page.intro.len()
                    + page
                        .sections
                        .iter()
                        .map(|(_, heading, text)| heading.len() + text.len())
                        .sum::<usize>()
            })
            .sum()
    }
}
