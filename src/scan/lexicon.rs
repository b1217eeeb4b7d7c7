//! The lexicon: phrases per signal and word classes for the proximity
//! rules, as data (serde). The built-in lexicon is
//! `src/scan/builtin_lexicon.json`; users extend it with
//! [`Lexicon::merge_json`] or replace it with [`Lexicon::from_json`].
//!
//! JSON form:
//!
//! ```json
//! {"phrases": [{"signal": "off_platform", "weight": 1.0, "texts": ["add me on line"]}],
//!  "terms": {"irregular": ["monero"], "warning": ["security bulletin"]}}
//! ```
//!
//! `weight` scales the signal's base weight for those phrases (default 1).
//! Term classes: `writing`, `pay`, `currency`, `per_piece`, `annual`,
//! `travel`, `cover`, `irregular`, `negation`, `warning`, `legitimate`,
//! `request`, `restricted`.
//!
//! # Languages
//! English throughout. German, French, Dutch and Spanish phrases and terms
//! cover the strongest signals: paid writing (`bezahlte Gutachten`, `notes
//! de synthèse rémunérées`, `betaalde rapporten`, `informes pagados`),
//! insider information (`nicht öffentlich`, `informations non publiques`,
//! `vertrouwelijke informatie`, `información confidencial`), paid travel
//! (`tous frais payés`, `alle Kosten übernommen`, `alle kosten vergoed`,
//! `todos los gastos pagados`), moving off the platform (app names are the
//! same in every language) and irregular payment (`Krypto`, `efectivo`,
//! `contant`), with their negations (`nicht`, `jamais`, `nooit`, `nunca`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Signal;
use crate::error::LoadError;
use crate::normalize::normalize;

/// Largest lexicon JSON accepted, in bytes.
pub const MAX_LEXICON_BYTES: usize = 64 << 20;

/// Phrases that each indicate one signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseGroup {
    /// The signal id (see [`Signal::id`]).
    pub signal: String,
    /// Scales the signal's base weight for these phrases.
    #[serde(default = "one")]
    pub weight: f32,
    /// The phrases, in any form: they are normalised when compiled.
    pub texts: Vec<String>,
}

fn one() -> f32 {
    1.0
}

/// A word class used by the proximity and context rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TermClass {
    /// Written products: report, paper, note, Gutachten.
    Writing,
    /// Payment words: paid, fee, honorarium.
    Pay,
    /// Currency names: usd, gbp, euro.
    Currency,
    /// Per-piece markers: each, per.
    PerPiece,
    /// Periods that make a sum a salary or a rate: annum, year, day.
    Annual,
    /// Travel: flights, hotel, accommodation.
    Travel,
    /// Paying for something: covered, funded, provided.
    Cover,
    /// Irregular means of payment: crypto, cash, wallet.
    Irregular,
    /// Negators: never, not, without, nicht, jamais.
    Negation,
    /// Cues that a text warns about or reports approaches.
    Warning,
    /// Cues of an ordinary, accountable process: application, contract.
    Legitimate,
    /// Asking for something to be handed over: share, send, bring.
    Request,
    /// Words that make information restricted: internal, confidential.
    Restricted,
}

impl TermClass {
    /// Every class, in order.
    pub const ALL: [TermClass; 13] = [
        TermClass::Writing,
        TermClass::Pay,
        TermClass::Currency,
        TermClass::PerPiece,
        TermClass::Annual,
        TermClass::Travel,
        TermClass::Cover,
        TermClass::Irregular,
        TermClass::Negation,
        TermClass::Warning,
        TermClass::Legitimate,
        TermClass::Request,
        TermClass::Restricted,
    ];

    /// The class's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            TermClass::Writing => "writing",
            TermClass::Pay => "pay",
            TermClass::Currency => "currency",
            TermClass::PerPiece => "per_piece",
            TermClass::Annual => "annual",
            TermClass::Travel => "travel",
            TermClass::Cover => "cover",
            TermClass::Irregular => "irregular",
            TermClass::Negation => "negation",
            TermClass::Warning => "warning",
            TermClass::Legitimate => "legitimate",
            TermClass::Request => "request",
            TermClass::Restricted => "restricted",
        }
    }

    /// The class with this JSON name.
    pub fn from_name(name: &str) -> Option<TermClass> {
        TermClass::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Phrases per signal and words per class; see the module docs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Phrase groups.
    #[serde(default)]
    pub phrases: Vec<PhraseGroup>,
    /// Words per class name.
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        // Validated by the test suite; a broken file would give an empty
        // lexicon rather than a panic.
        Lexicon::from_json(include_str!("builtin_lexicon.json")).unwrap_or_default()
    }

    /// Loads and validates a lexicon from JSON.
    ///
    /// # Errors
    ///
    /// `Syntax` (with line and column) for malformed JSON or unknown fields;
    /// `InvalidEntry` for an unknown signal or term class, a weight outside
    /// (0, 10], or a phrase that normalises to nothing; `TooLarge` above
    /// [`MAX_LEXICON_BYTES`].
    pub fn from_json(json: &str) -> Result<Lexicon, LoadError> {
        if json.len() > MAX_LEXICON_BYTES {
            return Err(LoadError::too_large(format!(
                "lexicon of {} bytes is over the limit of {MAX_LEXICON_BYTES}",
                json.len()
            )));
        }
        if !json.trim_start().starts_with('{') {
            return Err(LoadError::entry("lexicon JSON must be an object".into()));
        }
        let lexicon: Lexicon =
            serde_json::from_str(json).map_err(|e| LoadError::syntax("lexicon JSON", &e))?;
        lexicon.validate()?;
        Ok(lexicon)
    }

    /// Adds another lexicon's phrases and terms to this one.
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_json`]; on error `self` is unchanged.
    pub fn merge(&mut self, other: Lexicon) -> Result<(), LoadError> {
        other.validate()?;
        self.phrases.extend(other.phrases);
        for (class, words) in other.terms {
            self.terms.entry(class).or_default().extend(words);
        }
        Ok(())
    }

    /// Loads a lexicon from JSON and merges it into this one.
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_json`]; on error `self` is unchanged.
    pub fn merge_json(&mut self, json: &str) -> Result<(), LoadError> {
        self.merge(Lexicon::from_json(json)?)
    }

    fn validate(&self) -> Result<(), LoadError> {
        for (i, group) in self.phrases.iter().enumerate() {
            if Signal::from_id(&group.signal).is_none() {
                return Err(LoadError::entry(format!(
                    "phrase group #{i}: unknown signal {:?}; known: {}",
                    group.signal,
                    Signal::ALL.map(Signal::id).join(", ")
                )));
            }
            if !(group.weight > 0.0 && group.weight <= 10.0) {
                return Err(LoadError::entry(format!(
                    "phrase group #{i} ({}): weight {} is outside (0, 10]",
                    group.signal, group.weight
                )));
            }
            if let Some(bad) = group.texts.iter().find(|t| normalize(t).is_empty()) {
                return Err(LoadError::entry(format!(
                    "phrase group #{i} ({}): phrase {bad:?} normalises to nothing",
                    group.signal
                )));
            }
        }
        for (class, words) in &self.terms {
            if TermClass::from_name(class).is_none() {
                return Err(LoadError::entry(format!(
                    "unknown term class {class:?}; known: {}",
                    TermClass::ALL.map(TermClass::name).join(", ")
                )));
            }
            if let Some(bad) = words.iter().find(|t| normalize(t).is_empty()) {
                return Err(LoadError::entry(format!(
                    "term class {class}: {bad:?} normalises to nothing"
                )));
            }
        }
        Ok(())
    }

    /// Serialises to the JSON form [`Lexicon::from_json`] reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every phrase, as `(signal, weight, text)`.
    pub(crate) fn phrase_list(&self) -> impl Iterator<Item = (Signal, f32, &str)> {
        self.phrases
            .iter()
            .filter_map(|g| {
                Signal::from_id(&g.signal)
                    .map(|s| g.texts.iter().map(move |t| (s, g.weight, t.as_str())))
            })
            .flatten()
    }

    /// Every term, as `(class, text)`.
    pub(crate) fn term_list(&self) -> impl Iterator<Item = (TermClass, &str)> {
        self.terms
            .iter()
            .filter_map(|(c, words)| {
                TermClass::from_name(c).map(|c| words.iter().map(move |w| (c, w.as_str())))
            })
            .flatten()
    }
}
