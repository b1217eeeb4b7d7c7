//! Name tokens: the words of a normalised name, cleaned for matching.

use std::ops::Range;

use super::variants::is_known_surname;
use crate::normalize::Normalized;

/// One word of a name, with its byte range in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub text: String,
    pub range: Range<usize>,
}

impl Token {
    /// A single letter: an initial (`A.` → `a`).
    pub fn is_initial(&self) -> bool {
        self.text.chars().count() == 1 && self.text.chars().all(char::is_alphabetic)
    }
}

/// Words that are never part of a person's name in a profile field.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "madam",
    "dame",
    "herr",
    "frau",
    "mme",
    "mlle",
    "m",
    "phd",
    "mba",
    "jr",
    "sr",
];

/// Splits a word where Latin letters meet another script (`yr有限公司`),
/// since names written in two scripts are two words.
fn split_scripts(word: &str, start: usize, out: &mut Vec<Token>) {
    let mut piece_start = 0;
    let mut prev_latin: Option<bool> = None;
    for (i, c) in word.char_indices() {
        let latin = c.is_ascii_alphanumeric();
        if prev_latin.is_some_and(|p| p != latin) {
            out.push(Token {
                text: word[piece_start..i].to_string(),
                range: start + piece_start..start + i,
            });
            piece_start = i;
        }
        prev_latin = Some(latin);
    }
    out.push(Token {
        text: word[piece_start..].to_string(),
        range: start + piece_start..start + word.len(),
    });
}

/// The tokens of a normalised name. For persons, titles are dropped and a
/// Wade-Giles apostrophe split is rejoined (`Ch'iu` → `ch iu` → `chiu`).
pub(crate) fn name_tokens(n: &Normalized, person: bool) -> Vec<Token> {
    let mut raw = Vec::new();
    for (range, word) in n.words() {
        split_scripts(word, range.start, &mut raw);
    }
    if !person {
        return raw;
    }
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    for t in raw {
        if let Some(prev) = out.last_mut() {
            let joined = format!("{}{}", prev.text, t.text);
            let short = prev.text.len() <= 3 && t.text.len() <= 3;
            if short
                && !prev.is_initial()
                && is_known_surname(&joined)
                && !(is_known_surname(&prev.text) && is_known_surname(&t.text))
            {
                prev.text = joined;
                prev.range.end = t.range.end;
                continue;
            }
        }
        out.push(t);
    }
    let named: Vec<Token> = out
        .iter()
        .filter(|t| !TITLES.contains(&t.text.as_str()))
        .cloned()
        .collect();
    // A name made only of title-like words ("M") is kept as written.
    if named.is_empty() {
        out
    } else {
        named
    }
}
