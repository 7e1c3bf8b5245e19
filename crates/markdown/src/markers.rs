//! The `[!KEYWORD …]` markers of the dialect that open a blockquote: alerts
//! (`[!NOTE]`) and tab sets (`[!BEGINTABS]`, `[!TAB title]`, `[!ENDTABS]`).

/// The alert types of the dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AlertKind {
    Note,
    Caution,
    Important,
    Tip,
    Warning,
    Admin,
    Availability,
    Prerequisites,
    MoreLikeThis,
    Info,
    Error,
    Success,
}

impl AlertKind {
    pub(crate) const ALL: [AlertKind; 12] = [
        AlertKind::Note,
        AlertKind::Caution,
        AlertKind::Important,
        AlertKind::Tip,
        AlertKind::Warning,
        AlertKind::Admin,
        AlertKind::Availability,
        AlertKind::Prerequisites,
        AlertKind::MoreLikeThis,
        AlertKind::Info,
        AlertKind::Error,
        AlertKind::Success,
    ];

    /// The keyword as authors write it, e.g. `NOTE`.
    pub(crate) fn keyword(self) -> &'static str {
        match self {
            AlertKind::Note => "NOTE",
            AlertKind::Caution => "CAUTION",
            AlertKind::Important => "IMPORTANT",
            AlertKind::Tip => "TIP",
            AlertKind::Warning => "WARNING",
            AlertKind::Admin => "ADMIN",
            AlertKind::Availability => "AVAILABILITY",
            AlertKind::Prerequisites => "PREREQUISITES",
            AlertKind::MoreLikeThis => "MORELIKETHIS",
            AlertKind::Info => "INFO",
            AlertKind::Error => "ERROR",
            AlertKind::Success => "SUCCESS",
        }
    }

    /// The Fluent id of its title, which is also its CSS class.
    pub(crate) fn message_id(self) -> &'static str {
        match self {
            AlertKind::Note => "alert-note",
            AlertKind::Caution => "alert-caution",
            AlertKind::Important => "alert-important",
            AlertKind::Tip => "alert-tip",
            AlertKind::Warning => "alert-warning",
            AlertKind::Admin => "alert-admin",
            AlertKind::Availability => "alert-availability",
            AlertKind::Prerequisites => "alert-prerequisites",
            AlertKind::MoreLikeThis => "alert-morelikethis",
            AlertKind::Info => "alert-info",
            AlertKind::Error => "alert-error",
            AlertKind::Success => "alert-success",
        }
    }

    pub(crate) fn index(self) -> usize {
        AlertKind::ALL
            .iter()
            .position(|&kind| kind == self)
            .unwrap_or(0)
    }
}

/// What a `[!KEYWORD` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    Alert(AlertKind),
    BeginTabs,
    Tab,
    EndTabs,
    /// `CONTEXTUALHELP`: in-product help data, never shown on the page.
    ContextualHelp,
    /// `DNL`, `UICONTROL`, `BADGE`, `VIDEO`: handled inside paragraphs.
    Inline(InlineKeyword),
    Unknown,
}

/// The markers that live inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InlineKeyword {
    Dnl,
    UiControl,
    Badge,
    Video,
}

impl Keyword {
    pub(crate) fn from_name(name: &str) -> Keyword {
        // Compared uppercased in a buffer as long as the longest keyword.
        let mut upper = [0; "CONTEXTUALHELP".len()];
        let Some(name_upper) = upper.get_mut(..name.len()) else {
            return Keyword::Unknown;
        };
        name_upper.copy_from_slice(name.as_bytes());
        name_upper.make_ascii_uppercase();
        match &*name_upper {
            b"DNL" => Keyword::Inline(InlineKeyword::Dnl),
            b"UICONTROL" => Keyword::Inline(InlineKeyword::UiControl),
            b"BADGE" => Keyword::Inline(InlineKeyword::Badge),
            b"VIDEO" => Keyword::Inline(InlineKeyword::Video),
            b"BEGINTABS" => Keyword::BeginTabs,
            b"TAB" => Keyword::Tab,
            b"ENDTABS" => Keyword::EndTabs,
            b"CONTEXTUALHELP" => Keyword::ContextualHelp,
            keyword => AlertKind::ALL
                .into_iter()
                .find(|kind| kind.keyword().as_bytes() == keyword)
                .map_or(Keyword::Unknown, Keyword::Alert),
        }
    }
}

/// A marker that opens a blockquote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockMarker<'t> {
    Alert(AlertKind),
    /// `[!SIDEBAR]`: a word in capitals the dialect does not know, shown as a
    /// note titled with that word (Experience League trees hold such types).
    UnknownAlert(&'t str),
    /// `[!CONTEXTUALHELP]`: the whole quote is left out of the page.
    ContextualHelp,
    BeginTabs,
    /// `[!TAB title]`, with the title trimmed.
    Tab(&'t str),
    EndTabs,
}

/// A block marker and the text that follows its `]` on the same line.
pub(crate) struct ParsedMarker<'t> {
    pub(crate) marker: BlockMarker<'t>,
    pub(crate) rest: &'t str,
}

/// Reads the block marker at the start of a blockquote's first text, if any.
/// Inline markers give `None`: the blockquote stays an ordinary one. An
/// unknown keyword alone between the brackets, in capitals, is an alert type
/// the dialect does not know (`[!Foo bar]` stays text, which the inline pass
/// reports).
pub(crate) fn parse_block_marker(text: &str) -> Option<ParsedMarker<'_>> {
    let inner_and_rest = text.strip_prefix("[!")?;
    let close = inner_and_rest.find(']')?;
    let inner = inner_and_rest.get(..close)?;
    let rest = inner_and_rest.get(close + 1..)?;
    let (name, argument) = match inner.find(char::is_whitespace) {
        Some(space) => (
            inner.get(..space).unwrap_or(inner),
            inner.get(space..).unwrap_or("").trim(),
        ),
        None => (inner, ""),
    };
    let marker = match Keyword::from_name(name) {
        Keyword::Alert(kind) if argument.is_empty() => BlockMarker::Alert(kind),
        Keyword::BeginTabs if argument.is_empty() => BlockMarker::BeginTabs,
        Keyword::EndTabs if argument.is_empty() => BlockMarker::EndTabs,
        Keyword::Tab => BlockMarker::Tab(argument),
        Keyword::ContextualHelp if argument.is_empty() => BlockMarker::ContextualHelp,
        Keyword::Unknown if argument.is_empty() && is_alert_like(name) => {
            BlockMarker::UnknownAlert(name)
        }
        _ => return None,
    };
    Some(ParsedMarker { marker, rest })
}

/// Whether an unknown keyword reads as an alert type: letters, capitals first.
fn is_alert_like(name: &str) -> bool {
    name.len() >= 2
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'_' || b.is_ascii_digit())
        && name.starts_with(|c: char| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(text: &str) -> Option<(BlockMarker<'_>, &str)> {
        parse_block_marker(text).map(|parsed| (parsed.marker, parsed.rest))
    }

    #[test]
    fn reads_every_alert_type_in_any_case() {
        for kind in AlertKind::ALL {
            let text = format!("[!{}]", kind.keyword());
            assert_eq!(marker(&text), Some((BlockMarker::Alert(kind), "")));
        }
        assert_eq!(
            marker("[!note] body"),
            Some((BlockMarker::Alert(AlertKind::Note), " body"))
        );
    }

    #[test]
    fn unknown_capitalised_types_and_contextual_help_are_block_markers() {
        assert_eq!(
            marker("[!SIDEBAR]"),
            Some((BlockMarker::UnknownAlert("SIDEBAR"), ""))
        );
        assert_eq!(
            marker("[!ContextualHelp]"),
            Some((BlockMarker::ContextualHelp, ""))
        );
        assert_eq!(marker("[!SIDEBAR with words]"), None);
    }

    #[test]
    fn reads_tab_markers_with_their_title() {
        assert_eq!(marker("[!BEGINTABS]"), Some((BlockMarker::BeginTabs, "")));
        assert_eq!(
            marker("[!TAB  On-premise / hybrid ]"),
            Some((BlockMarker::Tab("On-premise / hybrid"), ""))
        );
        assert_eq!(marker("[!ENDTABS]"), Some((BlockMarker::EndTabs, "")));
    }

    #[test]
    fn inline_and_unknown_markers_are_not_block_markers() {
        assert_eq!(marker("[!DNL Adobe] says"), None);
        assert_eq!(marker("[!Foo]"), None);
        assert_eq!(marker("[!NOTE extra]"), None);
        assert_eq!(marker("[!NOTE"), None);
        assert_eq!(marker("plain"), None);
    }
}
