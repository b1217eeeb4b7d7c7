//! The watchlist index: blocking keys for fuzzy queries, and one
//! aho-corasick automaton for names in free text.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::firm::{self, FirmName};
use super::person::{self, MAX_TOKENS};
use super::tokens::{name_tokens, Token};
use super::variants::{
    deletions, edit_budget, given_groups, given_variants, near_given_names, surname_classes,
    surname_spellings,
};
use super::{How, NameKind, NameMatch, TokenPair, FIRM_THRESHOLD, PERSON_THRESHOLD};
use crate::normalize::{normalize, Normalized, Span};
use crate::watchlist::Watchlist;

thread_local! {
    /// Scratch space for [`NameIndex::match_person`]: one byte per form.
    static HIT_MASKS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An alias ranks just below the canonical name it stands beside.
const ALIAS_FACTOR: f32 = 0.99;

/// Free-text variants generated per watchlisted name and order, at most.
const MAX_TEXT_VARIANTS: usize = 64;

/// Above this many entries, free text is searched for the watchlist's names
/// as written (in both orders) but not for their variants, which keeps the
/// automaton's size in proportion.
const MAX_VARIANT_ENTRIES: usize = 10_000;

/// A watchlist made ready for queries. Immutable, `Send + Sync`, and cheap
/// to clone (the data sits behind an `Arc`).
///
/// # Resource usage
/// Building normalises every name and sorts its blocking keys: about a
/// second per hundred thousand entries on a small machine, and a few
/// hundred bytes per entry ([`NameIndex::memory_usage`]). The free-text
/// automaton is built for up to [`NameIndex::MAX_TEXT_ENTRIES`] entries;
/// larger watchlists are matched in name fields only.
#[derive(Debug, Clone)]
pub struct NameIndex {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    person_ids: Vec<String>,
    firm_ids: Vec<String>,
    persons: Vec<PersonForm>,
    /// A summary of each person form, for filtering candidates.
    person_meta: Vec<FormMeta>,
    firms: Vec<FirmForm>,
    person_keys: Postings,
    firm_keys: Postings,
    text: Option<TextScanner>,
}

#[derive(Debug)]
struct PersonForm {
    entry: u32,
    name: Box<str>,
    tokens: Vec<Token>,
    alias: bool,
}

/// What candidate filtering needs of a person form, packed densely.
#[derive(Debug, Clone, Copy)]
struct FormMeta {
    tokens: u8,
    initials: u8,
    /// Bit `k` for a token starting with ASCII letter `a + k`; bit 26 for
    /// any other first character.
    letters: u32,
}

/// The first-letter bits of tokens, as in [`FormMeta::letters`].
fn first_letters<'a>(tokens: impl Iterator<Item = &'a Token>) -> u32 {
    tokens.fold(0, |bits, t| {
        bits | match t.text.bytes().next() {
            Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
            _ => 1 << 26,
        }
    })
}

#[derive(Debug)]
struct FirmForm {
    entry: u32,
    name: Box<str>,
    prepared: FirmName,
    alias: bool,
}

/// Sorted blocking keys and, for each, the forms that carry it.
#[derive(Debug, Default)]
struct Postings {
    keys: Vec<u64>,
    starts: Vec<u32>,
    forms: Vec<u32>,
}

impl Postings {
    fn build(mut pairs: Vec<(u64, u32)>) -> Postings {
        pairs.sort_unstable();
        pairs.dedup();
        let mut p = Postings::default();
        for (key, form) in pairs {
            if p.keys.last() != Some(&key) {
                p.keys.push(key);
                p.starts.push(p.forms.len() as u32);
            }
            p.forms.push(form);
        }
        p.starts.push(p.forms.len() as u32);
        p.keys.shrink_to_fit();
        p.starts.shrink_to_fit();
        p.forms.shrink_to_fit();
        p
    }

    fn get(&self, key: u64) -> &[u32] {
        match self.keys.binary_search(&key) {
            Ok(i) => &self.forms[self.starts[i] as usize..self.starts[i + 1] as usize],
            Err(_) => &[],
        }
    }

    fn memory_usage(&self) -> usize {
        self.keys.capacity() * 8 + self.starts.capacity() * 4 + self.forms.capacity() * 4
    }
}

/// FNV-1a over a tag and a string: blocking keys need speed and spread, not
/// resistance to crafted collisions (a collision only adds a candidate that
/// full scoring then rejects).
fn key(tag: u8, s: &str) -> u64 {
    key_bytes(tag, s.as_bytes())
}

fn key_bytes(tag: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in std::iter::once(&tag).chain(bytes) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn key_num(tag: u8, n: u32) -> u64 {
    key_bytes(tag, &n.to_le_bytes())
}

/// The token and, when it may carry a typo, every form of it with one
/// character deleted: two tokens one edit apart share one of these.
fn spelling_keys(tag: u8, t: &str, out: &mut Vec<u64>) {
    out.push(key(tag, t));
    if edit_budget(t.chars().count()) > 0 {
        out.extend(deletions(t).map(|d| key(tag, &d)));
    }
}

/// Blocking keys of one full person-name token.
fn person_token_keys(t: &Token, out: &mut Vec<u64>) {
    if t.is_initial() {
        return;
    }
    spelling_keys(b'd', &t.text, out);
    for &c in surname_classes(&t.text) {
        out.push(key_num(b's', c as u32));
    }
    for &g in given_groups(&t.text) {
        out.push(key_num(b'g', g));
    }
}

/// Compact keys of a name of several tokens, in both orders.
fn compact_keys(tokens: &[Token], out: &mut Vec<u64>) {
    let forward: String = tokens.iter().map(|t| t.text.as_str()).collect();
    let backward: String = tokens.iter().rev().map(|t| t.text.as_str()).collect();
    out.push(key(b'c', &forward));
    out.push(key(b'c', &backward));
}

fn firm_keys(f: &FirmName, out: &mut Vec<u64>) {
    if f.initials.chars().count() >= 3 {
        out.push(key(b'a', &f.initials));
    }
    for t in &f.distinctive {
        spelling_keys(b'd', &t.text, out);
    }
    let compact = f.compact();
    if compact.chars().count() >= 8 {
        spelling_keys(b'c', &compact, out);
    } else {
        out.push(key(b'c', &compact));
    }
}

fn was_folded(original: &str, span: Span, normalized: &str) -> bool {
    let raw = original.get(span.range()).unwrap_or("");
    let plain: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let norm: String = normalized.chars().filter(|c| *c != ' ').collect();
    plain != norm
}

impl NameIndex {
    /// Watchlists with more entries than this get no free-text automaton.
    pub const MAX_TEXT_ENTRIES: usize = 100_000;

    /// Builds the index of a watchlist.
    pub fn new(watchlist: &Watchlist) -> NameIndex {
        let mut persons = Vec::new();
        let mut person_ids = Vec::new();
        for (e, p) in watchlist.personas().iter().enumerate() {
            person_ids.push(p.id.clone());
            for (k, name) in std::iter::once(&p.name).chain(&p.aliases).enumerate() {
                let n = normalize(name);
                let mut tokens = name_tokens(&n, true);
                tokens.truncate(MAX_TOKENS);
                if !tokens.is_empty() {
                    persons.push(PersonForm {
                        entry: e as u32,
                        name: name.as_str().into(),
                        tokens,
                        alias: k > 0,
                    });
                }
            }
        }
        let mut firms = Vec::new();
        let mut firm_ids = Vec::new();
        for (e, f) in watchlist.firms().iter().enumerate() {
            firm_ids.push(f.id.clone());
            for (k, name) in std::iter::once(&f.name).chain(&f.aliases).enumerate() {
                let n = normalize(name);
                let prepared = firm::prepare(&name_tokens(&n, false));
                if !prepared.distinctive.is_empty() {
                    firms.push(FirmForm {
                        entry: e as u32,
                        name: name.as_str().into(),
                        prepared,
                        alias: k > 0,
                    });
                }
            }
        }
        let mut pairs = Vec::new();
        let mut keys = Vec::new();
        for (i, f) in persons.iter().enumerate() {
            keys.clear();
            for t in &f.tokens {
                person_token_keys(t, &mut keys);
            }
            if f.tokens.len() >= 2 {
                compact_keys(&f.tokens, &mut keys);
            } else if let Some(t) = f.tokens.first() {
                keys.push(key(b'c', &t.text));
            }
            pairs.extend(keys.iter().map(|&k| (k, i as u32)));
        }
        let person_keys = Postings::build(pairs);
        let person_meta = persons
            .iter()
            .map(|f| FormMeta {
                tokens: f.tokens.len() as u8,
                initials: f.tokens.iter().filter(|t| t.is_initial()).count() as u8,
                letters: first_letters(f.tokens.iter()),
            })
            .collect();
        let mut pairs = Vec::new();
        for (i, f) in firms.iter().enumerate() {
            keys.clear();
            firm_keys(&f.prepared, &mut keys);
            pairs.extend(keys.iter().map(|&k| (k, i as u32)));
        }
        let firm_keys = Postings::build(pairs);
        let entries = watchlist.personas().len() + watchlist.firms().len();
        let variants = entries <= MAX_VARIANT_ENTRIES;
        let text = (entries <= Self::MAX_TEXT_ENTRIES)
            .then(|| TextScanner::build(&persons, &firms, variants));
        NameIndex {
            inner: Arc::new(Inner {
                person_ids,
                firm_ids,
                persons,
                person_meta,
                firms,
                person_keys,
                firm_keys,
                text,
            }),
        }
    }

    /// Entries matching a person-name field, best first, each at or above
    /// [`PERSON_THRESHOLD`]. The span covers the name without titles.
    pub fn match_person(&self, name: &str) -> Vec<NameMatch> {
        let n = normalize(name);
        let mut query = name_tokens(&n, true);
        query.truncate(MAX_TOKENS);
        let candidates = self.person_candidates(&query);
        self.score_persons(name, &n, &query, candidates.into_iter())
    }

    /// As [`NameIndex::match_person`], comparing against every entry: the
    /// baseline the index must agree with.
    pub fn match_person_exhaustive(&self, name: &str) -> Vec<NameMatch> {
        let n = normalize(name);
        let mut query = name_tokens(&n, true);
        query.truncate(MAX_TOKENS);
        self.score_persons(name, &n, &query, 0..self.inner.persons.len() as u32)
    }

    /// Entries matching a firm-name field, best first, each at or above
    /// [`FIRM_THRESHOLD`].
    pub fn match_firm(&self, name: &str) -> Vec<NameMatch> {
        self.match_firm_normalized(name, &normalize(name))
    }

    /// As [`NameIndex::match_firm`], for a name already normalised (`n`
    /// must be `normalize(name)`).
    pub fn match_firm_normalized(&self, name: &str, n: &Normalized) -> Vec<NameMatch> {
        let query = firm::prepare(&name_tokens(n, false));
        let candidates = self.firm_candidates(&query);
        self.score_firms(name, n, &query, candidates.into_iter())
    }

    /// Firms named in a short profile field that may hold more than a firm
    /// name (`Project Manager, China Centre of International Politics &
    /// Economy (Shanghai)`): the whole field, then every run of up to eight
    /// of its first forty words. A run must score at least 0.9, or be an
    /// acronym-like name (`BR-YR`), so that a lone ordinary word (`Resolute`)
    /// inside a headline does not name a firm. Spans are in `field`.
    pub fn find_firms_in_field(&self, field: &str) -> Vec<NameMatch> {
        self.firms_in_field(field, &normalize(field), true)
    }

    /// As [`NameIndex::find_firms_in_field`], for a field already
    /// normalised (`n` must be `normalize(field)`).
    pub fn find_firms_in_normalized(&self, field: &str, n: &Normalized) -> Vec<NameMatch> {
        self.firms_in_field(field, n, true)
    }

    fn firms_in_field(&self, field: &str, n: &Normalized, anchored: bool) -> Vec<NameMatch> {
        let mut found = self.match_firm_normalized(field, n);
        let words: Vec<_> = n.words().take(40).collect();
        // A window can name a firm only if it starts where a firm name can
        // start: a word that shares a key with some firm (itself or one
        // typo away, or as an acronym), a generic word, a short or non-Latin
        // word (part of an acronym or a script change), or the first of
        // words written together in some firm's name (`Rise HR`). Windows
        // starting elsewhere are skipped: `assess/message_1kb` went from 176
        // to 143 us, as most words of a firm-bearing headline are anchors.
        let postings = &self.inner.firm_keys;
        let mut keys = Vec::new();
        let mut anchor = |k: usize| -> bool {
            let w = words[k].1;
            if w.len() <= 3 || !w.is_ascii() || firm::is_generic_word(w) {
                return true;
            }
            let w = firm::canonical_word(w);
            keys.clear();
            spelling_keys(b'd', w, &mut keys);
            keys.push(key(b'a', w));
            // The word and the words after it written together, skipping
            // what a firm name drops (`Rise Ltd HR` is `risehr`).
            // Their initials, too, may spell a watchlisted acronym.
            let mut joined = String::new();
            let mut initials = String::new();
            for (_, next) in words[k..(k + 8).min(words.len())]
                .iter()
                .filter(|(_, x)| !firm::is_dropped_word(x))
            {
                let next = firm::canonical_word(next);
                joined.push_str(next);
                spelling_keys(b'c', &joined, &mut keys);
                initials.extend(next.chars().next());
                if initials.chars().count() >= 3 {
                    keys.push(key(b'c', &initials));
                }
            }
            keys.iter().any(|&k| !postings.get(k).is_empty())
        };
        for i in 0..words.len() {
            if anchored && !anchor(i) {
                continue;
            }
            for j in i + 1..=(i + 8).min(words.len()) {
                if i == 0 && j == words.len() {
                    continue;
                }
                let Some(span) = n.original_span(words[i].0.start..words[j - 1].0.end) else {
                    continue;
                };
                let Some(part) = field.get(span.range()) else {
                    continue;
                };
                for mut m in self.match_firm(part) {
                    let acronym = m
                        .pairs
                        .iter()
                        .all(|p| p.left.split(' ').all(|w| w.len() <= 3));
                    if m.score < 0.9 && !acronym {
                        continue;
                    }
                    m.span = Span::new(span.start + m.span.start, span.start + m.span.end);
                    found.push(m);
                }
            }
        }
        found.sort_by(|a, b| {
            a.id.cmp(&b.id)
                .then(b.score.total_cmp(&a.score))
                .then(a.span.len().cmp(&b.span.len()))
        });
        found.dedup_by(|a, b| a.id == b.id);
        sort_matches(&mut found);
        found
    }

    /// As [`NameIndex::match_firm`], comparing against every entry.
    pub fn match_firm_exhaustive(&self, name: &str) -> Vec<NameMatch> {
        let n = normalize(name);
        let query = firm::prepare(&name_tokens(&n, false));
        self.score_firms(name, &n, &query, 0..self.inner.firms.len() as u32)
    }

    /// Watchlisted names and aliases (and their romanisation and nickname
    /// variants) mentioned anywhere in `text`, with spans in `text`. Only
    /// whole words match. Empty for watchlists above
    /// [`NameIndex::MAX_TEXT_ENTRIES`] entries.
    pub fn find_in_text(&self, text: &str) -> Vec<NameMatch> {
        self.find_in_normalized(text, &normalize(text))
    }

    /// As [`NameIndex::find_in_text`], for text already normalised.
    pub fn find_in_normalized(&self, text: &str, n: &Normalized) -> Vec<NameMatch> {
        let Some(scanner) = &self.inner.text else {
            return Vec::new();
        };
        let mut best: HashMap<(NameKind, u32), NameMatch> = HashMap::new();
        let hay = n.as_str();
        for m in scanner.automaton.find_overlapping_iter(hay) {
            let (s, e) = (m.start(), m.end());
            let bounded = (s == 0 || hay.as_bytes()[s - 1] == b' ')
                && (e == hay.len() || hay.as_bytes()[e] == b' ');
            if !bounded {
                continue;
            }
            let Some(p) = scanner.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let Some(span) = n.original_span(s..e) else {
                continue;
            };
            let (entry, id, form) = match p.kind {
                NameKind::Person => {
                    let f = &self.inner.persons[p.form as usize];
                    (f.entry, &self.inner.person_ids[f.entry as usize], &f.name)
                }
                NameKind::Firm => {
                    let f = &self.inner.firms[p.form as usize];
                    (f.entry, &self.inner.firm_ids[f.entry as usize], &f.name)
                }
            };
            let candidate = NameMatch {
                kind: p.kind,
                id: id.clone(),
                score: p.score,
                span,
                matched: text.get(span.range()).unwrap_or("").to_string(),
                form: form.to_string(),
                pairs: vec![TokenPair {
                    left: hay[s..e].to_string(),
                    right: p.text.clone(),
                    how: p.how,
                    score: p.score,
                }],
                folded: was_folded(text, span, &hay[s..e]),
            };
            match best.get(&(p.kind, entry)) {
                Some(b)
                    if b.score > candidate.score
                        || (b.score == candidate.score && b.span.start <= span.start) => {}
                _ => {
                    best.insert((p.kind, entry), candidate);
                }
            }
        }
        let mut out: Vec<NameMatch> = best.into_values().collect();
        sort_matches(&mut out);
        out
    }

    /// Number of personas and firms indexed.
    pub fn len(&self) -> usize {
        self.inner.person_ids.len() + self.inner.firm_ids.len()
    }

    /// Whether the index holds no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Approximate bytes held by the index, the free-text automaton included.
    pub fn memory_usage(&self) -> usize {
        let i = &self.inner;
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        let tokens = |t: &[Token]| t.iter().map(|t| t.text.capacity() + 40).sum::<usize>();
        let persons: usize = i
            .persons
            .iter()
            .map(|f| 64 + f.name.len() + tokens(&f.tokens))
            .sum();
        let firms: usize = i
            .firms
            .iter()
            .map(|f| {
                96 + f.name.len()
                    + tokens(&f.prepared.distinctive)
                    + f.prepared
                        .generic
                        .iter()
                        .map(|g| g.capacity() + 24)
                        .sum::<usize>()
            })
            .sum();
        let text = i
            .text
            .as_ref()
            .map_or(0, |t| t.automaton.memory_usage() + t.patterns.len() * 64);
        strings(&i.person_ids)
            + strings(&i.firm_ids)
            + persons
            + firms
            + i.person_keys.memory_usage()
            + i.firm_keys.memory_usage()
            + text
    }

    /// Forms that can score at or above the threshold against `query`: the
    /// blocking keys are chosen so that every such form shares enough keys
    /// with the query (see the comments inside), which the tests check
    /// against [`NameIndex::match_person_exhaustive`].
    fn person_candidates(&self, query: &[Token]) -> Vec<u32> {
        if query.is_empty() {
            return Vec::new();
        }
        let postings = &self.inner.person_keys;
        let mut keys = Vec::new();
        let mut out = Vec::new();
        // A single token may be a joined name: look it up in compact form.
        if query.len() == 1 {
            out.extend_from_slice(postings.get(key(b'c', &query[0].text)));
        }
        if query.len() >= 2 {
            compact_keys(query, &mut keys);
            for &k in &keys {
                out.extend_from_slice(postings.get(k));
            }
        }
        // Which query tokens share a key with each form, as a bit mask kept
        // in a per-thread array as long as the index's forms (one byte
        // each): far cheaper than a hash map when a common surname brings
        // tens of thousands of forms.
        let hits: Vec<(u32, u8)> = HIT_MASKS.with(|cell| {
            let mut masks = cell.borrow_mut();
            if masks.len() < self.inner.persons.len() {
                masks.resize(self.inner.persons.len(), 0);
            }
            let mut touched: Vec<u32> = Vec::new();
            for (qi, t) in query.iter().enumerate() {
                keys.clear();
                person_token_keys(t, &mut keys);
                for &k in &keys {
                    for &f in postings.get(k) {
                        let m = &mut masks[f as usize];
                        if *m == 0 {
                            touched.push(f);
                        }
                        *m |= 1 << qi;
                    }
                }
            }
            touched
                .into_iter()
                .map(|f| {
                    let m = std::mem::take(&mut masks[f as usize]);
                    (f, m)
                })
                .collect()
        });
        let q_initials = query.iter().filter(|t| t.is_initial()).count();
        let q_bits = first_letters(query.iter().filter(|t| t.is_initial()));
        for (f, mask) in hits {
            // Only the dense summary of each form is read here: tens of
            // thousands of forms can share a common surname's keys, and
            // reading each form's tokens cost a cache miss apiece (5 ms a
            // query at a million entries, measured).
            let Some(meta) = self.inner.person_meta.get(f as usize) else {
                continue;
            };
            let (n_tokens, e_initials) = (meta.tokens as usize, meta.initials as usize);
            // A match aligns every token of the shorter name, at most one
            // pair through an initial; every other pair shares a key.
            let shorter = n_tokens.min(query.len());
            let needed = shorter - (q_initials + e_initials).min(1);
            let hit = mask.count_ones() as usize;
            if hit < needed.max(1) {
                continue;
            }
            // Short of a key for every pair, the missing pair is an initial
            // of the query, which must then begin one of the form's tokens.
            let via_initial = hit < shorter && e_initials == 0;
            if via_initial && meta.letters & q_bits == 0 {
                continue;
            }
            out.push(f);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn firm_candidates(&self, query: &FirmName) -> Vec<u32> {
        if query.distinctive.is_empty() {
            return Vec::new();
        }
        let postings = &self.inner.firm_keys;
        let mut hits: HashMap<u32, u64> = HashMap::new();
        let mut keys = Vec::new();
        for (qi, t) in query.distinctive.iter().enumerate().take(64) {
            keys.clear();
            spelling_keys(b'd', &t.text, &mut keys);
            for &k in &keys {
                for &f in postings.get(k) {
                    *hits.entry(f).or_insert(0) |= 1 << qi;
                }
            }
        }
        let mut out = Vec::new();
        keys.clear();
        let compact = query.compact();
        if compact.chars().count() >= 8 {
            spelling_keys(b'c', &compact, &mut keys);
        } else {
            keys.push(key(b'c', &compact));
        }
        // A one-word query may be the acronym of a longer name.
        if query.distinctive.len() == 1 && query.generic.is_empty() {
            keys.push(key(b'a', &query.distinctive[0].text));
        }
        // Or the query may spell out a watchlisted acronym.
        if query.initials.chars().count() >= 3 {
            keys.push(key(b'c', &query.initials));
        }
        for &k in &keys {
            out.extend_from_slice(postings.get(k));
        }
        // Unless the compact forms meet or one is the other's acronym, every distinctive token of both
        // names must align, so each shares a key.
        for (f, mask) in hits {
            let n = self.inner.firms[f as usize].prepared.distinctive.len();
            if n == query.distinctive.len() && mask.count_ones() as usize == n {
                out.push(f);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn score_persons(
        &self,
        original: &str,
        n: &Normalized,
        query: &[Token],
        forms: impl Iterator<Item = u32>,
    ) -> Vec<NameMatch> {
        let (Some(first), Some(last)) = (query.first(), query.last()) else {
            return Vec::new();
        };
        let inner = &self.inner;
        let scored = forms.filter_map(|f| {
            let form = inner.persons.get(f as usize)?;
            let (score, pairs) = person::compare(query, &form.tokens)?;
            Some((
                form.entry,
                &inner.person_ids[form.entry as usize],
                &form.name,
                form.alias,
                score,
                pairs,
            ))
        });
        best_matches(
            NameKind::Person,
            PERSON_THRESHOLD,
            original,
            n,
            first.range.start..last.range.end,
            scored,
        )
    }

    fn score_firms(
        &self,
        original: &str,
        n: &Normalized,
        query: &FirmName,
        forms: impl Iterator<Item = u32>,
    ) -> Vec<NameMatch> {
        let inner = &self.inner;
        let scored = forms.filter_map(|f| {
            let form = inner.firms.get(f as usize)?;
            let (score, pairs) = firm::compare(query, &form.prepared)?;
            Some((
                form.entry,
                &inner.firm_ids[form.entry as usize],
                &form.name,
                form.alias,
                score,
                pairs,
            ))
        });
        best_matches(
            NameKind::Firm,
            FIRM_THRESHOLD,
            original,
            n,
            0..n.len(),
            scored,
        )
    }
}

/// The best match per watchlist entry among scored forms `(entry, id,
/// form name, is an alias, score, pairs)`, at or above `threshold` once an
/// alias is ranked below its canonical name; all of them span the
/// original of `n[query]`.
fn best_matches<'a>(
    kind: NameKind,
    threshold: f32,
    original: &str,
    n: &Normalized,
    query: std::ops::Range<usize>,
    scored: impl Iterator<Item = (u32, &'a String, &'a Box<str>, bool, f32, Vec<TokenPair>)>,
) -> Vec<NameMatch> {
    let Some(span) = n.original_span(query.clone()) else {
        return Vec::new();
    };
    let matched_norm = n.as_str().get(query).unwrap_or("");
    let mut best: HashMap<u32, NameMatch> = HashMap::new();
    for (entry, id, form, alias, score, pairs) in scored {
        let score = if alias { score * ALIAS_FACTOR } else { score };
        if score < threshold {
            continue;
        }
        let m = NameMatch {
            kind,
            id: id.clone(),
            score,
            span,
            matched: original.get(span.range()).unwrap_or("").to_string(),
            form: form.to_string(),
            pairs,
            folded: was_folded(original, span, matched_norm),
        };
        keep_best(&mut best, entry, m);
    }
    let mut out: Vec<NameMatch> = best.into_values().collect();
    sort_matches(&mut out);
    out
}

fn keep_best(best: &mut HashMap<u32, NameMatch>, entry: u32, m: NameMatch) {
    match best.get(&entry) {
        Some(b) if b.score >= m.score => {}
        _ => {
            best.insert(entry, m);
        }
    }
}

fn sort_matches(v: &mut [NameMatch]) {
    v.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.id.cmp(&b.id))
            .then(a.span.start.cmp(&b.span.start))
    });
}

/// One automaton over the normalised forms of every watchlisted name.
#[derive(Debug)]
struct TextScanner {
    automaton: AhoCorasick,
    patterns: Vec<TextPattern>,
}

#[derive(Debug)]
struct TextPattern {
    kind: NameKind,
    form: u32,
    text: String,
    score: f32,
    how: How,
}

impl TextScanner {
    fn build(persons: &[PersonForm], firms: &[FirmForm], variants: bool) -> TextScanner {
        let mut patterns: Vec<TextPattern> = Vec::new();
        let mut seen: HashMap<(NameKind, String), usize> = HashMap::new();
        let mut add = |kind: NameKind, form: u32, text: String, score: f32, how: How| {
            if text.is_empty() {
                return;
            }
            match seen.get(&(kind, text.clone())) {
                Some(&i) if patterns[i].score >= score => {}
                Some(&i) => {
                    patterns[i] = TextPattern {
                        kind,
                        form,
                        text,
                        score,
                        how,
                    }
                }
                None => {
                    seen.insert((kind, text.clone()), patterns.len());
                    patterns.push(TextPattern {
                        kind,
                        form,
                        text,
                        score,
                        how,
                    });
                }
            }
        };
        for (i, f) in persons.iter().enumerate() {
            // A lone word is too common to find in free text.
            if f.tokens.len() < 2 {
                continue;
            }
            let factor = if f.alias { ALIAS_FACTOR } else { 1.0 };
            let forms = if variants {
                person_variants(&f.tokens)
            } else {
                vec![f.tokens.clone(), f.tokens.iter().rev().cloned().collect()]
            };
            for variant in forms {
                if let Some((score, pairs)) = person::compare(&variant, &f.tokens) {
                    let score = score * factor;
                    if score >= PERSON_THRESHOLD {
                        let how = pairs
                            .iter()
                            .map(|p| p.how)
                            .find(|h| *h != How::Exact)
                            .unwrap_or(How::Exact);
                        let text = variant
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        add(NameKind::Person, i as u32, text, score, how);
                    }
                }
            }
        }
        for (i, f) in firms.iter().enumerate() {
            let factor = if f.alias { ALIAS_FACTOR } else { 1.0 };
            let d: Vec<&str> = f
                .prepared
                .distinctive
                .iter()
                .map(|t| t.text.as_str())
                .collect();
            let full = normalize(&f.name);
            add(
                NameKind::Firm,
                i as u32,
                full.as_str().to_string(),
                factor,
                How::Exact,
            );
            // A name written in camel case is also written apart
            // (`RiseHR` → `Rise HR`, `RiverMerge` → `River Merge`).
            let apart = normalize(&split_camel_case(&f.name));
            if apart.as_str() != full.as_str() {
                add(
                    NameKind::Firm,
                    i as u32,
                    apart.as_str().to_string(),
                    0.98 * factor,
                    How::Joined,
                );
            }
            // Without legal forms and filler, and with the distinctive part
            // written together (`bryr executive search`).
            let mut prepared = d.join(" ");
            let mut compact = d.concat();
            for g in &f.prepared.generic {
                prepared.push(' ');
                prepared.push_str(g);
                compact.push(' ');
                compact.push_str(g);
            }
            add(NameKind::Firm, i as u32, prepared, factor, How::Exact);
            let joined = if d.len() > 1 { How::Joined } else { How::Exact };
            add(NameKind::Firm, i as u32, compact, 0.98 * factor, joined);
            // An acronym-like distinctive part (`BR-YR`) names the firm on
            // its own; ordinary words (`Resolute`) do not.
            let acronym = d.len() >= 2
                && d.iter()
                    .all(|t| t.len() <= 3 && t.chars().all(|c| c.is_ascii_alphabetic()));
            if acronym && !f.prepared.generic.is_empty() {
                add(
                    NameKind::Firm,
                    i as u32,
                    d.join(" "),
                    0.85 * factor,
                    How::Exact,
                );
                add(
                    NameKind::Firm,
                    i as u32,
                    d.concat(),
                    0.85 * 0.98 * factor,
                    How::Joined,
                );
            }
        }
        let texts: Vec<&str> = patterns.iter().map(|p| p.text.as_str()).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton builds")
            });
        TextScanner {
            automaton,
            patterns,
        }
    }
}

/// Inserts a space where a lowercase letter meets an uppercase one.
fn split_camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if prev_lower && c.is_uppercase() {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

/// The written forms of a person name worth finding in text: both orders,
/// and each token replaced by its romanisations and nicknames.
fn person_variants(tokens: &[Token]) -> Vec<Vec<Token>> {
    let options: Vec<Vec<String>> = tokens
        .iter()
        .map(|t| {
            let mut v = vec![t.text.clone()];
            let spellings = surname_spellings(&t.text).into_iter();
            for s in spellings
                .chain(given_variants(&t.text))
                .chain(near_given_names(&t.text))
            {
                if s.len() >= 2 && !v.iter().any(|x| x == s) {
                    v.push(s.to_string());
                }
            }
            v
        })
        .collect();
    let mut out: Vec<Vec<Token>> = vec![Vec::new()];
    for opts in &options {
        let mut next = Vec::new();
        for prefix in &out {
            for o in opts {
                if next.len() >= MAX_TEXT_VARIANTS {
                    break;
                }
                let mut p = prefix.clone();
                p.push(Token {
                    text: o.clone(),
                    range: 0..0,
                });
                next.push(p);
            }
        }
        out = next;
    }
    let reversed: Vec<Vec<Token>> = out
        .iter()
        .map(|v| v.iter().rev().cloned().collect())
        .collect();
    out.extend(reversed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn field() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "CEO at",
            "BR-YR",
            "Executive",
            "Search",
            "Rise",
            "HR",
            "RiseHR",
            "|",
            "Beijing",
            "China",
            "Centre",
            "of",
            "International",
            "Politics",
            "&",
            "Economy",
            "Data",
            "31",
            "Ltd",
            "Dustrategi",
            "Internship",
            "Union",
            "(Shanghai)",
            "Project Manager,",
            "Resolute",
            "Consulting",
            "AFEC",
            "Move",
            "Sino-Europe",
            "Studies",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.join(" "))
    }

    /// Regression: an anchor looked only at the next word for a joined
    /// name, and a legal form between the parts (`Rise Ltd HR`) hid it.
    #[test]
    fn anchors_see_past_legal_forms() {
        let index = NameIndex::new(&Watchlist::builtin());
        let found = index.find_firms_in_field("CEO at Rise Ltd HR");
        assert!(found.iter().any(|m| m.id == "risehr"), "{found:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Skipping windows that cannot start a firm name loses no match.
        #[test]
        fn anchored_windows_find_what_every_window_finds(f in field()) {
            let index = NameIndex::new(&Watchlist::builtin());
            let ids = |v: Vec<NameMatch>| v.into_iter().map(|m| (m.id, (m.score * 1e5) as u32)).collect::<Vec<_>>();
            prop_assert_eq!(ids(index.firms_in_field(&f, &normalize(&f), true)), ids(index.firms_in_field(&f, &normalize(&f), false)), "{:?}", f);
        }
    }
}
