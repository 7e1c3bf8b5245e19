//! Reading the compact text forms the site hands the WebAssembly module (a
//! check, `check/wire.rs`; the release catalog, `catalog/wire.rs`): tokens
//! separated by tabs. Decoding JSON there instead (serde_json's number
//! parsing and derived visitors) cost about 30 KB gzipped.

/// The separator of tokens in every compact form.
pub(crate) const SEPARATOR: char = '\t';

pub(crate) struct Tokens<'a>(std::str::Split<'a, char>);

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Tokens(text.split(SEPARATOR))
    }

    pub(crate) fn next(&mut self) -> Option<&'a str> {
        self.0.next()
    }

    pub(crate) fn text(&mut self) -> Option<String> {
        self.next().map(str::to_owned)
    }

    /// A count or an index.
    pub(crate) fn number(&mut self) -> Option<usize> {
        self.parsed()
    }

    pub(crate) fn parsed<N: std::str::FromStr>(&mut self) -> Option<N> {
        self.next()?.parse().ok()
    }

    /// A count, then that many texts.
    pub(crate) fn list(&mut self) -> Option<Vec<String>> {
        (0..self.number()?).map(|_| self.text()).collect()
    }

    /// Whether every token was read.
    pub(crate) fn is_done(&mut self) -> bool {
        self.0.next().is_none()
    }
}
