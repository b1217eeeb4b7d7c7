//! Firm-name similarity: legal forms and filler words set aside, generic
//! words weighted low, acronyms and joined words compared in compact form.

use super::person::{align, MAX_TOKENS};
use super::tokens::Token;
use super::variants::{edit_budget, edit_distance_within};
use super::{How, TokenPair};

/// Legal forms, in many languages: dropped wherever they stand.
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "co",
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "plc",
    "corp",
    "corporation",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "pte",
    "pty",
    "kk",
    "oy",
    "ab",
    "sl",
    "sro",
    "as",
    "oyj",
    "bhd",
    "sdn",
    "ltda",
    "company",
];

/// Legal forms written in Chinese, stripped from the end of a word.
const CJK_LEGAL_SUFFIXES: &[&str] = &["股份有限公司", "有限责任公司", "有限公司", "公司"];

/// Words that carry no identity in a firm name.
const FILLER: &[&str] = &[
    "and", "of", "for", "the", "und", "fur", "de", "du", "des", "la", "le", "et", "en", "van",
];

/// Spellings folded onto one form before comparing.
const SYNONYMS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("exec", "executive"),
    ("intl", "international"),
    ("mgmt", "management"),
    ("assoc", "association"),
    ("univ", "university"),
    ("dev", "development"),
    ("tech", "technology"),
    ("consultancy", "consulting"),
    ("consultants", "consulting"),
    ("strategy", "strategies"),
    ("insights", "insight"),
    ("innovations", "innovation"),
    // Adjectives of place names stand for the place (`Sino-European` for
    // `Sino-Europe`).
    ("european", "europe"),
    ("chinese", "china"),
    ("asian", "asia"),
];

/// Words common to many firm names: they count, but little, and a firm that
/// shares only these with a watchlisted one is not that firm.
const GENERIC: &[&str] = &[
    "executive",
    "search",
    "consulting",
    "advisory",
    "advisors",
    "advisers",
    "partners",
    "associates",
    "group",
    "holdings",
    "holding",
    "global",
    "international",
    "center",
    "institute",
    "studies",
    "development",
    "research",
    "association",
    "academy",
    "society",
    "foundation",
    "management",
    "strategies",
    "insight",
    "innovation",
    "intelligence",
    "solutions",
    "services",
    "capital",
    "recruitment",
    "recruiting",
    "talent",
    "agency",
    "network",
    "technology",
    "technologies",
    "media",
];

/// Whether a normalised word is one of the generic words of firm names,
/// after synonyms (`centre` is `center`).
pub(crate) fn is_generic_word(word: &str) -> bool {
    GENERIC.contains(&canonical_word(word))
}

/// A normalised word with its synonym applied (`centre` → `center`).
pub(crate) fn canonical_word(word: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|(from, _)| *from == word)
        .map_or(word, |&(_, to)| to)
}

/// Whether a normalised word is set aside in firm names: a legal form or
/// filler.
pub(crate) fn is_dropped_word(word: &str) -> bool {
    LEGAL_FORMS.contains(&word) || FILLER.contains(&word)
}

/// A firm name prepared for comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct FirmName {
    /// Distinctive tokens, in order.
    pub distinctive: Vec<Token>,
    /// Generic tokens, sorted and deduplicated.
    pub generic: Vec<String>,
    /// First letters of every kept token, in order (`International
    /// Business Machines` → `ibm`), for matching an acronym.
    pub initials: String,
}

impl FirmName {
    /// The distinctive tokens written together (`br yr` → `bryr`).
    pub fn compact(&self) -> String {
        self.distinctive.iter().map(|t| t.text.as_str()).collect()
    }
}

/// Prepares tokens of a normalised firm name.
pub(crate) fn prepare(tokens: &[Token]) -> FirmName {
    let mut kept: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Legal forms written with dots come out as single letters (`S.A.`
        // → `s a`): read a run of single letters as one word.
        let mut j = i;
        while j < tokens.len() && tokens[j].text.len() == 1 {
            j += 1;
        }
        if j - i >= 2 {
            let joined: String = tokens[i..j].iter().map(|t| t.text.as_str()).collect();
            if LEGAL_FORMS.contains(&joined.as_str()) {
                i = j;
                continue;
            }
        }
        let mut t = tokens[i].clone();
        i += 1;
        if !t.text.is_ascii() {
            for suffix in CJK_LEGAL_SUFFIXES {
                if let Some(stem) = t.text.strip_suffix(suffix) {
                    t.text = stem.to_string();
                    break;
                }
            }
            if t.text.is_empty() {
                continue;
            }
        }
        if let Some(&(_, to)) = SYNONYMS.iter().find(|(from, _)| *from == t.text) {
            t.text = to.to_string();
        }
        if LEGAL_FORMS.contains(&t.text.as_str()) || FILLER.contains(&t.text.as_str()) {
            continue;
        }
        kept.push(t);
    }
    if kept.is_empty() {
        // A name made only of legal forms or filler ("Ltd") is kept as written.
        kept = tokens.to_vec();
    }
    let initials: String = kept.iter().filter_map(|t| t.text.chars().next()).collect();
    let (generic, mut distinctive): (Vec<Token>, Vec<Token>) = kept
        .into_iter()
        .partition(|t| GENERIC.contains(&t.text.as_str()));
    // The alignment search grows factorially with the tokens it aligns: a
    // firm is compared on its first distinctive words, like a person.
    distinctive.truncate(MAX_TOKENS);
    if distinctive.is_empty() {
        // A name made only of generic words is distinctive as a whole.
        let mut distinctive = generic;
        distinctive.truncate(MAX_TOKENS);
        return FirmName {
            distinctive,
            generic: Vec::new(),
            initials,
        };
    }
    let mut generic: Vec<String> = generic.into_iter().map(|t| t.text).collect();
    generic.sort();
    generic.dedup();
    FirmName {
        distinctive,
        generic,
        initials,
    }
}

/// Whether `short` is one word that spells the initials of the three or
/// more words of `long` (`IBM` for `International Business Machines`).
fn is_acronym_of(short: &FirmName, long: &FirmName) -> bool {
    short.distinctive.len() == 1
        && short.generic.is_empty()
        && long.initials.chars().count() >= 3
        && short.distinctive[0].text == long.initials
}

fn token_similarity(a: &Token, b: &Token) -> Option<(f32, How)> {
    if a.text == b.text {
        return Some((1.0, How::Exact));
    }
    let len = a.text.chars().count().min(b.text.chars().count());
    let d = edit_distance_within(&a.text, &b.text, edit_budget(len))?;
    Some((0.88, How::Edit(d as u8)))
}

/// Similarity of two prepared firm names in [0, 1], with the pairs that
/// carry it; `None` when they cannot be the same firm. Symmetric.
pub(crate) fn compare(a: &FirmName, b: &FirmName) -> Option<(f32, Vec<TokenPair>)> {
    if a.distinctive.is_empty() || b.distinctive.is_empty() {
        return None;
    }
    for (short, long, flip) in [(a, b, false), (b, a, true)] {
        if is_acronym_of(short, long) {
            let (left, right) = (short.distinctive[0].text.clone(), long.initials.clone());
            let (left, right) = if flip { (right, left) } else { (left, right) };
            return Some((
                0.85,
                vec![TokenPair {
                    left,
                    right,
                    how: How::Joined,
                    score: 0.85,
                }],
            ));
        }
    }
    let (ca, cb) = (a.compact(), b.compact());
    let (distinctive, pairs) = if ca == cb {
        let same_split = a.distinctive.len() == b.distinctive.len();
        let how = if same_split { How::Exact } else { How::Joined };
        let score = if same_split { 1.0 } else { 0.98 };
        let join = |n: &FirmName| {
            n.distinctive
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        (
            score,
            vec![TokenPair {
                left: join(a),
                right: join(b),
                how,
                score,
            }],
        )
    } else {
        let aligned = align(&a.distinctive, &b.distinctive, token_similarity);
        if aligned.len() != a.distinctive.len() || aligned.len() != b.distinctive.len() {
            // Compact forms one typo apart (`Dustrategy`/`Dustrategi`).
            let len = ca.chars().count().min(cb.chars().count());
            if len >= 8 && edit_distance_within(&ca, &cb, 1).is_some() {
                (
                    0.88,
                    vec![TokenPair {
                        left: ca,
                        right: cb,
                        how: How::Edit(1),
                        score: 0.88,
                    }],
                )
            } else {
                return None;
            }
        } else {
            let s = aligned.iter().map(|p| p.2).sum::<f32>() / aligned.len() as f32;
            let pairs = aligned
                .iter()
                .map(|&(i, j, s, how)| TokenPair {
                    left: a.distinctive[i].text.clone(),
                    right: b.distinctive[j].text.clone(),
                    how,
                    score: s,
                })
                .collect();
            (s, pairs)
        }
    };
    let factor = match (a.generic.is_empty(), b.generic.is_empty()) {
        (true, true) => 1.0,
        (false, false) => {
            let shared = a.generic.iter().filter(|g| b.generic.contains(g)).count();
            let union = a.generic.len() + b.generic.len() - shared;
            0.75 + 0.25 * shared as f32 / union as f32
        }
        // One name gives only the distinctive part (`BR-YR`).
        _ => 0.85,
    };
    Some(((distinctive * factor).clamp(0.0, 1.0), pairs))
}
