//! Stage 2: matching person and firm names against the watchlist.
//!
//! - [`compare_persons`] and [`compare_firms`] score two names in [0, 1]
//!   and say which token matched which, and how ([`How`]).
//! - [`NameIndex`] holds a [`Watchlist`](crate::Watchlist) ready for
//!   queries: fuzzy matching of a name field against every entry (through
//!   blocking keys, so a query against a million entries looks at a few
//!   hundred), and the discovery of watchlisted names anywhere in free text.
//!
//! # Person names
//! Tokens are aligned in any order (`Qiu, Amanda`), one may be an initial
//! (`A. Qiu`, `Amanda Q.`), a name may be joined (`AmandaQiu`), given names
//! match their nicknames and spelling variants (`Mandy`, `Shirley`),
//! Chinese surnames match their romanisations through a table keyed on the
//! surname (`Qiu`/`Ch'iu`/`Chiu`/`Yau`/`Khoo`), and tokens of five letters
//! or more may carry one typo. Shorter tokens may not, and two different
//! known surnames never match: `Qiu`/`Qin`, `Shen`/`Sheng`, `Chen`/`Shen`
//! are different families. Homoglyphs, invisibles and the like are folded
//! first by the [normaliser](mod@crate::normalize).
//!
//! # Firm names
//! Legal forms in many languages (`Ltd`, `GmbH`, `S.A.`, `有限公司`) and filler
//! words (`and`, `of`) are set aside; generic words (`Executive Search`,
//! `Consulting`, `Center`) count for a quarter of the score; the distinctive
//! words are compared in compact form, so `BR-YR` = `BRYR` = `B.R.-Y.R.` and
//! `InternshipUnion` = `Internship Union`. A firm sharing only generic words
//! or a part of the distinctive words (`BR Executive Search`) does not match.
//!
//! # Scores and thresholds
//! An exact canonical name scores 1.0; every variant scores less, in this
//! order: an alias (×0.99), joined tokens (0.97–0.98), another token order
//! (×0.98), a romanisation (0.92 for that token), a nickname (0.9), a typo
//! (0.88), an initial (0.75). The default thresholds are
//! [`PERSON_THRESHOLD`] and [`FIRM_THRESHOLD`].

mod firm;
mod index;
mod person;
mod tokens;
mod variants;

pub use index::NameIndex;

use crate::normalize::{normalize, Span};

/// Default threshold for a person-name match.
pub const PERSON_THRESHOLD: f32 = 0.85;
/// Default threshold for a firm-name match.
pub const FIRM_THRESHOLD: f32 = 0.8;

/// Which kind of watchlist entry a name is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameKind {
    /// A person (a persona).
    Person,
    /// An organisation (a firm or front).
    Firm,
}

impl NameKind {
    /// The default threshold for this kind.
    pub fn threshold(self) -> f32 {
        match self {
            NameKind::Person => PERSON_THRESHOLD,
            NameKind::Firm => FIRM_THRESHOLD,
        }
    }
}

/// How two tokens were found to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum How {
    /// Equal after normalisation.
    Exact,
    /// One is the initial of the other.
    Initial,
    /// Given names of one group (`Amanda`/`Mandy`).
    Nickname,
    /// Romanisations of one Chinese surname (`Qiu`/`Chiu`).
    Romanization,
    /// This many edits apart.
    Edit(u8),
    /// Several tokens written as one (`AmandaQiu`, `InternshipUnion`).
    Joined,
}

impl std::fmt::Display for How {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            How::Exact => f.write_str("exact"),
            How::Initial => f.write_str("initial"),
            How::Nickname => f.write_str("nickname"),
            How::Romanization => f.write_str("romanisation"),
            How::Edit(n) => write!(f, "{n} edit{}", if *n == 1 { "" } else { "s" }),
            How::Joined => f.write_str("joined"),
        }
    }
}

/// One token (or group of tokens) of one name matched to the other's.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenPair {
    /// The normalised token of the first (or query) name.
    pub left: String,
    /// The normalised token of the second (or watchlist) name.
    pub right: String,
    /// How they match.
    pub how: How,
    /// The pair's similarity in [0, 1].
    pub score: f32,
}

/// The result of comparing two names.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Similarity in [0, 1]; 1 for identical names.
    pub score: f32,
    /// Whether `score` reaches the kind's default threshold.
    pub is_match: bool,
    /// Which tokens matched which, and how.
    pub pairs: Vec<TokenPair>,
}

impl Comparison {
    fn from(result: Option<(f32, Vec<TokenPair>)>, threshold: f32) -> Comparison {
        let (score, pairs) = result.unwrap_or((0.0, Vec::new()));
        Comparison {
            score,
            is_match: score >= threshold,
            pairs,
        }
    }
}

/// Compares two person names; symmetric, in [0, 1].
///
/// ```
/// use lurescan::names::{compare_persons, How};
/// let c = compare_persons("QIU, Amanda", "Amanda Ch'iu");
/// assert!(c.is_match);
/// assert!(c.pairs.iter().any(|p| p.how == How::Romanization));
/// assert!(!compare_persons("Amanda Qin", "Amanda Qiu").is_match);
/// ```
pub fn compare_persons(a: &str, b: &str) -> Comparison {
    let (na, nb) = (normalize(a), normalize(b));
    let (ta, tb) = (
        tokens::name_tokens(&na, true),
        tokens::name_tokens(&nb, true),
    );
    Comparison::from(person::compare(&ta, &tb), PERSON_THRESHOLD)
}

/// Compares two firm names; symmetric, in [0, 1].
///
/// ```
/// use lurescan::names::compare_firms;
/// assert!(compare_firms("B.R.-Y.R. Exec. Search Co., Ltd", "BR-YR Executive Search").is_match);
/// assert!(!compare_firms("BR Executive Search", "BR-YR Executive Search").is_match);
/// ```
pub fn compare_firms(a: &str, b: &str) -> Comparison {
    let (na, nb) = (normalize(a), normalize(b));
    let fa = firm::prepare(&tokens::name_tokens(&na, false));
    let fb = firm::prepare(&tokens::name_tokens(&nb, false));
    Comparison::from(firm::compare(&fa, &fb), FIRM_THRESHOLD)
}

/// A watchlist entry found in a name field or a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    /// Person or firm.
    pub kind: NameKind,
    /// The watchlist entry's id.
    pub id: String,
    /// Similarity in [0, 1].
    pub score: f32,
    /// Byte span of the match in the searched string.
    pub span: Span,
    /// The searched string's text at `span`.
    pub matched: String,
    /// The watchlist name or alias it matched.
    pub form: String,
    /// Which tokens matched which, and how.
    pub pairs: Vec<TokenPair>,
    /// Whether normalisation changed more than case and spacing in the
    /// matched text: homoglyphs, invisible characters, leetspeak, marks.
    pub folded: bool,
}
