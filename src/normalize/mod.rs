//! Stage 1: folding hostile text into a canonical form, with a map back.
//!
//! Every later stage searches the *normalised* text and reports spans in the
//! *original* text. [`normalize`] turns a `&str` into a [`Normalized`]: a
//! lowercase string of words separated by single spaces, plus, for every byte
//! of it, the original character that produced it.
//!
//! # What is folded
//!
//! | evasion | example | becomes |
//! | --- | --- | --- |
//! | compatibility forms (NFKD) | `ＷｅＣｈａｔ`, `𝐐𝐢𝐮`, `ﬁ`, `ⓠ` | `wechat`, `qiu`, `fi`, `q` |
//! | case (full folding) | `QIU`, `STRASSE`/`Straße` | `qiu`, `strasse` |
//! | diacritics | `Qiú`, `Zürich` | `qiu`, `zurich` |
//! | invisible characters | `We\u{200B}Chat`, bidi controls, variation selectors, tags, soft hyphen | `wechat` |
//! | look-alike letters (TR39) | `Аmanda` (Cyrillic А), `Ѕhеn`, `ԛiu` | `amanda`, `shen`, `qiu` |
//! | separators | `BR-YR`, `B.R. - Y.R.`, `x 🙂 y` | `br yr`, `b r y r`→`bryr`, `x y` |
//! | leetspeak in words | `W3Chat`, `Te1egram`, `1nternship`, `t3legr@m`, `ca$h` | `wechat`, `teiegram`, `internship`, `telegram`, `cash` |
//! | spaced-out letters | `w e c h a t`, `B R - Y R` | `wechat`, `bryr` |
//!
//! Numbers stay numbers (`£2,000` → `2 000`, `6-10 pages` → `6 10 pages`,
//! `Data 31` → `data 31`): a digit is read as a letter only when it stands
//! alone between letters (`Un1on`), or at the start of a word of at least
//! four characters (`1nternship`), and never at its end (`mp3`, `covid19`).
//! `1` becomes `i`; where it stood for `l` (`Te1egram` → `teiegram`), the
//! signal scanner adds the `l`→`i` spelling of its phrases, which is cheaper
//! and safer than guessing in the text. `@` is `a` between letters unless it
//! starts an e-mail domain (`name@mail.com` → `name mail com`). Three or more
//! single letters in a row are joined; one or two are left alone (`Plan B`,
//! `I am`, `J. K. Rowling`).
//!
//! The table behind the per-character folds is generated from Unicode's data
//! (see `tests/generated_tables.rs` and the crate's NOTICE), not hand-made.
//! Where TR39 picks a prototype a reader would not (`m` → `rn`), the table
//! folds onto the letter a person reads.
//!
//! # Guarantees
//!
//! - Idempotent: `normalize(normalize(s).as_str()).as_str() == normalize(s).as_str()`.
//! - Bounded: the output is at most [`MAX_EXPANSION`] times the input in bytes
//!   (ASCII input never grows).
//! - Exact spans: [`Normalized::original_span`] of any non-empty range of the
//!   output starts and ends on character boundaries of the original and covers
//!   the characters that produced it (a separator space maps to the first
//!   separator character of its run).
//! - Linear time in the input, with no allocation beyond the output.
//! - Text longer than `u32::MAX` bytes is normalised up to the last character
//!   boundary before that length; the rest is not read.

mod fold_table;

use std::ops::Range;

/// The output of [`normalize`] is at most this many bytes per input byte.
pub const MAX_EXPANSION: usize = fold_table::MAX_FOLD_EXPANSION;

/// The Unicode version of the confusables data behind the fold table.
pub const UNICODE_VERSION: (u64, u64, u64) = fold_table::UNICODE_VERSION;

/// A half-open byte range `start..end` into a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Normalised text with a map from each of its bytes back to the original.
///
/// Built by [`normalize`] or, reusing its buffers, [`Normalized::refill`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`, the byte offset of the original character
    /// that produced it.
    origin: Vec<u32>,
    /// For each byte of `text`, the UTF-8 length of that original character.
    /// Kept beside `origin` rather than recomputed so that `Normalized` does
    /// not borrow the original.
    width: Vec<u8>,
}

impl Normalized {
    /// An empty value, to be filled by [`Normalized::refill`].
    pub fn new() -> Normalized {
        Normalized::default()
    }

    /// The normalised text: lowercase words separated by single spaces.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether nothing survived normalisation.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The original span of the characters that produced
    /// `normalized[range]`, or `None` when the range is empty or out of
    /// bounds. The range need not fall on character boundaries of the
    /// normalised text: a byte inside a folded character maps to the whole
    /// original character.
    pub fn original_span(&self, range: Range<usize>) -> Option<Span> {
        if range.start >= range.end || range.end > self.text.len() {
            return None;
        }
        let start = self.origin[range.start] as usize;
        let last = range.end - 1;
        let end = self.origin[last] as usize + self.width[last] as usize;
        Some(Span::new(start, end.max(start)))
    }

    /// The words of the normalised text with their byte ranges in it.
    pub fn words(&self) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
        let text = self.text.as_str();
        let mut pos = 0;
        text.split(' ').filter_map(move |w| {
            let start = pos;
            pos += w.len() + 1;
            (!w.is_empty()).then_some((start..start + w.len(), w))
        })
    }

    /// Bytes of memory held by this value.
    pub fn memory_usage(&self) -> usize {
        self.text.capacity() + self.origin.capacity() * 4 + self.width.capacity()
    }

    /// Normalises `original` into this value, reusing its buffers.
    pub fn refill(&mut self, original: &str) {
        self.refill_with(original, true);
    }

    fn refill_with(&mut self, original: &str, fast_prose: bool) {
        self.text.clear();
        self.origin.clear();
        self.width.clear();
        let original = cap_len(original);
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        bytes.reserve(original.len());
        let mut b = Builder {
            bytes,
            origin: std::mem::take(&mut self.origin),
            width: std::mem::take(&mut self.width),
            in_token: false,
            has_digit: false,
            fast_prose,
            token_start: 0,
            pending_separator: None,
            run_start: 0,
            run_len: 0,
        };
        b.origin.reserve(original.len());
        b.width.reserve(original.len());
        b.run(original);
        // The builder writes ASCII bytes and whole characters copied from
        // valid UTF-8 or the table's `&str`, so this check cannot fail; it is
        // the price of `forbid(unsafe_code)` and runs at memory speed.
        self.text = match String::from_utf8(b.bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        self.origin = b.origin;
        self.width = b.width;
    }
}

/// Normalises `original`; see the [module documentation](self).
///
/// ```
/// let n = lurescan::normalize("Add me on W3Ch\u{200B}at: Аmanda Qiú, B.R.-Y.R.");
/// assert_eq!(n.as_str(), "add me on wechat amanda qiu bryr");
/// let at = n.as_str().find("qiu").unwrap();
/// let span = n.original_span(at..at + 3).unwrap();
/// assert_eq!(&"Add me on W3Ch\u{200B}at: Аmanda Qiú, B.R.-Y.R."[span.range()], "Qiú");
/// ```
pub fn normalize(original: &str) -> Normalized {
    let mut n = Normalized::new();
    n.refill(original);
    n
}

fn cap_len(s: &str) -> &str {
    truncate_to_boundary(s, u32::MAX as usize)
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub(crate) fn truncate_to_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What an ASCII byte is to the normaliser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Lower,
    Upper,
    Digit,
    /// `@` or `$`: a letter inside a word, a separator elsewhere.
    Leet,
    Separator,
    /// Control characters other than white space.
    Drop,
}

const fn ascii_class(b: u8) -> Ascii {
    match b {
        b'a'..=b'z' => Ascii::Lower,
        b'A'..=b'Z' => Ascii::Upper,
        b'0'..=b'9' => Ascii::Digit,
        b'@' | b'$' => Ascii::Leet,
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Ascii::Separator,
        0..=0x1F | 0x7F => Ascii::Drop,
        _ => Ascii::Separator,
    }
}

static ASCII_CLASS: [Ascii; 128] = {
    let mut t = [Ascii::Drop; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// The digit a leet word uses for a letter, and the letter.
fn leet_letter(d: u8) -> Option<u8> {
    match d {
        b'0' => Some(b'o'),
        b'1' => Some(b'i'),
        b'3' => Some(b'e'),
        b'4' => Some(b'a'),
        b'5' => Some(b's'),
        b'7' => Some(b't'),
        _ => None,
    }
}

// A character's class, packed in a `u32`: the low three bits are the kind;
// for `FOLD`, bits 3..11 hold the folded length and bits 11.. its offset in
// `fold_table::POOL`.
const KIND_MASK: u32 = 0b111;
/// A letter or digit that stays as it is.
const KEEP: u32 = 0;
/// Punctuation, symbols, white space, emoji and anything else unlisted.
const SEPARATOR: u32 = 1;
/// An invisible or control character.
const DROP: u32 = 2;
/// A combining mark: dropped, but it belongs to the character before it.
const MARK: u32 = 3;
/// Replaced by text from the pool.
const FOLD: u32 = 4;

/// The class of a non-ASCII character, from the generated table.
fn classify(c: char) -> u32 {
    let cp = c as u32;
    let page = (cp >> 8) as usize;
    let (Some(&lo), Some(&hi)) = (
        fold_table::PAGE_START.get(page),
        fold_table::PAGE_START.get(page + 1),
    ) else {
        return SEPARATOR;
    };
    let keys = fold_table::KEYS
        .get(lo as usize..hi as usize)
        .unwrap_or(&[]);
    let Ok(k) = keys.binary_search(&cp) else {
        return if c.is_alphanumeric() { KEEP } else { SEPARATOR };
    };
    let v = fold_table::VALUES
        .get(lo as usize + k)
        .copied()
        .unwrap_or(0);
    let (off, len) = (v >> 8, v & 0xFF);
    match (len, off) {
        (0, 1) => MARK,
        (0, _) => DROP,
        _ => off << 11 | len << 3 | FOLD,
    }
}

/// The classes of the Basic Multilingual Plane, computed once per process
/// (about a millisecond, 256 KiB): one load per character instead of a
/// binary search and a Unicode property lookup. Measured on Cyrillic text it
/// is what puts the normaliser ahead of NFKC (see `benches/normalize.rs`).
fn bmp_classes() -> &'static [u32] {
    static CLASSES: std::sync::OnceLock<Box<[u32]>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        (0..=0xFFFFu32)
            .map(|cp| char::from_u32(cp).map_or(SEPARATOR, classify))
            .collect()
    })
}

/// Decodes the character whose first byte is at `i` of valid UTF-8, giving
/// its code point and width. Never reads past the end.
#[inline]
fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes.get(i).copied().unwrap_or(0) as u32;
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| (b & 0x3F) as u32);
    if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | cont(1), 2)
    } else if b0 < 0xF0 {
        ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
    } else {
        (
            (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        )
    }
}

struct Builder {
    /// The normalised text being built.
    bytes: Vec<u8>,
    origin: Vec<u32>,
    width: Vec<u8>,
    in_token: bool,
    /// Whether the current word holds an ASCII digit (leet candidates).
    has_digit: bool,
    /// Whether to copy plain ASCII prose in stretches; off only in the
    /// tests that check it against the word-by-word path.
    fast_prose: bool,
    /// Where the current word starts in `bytes`.
    token_start: usize,
    /// Original offset and width of the first separator since the last word.
    pending_separator: Option<(u32, u8)>,
    /// A run of single-letter words (`w e c h a t`) waiting to be joined.
    run_start: usize,
    run_len: usize,
}

impl Builder {
    fn run(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                match ASCII_CLASS[b as usize] {
                    Ascii::Lower | Ascii::Upper | Ascii::Digit => {
                        if self.fast_prose
                            && !self.in_token
                            && self.run_len == 0
                            && b.is_ascii_alphabetic()
                        {
                            let end = self.prose_stretch(bytes, i);
                            if end > i {
                                i = end;
                                continue;
                            }
                        }
                        // One word of ASCII letters and digits at once.
                        let start = i;
                        let mut has_digit = false;
                        while let Some(&c) = bytes.get(i) {
                            if !c.is_ascii_alphanumeric() {
                                break;
                            }
                            has_digit |= c.is_ascii_digit();
                            i += 1;
                        }
                        self.ascii_word(&bytes[start..i], start as u32, has_digit);
                        continue;
                    }
                    Ascii::Separator => self.separator(i as u32, 1),
                    Ascii::Drop => {}
                    Ascii::Leet => {
                        if self.leet_symbol_is_letter(bytes, i) {
                            let letter = if b == b'@' { b'a' } else { b's' };
                            self.word_byte(letter, i as u32, 1);
                        } else {
                            self.separator(i as u32, 1);
                        }
                    }
                }
                i += 1;
                continue;
            }
            let (cp, w) = decode_utf8(bytes, i);
            let class = match cp {
                0..=0xFFFF => bmp_classes()[cp as usize],
                _ => char::from_u32(cp).map_or(SEPARATOR, classify),
            };
            let (o, wd) = (i as u32, w as u8);
            match class & KIND_MASK {
                KEEP => {
                    let end = (i + w).min(bytes.len());
                    self.begin_word();
                    self.bytes.extend_from_slice(&bytes[i..end]);
                    self.origin.extend(std::iter::repeat_n(o, end - i));
                    self.width.extend(std::iter::repeat_n(wd, end - i));
                }
                SEPARATOR => self.separator(o, wd),
                DROP => {}
                MARK => self.extend_last(i + w),
                _ => {
                    let off = (class >> 11) as usize;
                    let len = ((class >> 3) & 0xFF) as usize;
                    let folded = fold_table::POOL
                        .as_bytes()
                        .get(off..off + len)
                        .unwrap_or(&[]);
                    for &fb in folded {
                        if fb == b' ' {
                            self.separator(o, wd);
                        } else {
                            self.word_byte(fb, o, wd);
                        }
                    }
                }
            }
            i += w;
        }
        if self.in_token {
            self.finish_word();
        }
        self.close_run();
    }

    /// The ASCII fast path: plain prose (`the quick brown fox`), ASCII
    /// letters in words separated by single spaces, folds to itself in
    /// lowercase with every byte mapping to its own position, so a whole
    /// stretch of it is copied at once. The stretch stops before anything
    /// the general path must judge: a word that runs on into a digit, `@`,
    /// `$` or a non-ASCII character, any other separator, or a third
    /// single-letter word in a row (spaced-out letters). It leaves the
    /// builder exactly as the general path would have, with the last word
    /// still open. Returns where the stretch ends (`i` when there is none).
    fn prose_stretch(&mut self, bytes: &[u8], i: usize) -> usize {
        let n = bytes.len();
        let mut j = i;
        let mut accepted_end = i;
        let mut last_start = i;
        // Single-letter words in a row ending at the last accepted word,
        // and where that streak starts.
        let mut streak = 0usize;
        let mut streak_start = i;
        // The streak just before the last accepted word.
        let (mut run_before_last, mut run_before_last_start) = (0usize, i);
        loop {
            let ws = j;
            while j < n && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            let we = j;
            let runs_on = bytes
                .get(we)
                .is_some_and(|&c| c.is_ascii_digit() || c == b'@' || c == b'$' || c >= 0x80);
            let single = we - ws == 1;
            if we == ws || runs_on || (single && streak == 2) {
                break;
            }
            run_before_last = streak;
            run_before_last_start = streak_start;
            if single {
                if streak == 0 {
                    streak_start = ws;
                }
                streak += 1;
            } else {
                streak = 0;
            }
            last_start = ws;
            accepted_end = we;
            let continues = bytes.get(we) == Some(&b' ')
                && bytes.get(we + 1).is_some_and(u8::is_ascii_alphabetic);
            if !continues {
                break;
            }
            j = we + 1;
        }
        if accepted_end == i {
            return i;
        }
        self.begin_word();
        let base = self.bytes.len();
        self.bytes.extend_from_slice(&bytes[i..accepted_end]);
        self.bytes[base..].make_ascii_lowercase();
        self.origin.extend(i as u32..accepted_end as u32);
        self.width.resize(self.width.len() + (accepted_end - i), 1);
        // As if each word but the last had been finished one by one.
        self.token_start = base + (last_start - i);
        self.run_len = run_before_last;
        self.run_start = base + (run_before_last_start - i);
        accepted_end
    }

    #[inline]
    fn ascii_word(&mut self, run: &[u8], origin: u32, has_digit: bool) {
        self.begin_word();
        self.has_digit |= has_digit;
        let at = self.bytes.len();
        self.bytes.extend_from_slice(run);
        self.bytes[at..].make_ascii_lowercase();
        self.origin.extend(origin..origin + run.len() as u32);
        self.width.resize(self.width.len() + run.len(), 1);
    }

    /// `@` between letters (`t3legr@m`) is an `a`, unless an e-mail domain
    /// follows (`name@mail.com`); `$` between letters (`ca$h`) is an `s`.
    fn leet_symbol_is_letter(&self, bytes: &[u8], i: usize) -> bool {
        let prev_is_alnum = self.in_token
            && self
                .bytes
                .last()
                .is_some_and(|&p| p.is_ascii_alphanumeric() || p >= 0x80);
        let next_is_letter = bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if !prev_is_alnum || !next_is_letter {
            return false;
        }
        if bytes[i] == b'$' {
            return true;
        }
        // Bounded look-ahead: it stops at the first byte that is not a word
        // byte, and `@` itself is not one, so each byte is looked at by at
        // most one `@`.
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] >= 0x80) {
            j += 1;
        }
        let is_domain = bytes.get(j) == Some(&b'.')
            && bytes.get(j + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        !is_domain
    }

    /// Starts a word unless one is open, writing the space before it.
    #[inline]
    fn begin_word(&mut self) {
        if self.in_token {
            return;
        }
        if let Some((o, w)) = self.pending_separator.take() {
            if !self.bytes.is_empty() {
                self.push(b' ', o, w);
            }
        }
        self.in_token = true;
        self.has_digit = false;
        self.token_start = self.bytes.len();
    }

    #[inline]
    fn word_byte(&mut self, b: u8, origin: u32, width: u8) {
        self.begin_word();
        self.has_digit |= b.is_ascii_digit();
        self.push(b, origin, width);
    }

    #[inline]
    fn push(&mut self, b: u8, origin: u32, width: u8) {
        self.bytes.push(b);
        self.origin.push(origin);
        self.width.push(width);
    }

    /// Stretches the span of the last character of the current word to
    /// `end`, so that a highlighted `Qiu` + combining acute keeps its accent.
    /// Marks beyond 255 bytes of one character are left outside its span.
    fn extend_last(&mut self, end: usize) {
        if !self.in_token {
            return;
        }
        let (Some(&o), Some(w)) = (self.origin.last(), self.width.last_mut()) else {
            return;
        };
        if let Ok(wide) = u8::try_from(end - o as usize) {
            *w = wide;
        }
    }

    #[inline(always)]
    fn separator(&mut self, origin: u32, width: u8) {
        if self.in_token {
            self.finish_word();
            self.in_token = false;
        }
        if self.pending_separator.is_none() {
            self.pending_separator = Some((origin, width));
        }
    }

    #[inline]
    fn finish_word(&mut self) {
        let start = self.token_start;
        if self.has_digit {
            fold_leet_digits(&mut self.bytes[start..]);
        }
        let word = &self.bytes[start..];
        if word.len() == 1 && word[0].is_ascii_lowercase() {
            if self.run_len == 0 {
                self.run_start = start;
            }
            self.run_len += 1;
        } else if self.run_len != 0 {
            self.close_run();
        }
    }

    /// Joins a run of three or more single letters separated by single
    /// spaces (`w e c h a t`), by removing those spaces in place. Everything
    /// after the run moves left once, so the work stays linear.
    #[cold]
    fn close_run(&mut self) {
        let (start, n) = (self.run_start, self.run_len);
        self.run_len = 0;
        if n < 3 {
            return;
        }
        let run_end = start + 2 * n - 1;
        let mut w = start;
        for r in start..self.bytes.len() {
            if r < run_end && (r - start) % 2 == 1 {
                continue;
            }
            self.bytes[w] = self.bytes[r];
            self.origin[w] = self.origin[r];
            self.width[w] = self.width[r];
            w += 1;
        }
        self.bytes.truncate(w);
        self.origin.truncate(w);
        self.width.truncate(w);
        if self.token_start > start {
            self.token_start -= n - 1;
        }
    }
}

/// Reads single digits inside the word `text[start..]` as letters where a
/// leet writer would use them (see the module docs). The rule looks only at
/// which positions are digits and whether a digit stands alone, which the
/// fold itself does not change, so folding twice gives the same result.
fn fold_leet_digits(word: &mut [u8]) {
    if !word.iter().any(u8::is_ascii_digit) || word.iter().all(u8::is_ascii_digit) {
        return;
    }
    let n = word.len();
    let is_digit = |w: &[u8], k: usize| w.get(k).is_some_and(u8::is_ascii_digit);
    let alone = |w: &[u8], k: usize| {
        is_digit(w, k) && (k == 0 || !is_digit(w, k - 1)) && !is_digit(w, k + 1)
    };
    let candidate = |w: &[u8], k: usize| alone(w, k) && leet_letter(w[k]).is_some();
    // Decide on the unchanged word first, then fold: a decision must not see
    // an earlier fold, or the result would depend on the order.
    let leading =
        candidate(word, 0) && n >= 4 && (1..4).all(|j| !is_digit(word, j) || candidate(word, j));
    for k in 0..n {
        let inside = k > 0 && k + 1 < n;
        if (inside || (k == 0 && leading)) && candidate(word, k) {
            if let Some(l) = leet_letter(word[k]) {
                word[k] = l;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slow(s: &str) -> Normalized {
        let mut n = Normalized::new();
        n.refill_with(s, false);
        n
    }

    fn prose() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "B", "the", "Quick", " ", " ", " ", "  ", ".", ", ", "1", "x2", "@", "$", "é",
            "w e c", "I", "am", "q", "\n", "-", "0", "ab", "Z",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The prose fast path gives exactly what the word-by-word path
        /// gives: the same text and the same map.
        #[test]
        fn fast_path_equals_word_by_word(s in prose()) {
            prop_assert_eq!(normalize(&s), slow(&s), "{:?}", s);
        }
    }
}
