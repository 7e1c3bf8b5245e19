//! Front matter nested deeper than serde_yaml accepts, found in one pass
//! over its bytes before serde_yaml sees it.
//!
//! serde_yaml refuses values nested more than [`MAX_DEPTH`] collections
//! deep, but only once libyaml has scanned the whole front matter into
//! events, and libyaml's scanner walks every open flow collection (`[`, `{`)
//! on each token: 100,000 nested brackets took a minute, and four million
//! block levels (`- - - …`) would hold gigabytes of events. This pass
//! follows libyaml's scanner (its `scanner.c`) just far enough to know how
//! deep every collection starts: flow brackets, quoted, plain and block
//! scalars, comments, block indentation, compact `- - -` sequences,
//! sequences at their mapping's indentation and the single-pair mappings of
//! flow sequences (`[a: b]`). It keeps one small record per open
//! collection, so it stops at the first one too deep in time linear in the
//! input. Two things are left to serde_yaml's own guard, which then refuses
//! with the same message: an alias (`*name`) that replays a structure
//! deeper than the limit (what it replays was bounded here), and a
//! collection used as a key inside another collection used as a key
//! (`[[[x]: a]: b]`), whose levels count here once the outer key is known
//! to be one. Each such key is a bracket counted here, so libyaml never
//! nests more than twice the limit deep: its time stays linear.

use std::path::Path;

use technote_diagnostics::Diagnostic;

/// The deepest nesting serde_yaml accepts: collections inside collections,
/// the front matter's own mapping included.
pub(crate) const MAX_DEPTH: usize = 128;

/// Front matter nested too deeply, refused here or, through an alias, by
/// serde_yaml's own guard.
pub(crate) const TOO_DEEP: &str = "the front matter nests values too deeply";
pub(crate) const TOO_DEEP_HELP: &str =
    "front matter values are text, lists of text or one level of `key: value`";

/// Refuses front matter (`yaml`, from its opening `---` line) nested deeper
/// than serde_yaml accepts, at the collection that crosses the limit.
pub(crate) fn refuse_deep_nesting(path: &Path, yaml: &str) -> Result<(), Diagnostic> {
    let Some(at) = too_deep(yaml, MAX_DEPTH) else {
        return Ok(());
    };
    let line = u32::try_from(at.line).unwrap_or(u32::MAX);
    let column = u32::try_from(at.column).unwrap_or(u32::MAX);
    Err(Diagnostic::error(path, TOO_DEEP)
        .with_code("front-matter-too-large")
        .at(line, column)
        .with_help(TOO_DEEP_HELP))
}

/// Characters a simple key (`key: value`) may span in libyaml.
const SIMPLE_KEY_REACH: usize = 1024;

/// Where a collection starts deeper than the limit: 1-based line of the
/// front matter text and 1-based column in characters, as serde_yaml counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// The first collection of `yaml` nested more than `limit` deep, if any.
pub(crate) fn too_deep(yaml: &str, limit: usize) -> Option<TooDeep> {
    let mut scanner = Scanner::new(yaml.as_bytes(), limit);
    scanner.run().err().map(|mark| TooDeep {
        line: mark.line + 1,
        column: mark.column + 1,
    })
}

/// A position as libyaml marks it (0-based line, column in characters).
#[derive(Debug, Clone, Copy)]
struct Mark {
    chars: usize,
    line: usize,
    column: usize,
}

/// A block collection, by the column of its indentation.
struct Block {
    column: usize,
    mapping: bool,
    /// A sequence at the mapping's own indentation (`key:` then `- item`
    /// lines) is open: one more level without an indentation of its own.
    indentless: bool,
}

/// An open `[` or `{`.
struct Flow {
    sequence: bool,
    /// `[a: b]`: the entry is a single-pair mapping, one level more.
    pair: bool,
}

/// What may turn out to be a simple key once a `:` follows on its line.
struct Key {
    mark: Mark,
    /// The first collection inside the key that reached the limit: if the
    /// key opens a mapping, a level comes before it, and it is too deep.
    margin: Option<Mark>,
}

struct Scanner<'y> {
    bytes: &'y [u8],
    pos: usize,
    /// Characters before `pos`, and before the current line.
    chars: usize,
    line_start: usize,
    line: usize,
    limit: usize,
    depth: usize,
    blocks: Vec<Block>,
    flows: Vec<Flow>,
    /// The possible simple key of the block context, then of each flow level.
    keys: Vec<Option<Key>>,
    /// Levels of `keys` whose key has no margin yet, innermost last: keys of
    /// inner levels are always the newer, so a collection reaching the limit
    /// marks them from the top and each key is marked once.
    unmarked: Vec<usize>,
    simple_key_allowed: bool,
}

type Scan = Result<(), Mark>;

impl<'y> Scanner<'y> {
    fn new(bytes: &'y [u8], limit: usize) -> Self {
        Self {
            bytes,
            pos: 0,
            chars: 0,
            line_start: 0,
            line: 0,
            limit,
            depth: 0,
            blocks: Vec::new(),
            flows: Vec::new(),
            keys: vec![None],
            unmarked: Vec::new(),
            simple_key_allowed: true,
        }
    }

    fn run(&mut self) -> Scan {
        loop {
            self.skip_to_token();
            let Some(byte) = self.byte(0) else {
                return Ok(());
            };
            let mark = self.mark();
            let in_flow = !self.flows.is_empty();
            if !in_flow {
                self.unroll(mark.column);
                self.close_indentless(mark.column, byte == b'-' && self.blankz(1));
            }
            match byte {
                b'%' if mark.column == 0 => self.skip_line(),
                b'-' | b'.' if mark.column == 0 && self.document_marker() => {
                    self.new_document();
                    (0..3).for_each(|_| self.bump());
                }
                b'[' | b'{' => self.flow_start(mark, byte == b'[')?,
                b']' | b'}' => self.flow_end(),
                b',' => self.flow_entry(),
                b'-' if self.blankz(1) => self.block_entry(mark)?,
                b'?' if in_flow || self.blankz(1) => self.key_indicator(mark)?,
                b':' if in_flow || self.blankz(1) => self.value(mark)?,
                b'*' | b'&' => {
                    self.save_key(mark);
                    self.simple_key_allowed = false;
                    self.bump();
                    while self.byte(0).is_some_and(is_anchor_char) {
                        self.bump();
                    }
                }
                b'!' => {
                    self.save_key(mark);
                    self.simple_key_allowed = false;
                    self.tag();
                }
                b'|' | b'>' if !in_flow => self.block_scalar(),
                b'\'' | b'"' => {
                    self.save_key(mark);
                    self.simple_key_allowed = false;
                    self.quoted(byte);
                }
                _ => {
                    self.save_key(mark);
                    self.plain();
                }
            }
        }
    }

    // --- Collections ---

    /// One level deeper, starting at `mark`.
    fn enter(&mut self, mark: Mark) -> Scan {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(mark);
        }
        if self.depth == self.limit {
            while let Some(level) = self.unmarked.pop() {
                if let Some(Some(key)) = self.keys.get_mut(level) {
                    key.margin = Some(mark);
                }
            }
        }
        Ok(())
    }

    /// libyaml's `roll_indent`: a block collection starts at `column`
    /// unless one is already open there.
    fn roll(&mut self, column: usize, mapping: bool, mark: Mark) -> Scan {
        if self.blocks.last().is_some_and(|top| top.column >= column) {
            return Ok(());
        }
        self.blocks.push(Block {
            column,
            mapping,
            indentless: false,
        });
        self.enter(mark)
    }

    /// libyaml's `unroll_indent`: block collections indented deeper than
    /// `column` end.
    fn unroll(&mut self, column: usize) {
        while let Some(top) = self.blocks.pop_if(|top| top.column > column) {
            self.depth -= 1 + usize::from(top.indentless);
        }
    }

    /// A sequence at its mapping's indentation ends at the next token there
    /// that is not a `- ` entry.
    fn close_indentless(&mut self, column: usize, entry: bool) {
        if let Some(top) = self.blocks.last_mut()
            && top.indentless
            && top.column == column
            && !entry
        {
            top.indentless = false;
            self.depth -= 1;
        }
    }

    fn block_entry(&mut self, mark: Mark) -> Scan {
        if self.flows.is_empty() {
            match self.blocks.last_mut() {
                Some(top) if top.column == mark.column => {
                    if top.mapping && !top.indentless {
                        top.indentless = true;
                        self.enter(mark)?;
                    }
                }
                _ => self.roll(mark.column, false, mark)?,
            }
        }
        self.remove_key();
        self.simple_key_allowed = true;
        self.bump();
        Ok(())
    }

    /// `? ` (a complex key).
    fn key_indicator(&mut self, mark: Mark) -> Scan {
        if self.flows.is_empty() {
            self.roll(mark.column, true, mark)?;
        } else {
            self.open_pair(mark, None)?;
        }
        self.remove_key();
        self.simple_key_allowed = self.flows.is_empty();
        self.bump();
        Ok(())
    }

    /// `: ` (or any `:` in a flow collection): the possible simple key of
    /// this level becomes a key.
    fn value(&mut self, mark: Mark) -> Scan {
        let key = self.take_key().filter(|key| {
            key.mark.line == mark.line && mark.chars <= key.mark.chars + SIMPLE_KEY_REACH
        });
        match (&key, self.flows.is_empty()) {
            (Some(key), true) => {
                let opens = self
                    .blocks
                    .last()
                    .is_none_or(|top| top.column < key.mark.column);
                if opens && let Some(margin) = key.margin {
                    return Err(margin);
                }
                self.roll(key.mark.column, true, key.mark)?;
            }
            (None, true) => self.roll(mark.column, true, mark)?,
            (Some(key), false) => self.open_pair(key.mark, key.margin)?,
            (None, false) => self.open_pair(mark, None)?,
        }
        self.simple_key_allowed = key.is_none() && self.flows.is_empty();
        self.bump();
        Ok(())
    }

    /// A key inside a flow sequence starts a single-pair mapping.
    fn open_pair(&mut self, mark: Mark, margin: Option<Mark>) -> Scan {
        match self.flows.last_mut() {
            Some(flow) if flow.sequence && !flow.pair => {
                flow.pair = true;
                if let Some(margin) = margin {
                    return Err(margin);
                }
                self.enter(mark)
            }
            _ => Ok(()),
        }
    }

    fn flow_start(&mut self, mark: Mark, sequence: bool) -> Scan {
        self.save_key(mark);
        self.flows.push(Flow {
            sequence,
            pair: false,
        });
        self.keys.push(None);
        self.enter(mark)?;
        self.simple_key_allowed = true;
        self.bump();
        Ok(())
    }

    fn flow_end(&mut self) {
        if let Some(flow) = self.flows.pop() {
            self.remove_key();
            self.keys.pop();
            self.depth -= 1 + usize::from(flow.pair);
        }
        self.simple_key_allowed = false;
        self.bump();
    }

    fn flow_entry(&mut self) {
        self.remove_key();
        if let Some(flow) = self.flows.last_mut()
            && flow.pair
        {
            flow.pair = false;
            self.depth -= 1;
        }
        self.simple_key_allowed = true;
        self.bump();
    }

    /// `---` or `...`: every collection ends.
    fn new_document(&mut self) {
        self.blocks.clear();
        self.flows.clear();
        self.keys.clear();
        self.keys.push(None);
        self.unmarked.clear();
        self.depth = 0;
        self.simple_key_allowed = false;
    }

    // --- Simple keys ---

    fn save_key(&mut self, mark: Mark) {
        if !self.simple_key_allowed {
            return;
        }
        self.remove_key();
        let level = self.keys.len() - 1;
        if let Some(slot) = self.keys.last_mut() {
            *slot = Some(Key { mark, margin: None });
            self.unmarked.push(level);
        }
    }

    fn take_key(&mut self) -> Option<Key> {
        let level = self.keys.len().checked_sub(1)?;
        if self.unmarked.last() == Some(&level) {
            self.unmarked.pop();
        }
        self.keys.last_mut()?.take()
    }

    fn remove_key(&mut self) {
        self.take_key();
    }

    // --- Scalars and other tokens ---

    /// Spaces, comments and line breaks before the next token (tabs too
    /// where libyaml skips them; elsewhere a tab is an error libyaml stops
    /// at, and what follows it does not matter).
    fn skip_to_token(&mut self) {
        loop {
            while let Some(b' ' | b'\t') = self.byte(0) {
                self.bump();
            }
            if self.byte(0) == Some(b'#') {
                self.skip_to_break();
            }
            if !self.consume_break() {
                return;
            }
            if self.flows.is_empty() {
                self.simple_key_allowed = true;
            }
        }
    }

    fn skip_line(&mut self) {
        self.skip_to_break();
        self.consume_break();
    }

    fn skip_to_break(&mut self) {
        while !self.breakz(0) {
            self.bump();
        }
    }

    /// `!tag`, `!!str`, `!<verbatim>`: the characters libyaml takes in a tag.
    fn tag(&mut self) {
        self.bump();
        if self.byte(0) == Some(b'<') {
            while !self.breakz(0) && self.byte(0) != Some(b'>') {
                self.bump();
            }
            if self.byte(0) == Some(b'>') {
                self.bump();
            }
            return;
        }
        while self.byte(0).is_some_and(is_tag_char) {
            self.bump();
        }
    }

    /// A `'…'` or `"…"` scalar, across lines, with its escapes.
    fn quoted(&mut self, quote: u8) {
        self.bump();
        loop {
            if self.column() == 0 && self.document_marker() {
                return;
            }
            match self.byte(0) {
                None => return,
                Some(b'\'') if quote == b'\'' && self.byte(1) == Some(b'\'') => {
                    self.bump();
                    self.bump();
                }
                Some(b'\\') if quote == b'"' => {
                    self.bump();
                    if !self.consume_break() && self.byte(0).is_some() {
                        self.bump();
                    }
                }
                Some(byte) if byte == quote => {
                    self.bump();
                    return;
                }
                Some(_) => {
                    if !self.consume_break() {
                        self.bump();
                    }
                }
            }
        }
    }

    /// A plain scalar: its end is where libyaml's `scan_plain_scalar` stops.
    fn plain(&mut self) {
        let in_flow = !self.flows.is_empty();
        let indent = self.blocks.last().map_or(0, |top| top.column + 1);
        let mut leading_blanks = false;
        'scalar: loop {
            if self.column() == 0 && self.document_marker() {
                break;
            }
            if self.byte(0) == Some(b'#') {
                break;
            }
            while !self.blankz(0) {
                let byte = self.byte(0);
                if in_flow
                    && byte == Some(b':')
                    && matches!(self.byte(1), Some(b',' | b'?' | b'[' | b']' | b'{' | b'}'))
                {
                    break 'scalar;
                }
                let ends = (byte == Some(b':') && self.blankz(1))
                    || (in_flow && matches!(byte, Some(b',' | b'[' | b']' | b'{' | b'}')));
                if ends {
                    break 'scalar;
                }
                self.bump();
            }
            if self.byte(0).is_none() {
                break;
            }
            loop {
                match self.byte(0) {
                    Some(b' ') => self.bump(),
                    Some(b'\t') => {
                        if leading_blanks && self.column() < indent {
                            break 'scalar;
                        }
                        self.bump();
                    }
                    _ if self.consume_break() => leading_blanks = true,
                    _ => break,
                }
            }
            if !in_flow && self.column() < indent {
                break;
            }
        }
        self.simple_key_allowed = leading_blanks;
    }

    /// A `|` or `>` scalar: its header line, then every line indented at
    /// least as its first one (empty lines included).
    fn block_scalar(&mut self) {
        self.remove_key();
        self.simple_key_allowed = true;
        self.bump();
        let mut increment = 0;
        for _ in 0..2 {
            match self.byte(0) {
                Some(b'+' | b'-') => self.bump(),
                Some(digit @ b'1'..=b'9') => {
                    increment = usize::from(digit - b'0');
                    self.bump();
                }
                _ => break,
            }
        }
        while let Some(b' ' | b'\t') = self.byte(0) {
            self.bump();
        }
        if self.byte(0) == Some(b'#') {
            self.skip_to_break();
        }
        if !self.consume_break() {
            // libyaml stops here with an error: nothing after it is read.
            return;
        }
        let parent = self.blocks.last().map(|top| top.column);
        let mut indent = match (increment, parent) {
            (0, _) => 0,
            (increment, Some(parent)) => parent + increment,
            (increment, None) => increment,
        };
        if !self.block_scalar_breaks(&mut indent, parent) {
            return;
        }
        while self.column() == indent && self.byte(0).is_some() {
            self.skip_to_break();
            if !self.consume_break() || !self.block_scalar_breaks(&mut indent, parent) {
                return;
            }
        }
    }

    /// libyaml's `scan_block_scalar_breaks`: the indentation of the next
    /// content line, past empty lines; sets the scalar's indentation when
    /// it is not known yet. False where libyaml stops with an error.
    fn block_scalar_breaks(&mut self, indent: &mut usize, parent: Option<usize>) -> bool {
        let mut max_indent = 0;
        loop {
            while (*indent == 0 || self.column() < *indent) && self.byte(0) == Some(b' ') {
                self.bump();
            }
            max_indent = max_indent.max(self.column());
            if (*indent == 0 || self.column() < *indent) && self.byte(0) == Some(b'\t') {
                return false;
            }
            if !self.consume_break() {
                break;
            }
        }
        if *indent == 0 {
            *indent = max_indent.max(parent.map_or(0, |p| p + 1)).max(1);
        }
        true
    }

    // --- Reading ---

    fn byte(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn mark(&self) -> Mark {
        Mark {
            chars: self.chars,
            line: self.line,
            column: self.column(),
        }
    }

    fn column(&self) -> usize {
        self.chars - self.line_start
    }

    /// One byte further; characters are counted at their first byte.
    fn bump(&mut self) {
        if let Some(byte) = self.byte(0) {
            if byte & 0xC0 != 0x80 {
                self.chars += 1;
            }
            self.pos += 1;
        }
    }

    /// Bytes of the line break at `pos + ahead`: LF, CR, CR LF, and the
    /// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR characters libyaml also
    /// breaks lines at.
    fn break_len(&self, ahead: usize) -> Option<usize> {
        match (
            self.byte(ahead)?,
            self.byte(ahead + 1),
            self.byte(ahead + 2),
        ) {
            (b'\r', Some(b'\n'), _) => Some(2),
            (b'\r' | b'\n', _, _) => Some(1),
            (0xC2, Some(0x85), _) => Some(2),
            (0xE2, Some(0x80), Some(0xA8 | 0xA9)) => Some(3),
            _ => None,
        }
    }

    fn consume_break(&mut self) -> bool {
        let Some(length) = self.break_len(0) else {
            return false;
        };
        // libyaml counts CR LF as two characters, any other break as one.
        self.chars += if length == 2 && self.byte(0) == Some(b'\r') {
            2
        } else {
            1
        };
        self.pos += length;
        self.line += 1;
        self.line_start = self.chars;
        true
    }

    /// A line break or the end (libyaml also ends at a NUL byte).
    fn breakz(&self, ahead: usize) -> bool {
        matches!(self.byte(ahead), None | Some(0)) || self.break_len(ahead).is_some()
    }

    fn blankz(&self, ahead: usize) -> bool {
        matches!(self.byte(ahead), Some(b' ' | b'\t')) || self.breakz(ahead)
    }

    /// `---` or `...` followed by a blank, at `pos`.
    fn document_marker(&self) -> bool {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        (rest.starts_with(b"---") || rest.starts_with(b"...")) && self.blankz(3)
    }
}

fn is_anchor_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_')
}

fn is_tag_char(byte: u8) -> bool {
    is_anchor_char(byte) || b";/?:@&=+$.%!~*'()".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(yaml: &str) -> Option<(usize, usize)> {
        too_deep(yaml, MAX_DEPTH).map(|deep| (deep.line, deep.column))
    }

    #[test]
    fn brackets_are_refused_at_the_one_past_the_limit() {
        let yaml = format!("---\ntitle: T\nextra: {}\n", "[".repeat(1000));
        // The root mapping is one level: the 128th bracket is the 129th level.
        assert_eq!(at(&yaml), Some((3, 7 + 128)));
        let yaml = format!(
            "---\ntitle: T\nextra: {}{}\n",
            "[".repeat(127),
            "]".repeat(127)
        );
        assert_eq!(at(&yaml), None);
    }

    #[test]
    fn compact_block_sequences_count_each_dash() {
        let yaml = format!("---\nextra:\n  {}x\n", "- ".repeat(500));
        assert_eq!(at(&yaml), Some((3, 3 + 2 * 127)));
    }

    #[test]
    fn brackets_in_quotes_comments_and_text_are_not_collections() {
        let deep = "[".repeat(300);
        for yaml in [
            format!("---\ntitle: '{deep}'\n"),
            format!("---\ntitle: \"{deep}\\\"{deep}\"\n"),
            format!("---\ntitle: T # {deep}\n"),
            format!("---\ntitle: a{deep}\n"),
            format!("---\ntitle: a\n  {deep}\n"),
            format!("---\ndescription: |\n  {deep}\n\n  {deep}\ntitle: T\n"),
            format!("---\nextra: [a, 'it''s {deep}', \"{deep}\"]\n"),
        ] {
            assert_eq!(at(&yaml), None, "{yaml}");
        }
    }

    #[test]
    fn single_pair_mappings_in_flow_sequences_are_a_level() {
        let yaml = format!("---\nextra: {}\n", "[a: ".repeat(100));
        // Each `[a: ` is a sequence and a mapping: level 129 is the 64th `a`.
        assert_eq!(at(&yaml), Some((2, 8 + 4 * 63 + 1)));
    }

    #[test]
    fn nested_block_mappings_count_by_indentation() {
        let mut yaml = String::from("---\n");
        for level in 0..130 {
            yaml.push_str(&" ".repeat(level));
            yaml.push_str("k:\n");
        }
        assert_eq!(at(&yaml), Some((130, 129)));
        yaml.truncate(yaml.rfind(&format!("\n{}k:", " ".repeat(128))).unwrap_or(0) + 1);
        assert_eq!(at(&yaml), None);
    }

    /// A small deterministic generator (xorshift), so a failure replays.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % 1_000_003).unwrap_or(0) % n
        }

        /// Valid YAML nested `depth` collections deep below a block node
        /// at column `indent`, in the shapes libyaml knows.
        fn block(&mut self, depth: usize, indent: usize) -> String {
            let pad = " ".repeat(indent);
            let inner = " ".repeat(indent + 2);
            if depth == 0 {
                return self.leaf(false);
            }
            let node = match self.below(9) {
                0 => format!("- {}", self.block(depth - 1, indent + 2)),
                1 => format!("-\n{inner}{}", self.block(depth - 1, indent + 2)),
                2 => format!("k:\n{inner}{}", self.block(depth - 1, indent + 2)),
                // A sequence at its mapping's indentation: two levels.
                3 if depth > 1 => format!("k:\n{pad}- {}", self.block(depth - 2, indent + 2)),
                4 => format!("? {}\n{pad}: v", self.block(depth - 1, indent + 2)),
                5 => format!("{}: v", self.flow(depth - 1, true)),
                6 => format!("&a {}", self.flow(depth, false)),
                7 => format!(
                    "description: |\n{inner}[[{{ '\n{pad}k:\n{inner}{}",
                    self.block(depth - 1, indent + 2)
                ),
                _ => self.flow(depth, false),
            };
            match self.below(4) {
                0 if node.starts_with('-') => format!("{node}\n{pad}- x # ]]"),
                1 if node.starts_with('k') => format!("{node}\n{pad}k2: '[[' # [["),
                _ => node,
            }
        }

        /// A flow node `depth` collections deep; a key stays on one line.
        fn flow(&mut self, depth: usize, key: bool) -> String {
            if depth == 0 {
                return self.leaf(true);
            }
            match self.below(8) {
                0 => format!("[{}, x]", self.flow(depth - 1, key)),
                1 => format!("{{k: {}}}", self.flow(depth - 1, key)),
                2 if depth > 1 => format!("[k: {}]", self.flow(depth - 2, key)),
                // Collections as keys, one at a time (see the module's docs).
                3 if depth > 1 && !key => format!("[{}: v]", self.flow(depth - 2, true)),
                4 if !key => format!("{{{}: v}}", self.flow(depth - 1, true)),
                5 if !key => format!("[\n  {}, # ]]\n x]", self.flow(depth - 1, key)),
                6 => format!("!t [{}]", self.flow(depth - 1, key)),
                _ => format!("[ \"[{{\", {}]", self.flow(depth - 1, key)),
            }
        }

        /// A scalar with brackets that open nothing.
        fn leaf(&mut self, flow: bool) -> String {
            let plain = if flow { "it's" } else { "a [b] {c}" };
            ["x", "'[[ '' {{'", "\"]] \\\" }}\"", plain][self.below(4)].to_string()
        }
    }

    /// What serde_yaml says of valid YAML around the limit: this pass
    /// refuses exactly what serde_yaml's guard refuses, at the same place.
    #[test]
    fn refuses_exactly_what_serde_yaml_refuses_for_depth() {
        let mut random = Random(0x9E37_79B9_7F4A_7C15);
        let (mut refused, mut accepted) = (0, 0);
        for _ in 0..600 {
            let depth = MAX_DEPTH - 12 + random.below(24);
            let yaml = format!("---\nextra:\n  {}\n", random.block(depth, 2));
            let serde = serde_yaml::from_str::<serde_yaml::Value>(&yaml);
            let serde_at = match &serde {
                Ok(_) => None,
                Err(error) if error.to_string().starts_with("recursion limit exceeded") => {
                    error.location().map(|at| (at.line(), at.column()))
                }
                Err(error) => panic!("the generator wrote invalid YAML ({error}):\n{yaml}"),
            };
            let ours = too_deep(&yaml, MAX_DEPTH);
            match (ours, serde_at) {
                (None, None) => accepted += 1,
                (Some(_), Some(_)) if yaml.contains('&') || yaml.contains('!') => refused += 1,
                (Some(at), Some(serde_at)) => {
                    assert_eq!((at.line, at.column), serde_at, "{yaml}");
                    refused += 1;
                }
                _ => panic!("this pass says {ours:?}, serde_yaml {serde_at:?}:\n{yaml}"),
            }
        }
        assert!(
            refused > 100 && accepted > 100,
            "{refused} refused, {accepted} accepted"
        );
    }
}
