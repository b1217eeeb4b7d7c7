//! The watchlist: who the known personas and cover firms are.
//!
//! A [`Watchlist`] holds [`Persona`]s and [`Firm`]s, each with a stable id
//! (the kebab-case ASCII of its canonical name unless given), aliases, links
//! to the other kind, and the public source that attributed it. The
//! built-in list ([`Watchlist::builtin`]) holds every publicly attributed
//! persona and front the crate knows of; users load their own from JSON
//! ([`Watchlist::from_json`]) and merge it over the built-in one
//! ([`Watchlist::merge`]).
//!
//! JSON form (`id`, `aliases`, links, `year` and `note` are optional):
//!
//! ```json
//! {"personas": [{"name": "Amanda Qiu", "aliases": ["Mandy Qiu"],
//!                "firms": ["br-yr-executive-search"], "source": "MI5 alert", "year": 2025}],
//!  "firms": [{"name": "BR-YR Executive Search", "personas": ["amanda-qiu"],
//!             "source": "MI5 alert", "year": 2025}]}
//! ```

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::normalize::normalize;

/// Largest watchlist JSON accepted, in bytes (1 GiB): far above a million
/// entries, low enough that a hostile file cannot exhaust memory.
pub const MAX_WATCHLIST_BYTES: usize = 1 << 30;

/// Longest name or alias accepted, in bytes.
pub const MAX_NAME_BYTES: usize = 256;

/// A false persona: a profile used to approach targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Stable id; derived from `name` when absent in JSON.
    #[serde(default)]
    pub id: String,
    /// Canonical name, as attributed.
    pub name: String,
    /// Other names the persona used.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids of firms it was linked to.
    #[serde(default)]
    pub firms: Vec<String>,
    /// Who attributed it publicly.
    #[serde(default)]
    pub source: String,
    /// The year of the attribution.
    #[serde(default)]
    pub year: Option<u16>,
    /// Anything a reviewer should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A cover firm, front or external head-hunter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Firm {
    /// Stable id; derived from `name` when absent in JSON.
    #[serde(default)]
    pub id: String,
    /// Canonical name, as attributed.
    pub name: String,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids of personas linked to it.
    #[serde(default)]
    pub personas: Vec<String>,
    /// Who attributed it publicly.
    #[serde(default)]
    pub source: String,
    /// The year of the attribution.
    #[serde(default)]
    pub year: Option<u16>,
    /// Anything a reviewer should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A validated set of personas and firms.
///
/// Every value of this type has passed validation: ids are unique per kind
/// and kebab-case ASCII, names and aliases are non-empty after
/// normalisation, and every link names an entry that exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Watchlist {
    personas: Vec<Persona>,
    firms: Vec<Firm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWatchlist {
    #[serde(default)]
    personas: Vec<Persona>,
    #[serde(default)]
    firms: Vec<Firm>,
}

/// The kebab-case ASCII id of a name: letters and digits of its normalised
/// form, lowercase, words joined by `-` (`BR-YR Executive Search` →
/// `br-yr-executive-search`). Non-Latin letters are dropped, so a name with
/// no Latin letters or digits has no derivable id and needs an explicit one.
pub fn derive_id(name: &str) -> String {
    // An ASCII name keeps the words it was written with (`normalize` would
    // join spaced letters); any other is normalised first.
    let n;
    let source = if name.is_ascii() {
        name
    } else {
        n = normalize(name);
        n.as_str()
    };
    source
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_NAME_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

impl Watchlist {
    /// The built-in watchlist: every persona and firm publicly attributed in
    /// the sources the crate documents (MI5 2025, BfV 2017, DGSI/DGSE 2018,
    /// US v. Mallory 2018, US DOJ 2020, press 2020, ASIO 2024, FDD/Reuters
    /// 2025), each with its source and year.
    pub fn builtin() -> Watchlist {
        // The embedded file is validated by the test suite; should it ever be
        // broken, an empty list is returned rather than a panic.
        Watchlist::from_json(include_str!("builtin.json")).unwrap_or_default()
    }

    /// Loads and validates a watchlist from JSON.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] with kind `Syntax` (with line and column) for
    /// malformed JSON or unknown fields, `InvalidEntry` naming the entry and
    /// the reason, or `TooLarge` above [`MAX_WATCHLIST_BYTES`].
    pub fn from_json(json: &str) -> Result<Watchlist, LoadError> {
        let raw = parse_raw(json)?;
        Watchlist::from_entries(raw.personas, raw.firms)
    }

    /// Loads entries from JSON and merges them over this watchlist, as
    /// [`Watchlist::merge`]; links may name entries of either. This is how
    /// a user's list that links to built-in entries is loaded.
    ///
    /// # Errors
    ///
    /// As [`Watchlist::from_json`]; on error `self` is unchanged.
    pub fn merge_json(&mut self, json: &str) -> Result<(), LoadError> {
        let raw = parse_raw(json)?;
        let mut other = Watchlist {
            personas: raw.personas,
            firms: raw.firms,
        };
        other.derive_missing_ids();
        self.merge_unchecked(other)
    }

    fn derive_missing_ids(&mut self) {
        for p in &mut self.personas {
            if p.id.is_empty() {
                p.id = derive_id(&p.name);
            }
        }
        for f in &mut self.firms {
            if f.id.is_empty() {
                f.id = derive_id(&f.name);
            }
        }
    }

    /// Builds and validates a watchlist from entries; empty ids are derived.
    ///
    /// # Errors
    ///
    /// As [`Watchlist::from_json`], for the entries.
    pub fn from_entries(personas: Vec<Persona>, firms: Vec<Firm>) -> Result<Watchlist, LoadError> {
        let mut w = Watchlist { personas, firms };
        w.derive_missing_ids();
        w.validate()?;
        Ok(w)
    }

    fn validate(&self) -> Result<(), LoadError> {
        let persona_ids = check_entries(
            "persona",
            self.personas
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), p.aliases.as_slice())),
        )?;
        let firm_ids = check_entries(
            "firm",
            self.firms
                .iter()
                .map(|f| (f.id.as_str(), f.name.as_str(), f.aliases.as_slice())),
        )?;
        for (i, p) in self.personas.iter().enumerate() {
            if let Some(bad) = p.firms.iter().find(|f| !firm_ids.contains(f.as_str())) {
                return Err(LoadError::entry(format!(
                    "persona #{i} ({:?}): links to unknown firm id {bad:?}",
                    p.id
                )));
            }
        }
        for (i, f) in self.firms.iter().enumerate() {
            if let Some(bad) = f
                .personas
                .iter()
                .find(|p| !persona_ids.contains(p.as_str()))
            {
                return Err(LoadError::entry(format!(
                    "firm #{i} ({:?}): links to unknown persona id {bad:?}",
                    f.id
                )));
            }
        }
        Ok(())
    }

    /// Merges `other` over this watchlist: an entry of `other` replaces the
    /// entry of the same kind and id, others are added. The result is
    /// validated as a whole (links may cross the two lists).
    ///
    /// # Errors
    ///
    /// As [`Watchlist::from_json`]; on error `self` is unchanged.
    pub fn merge(&mut self, other: Watchlist) -> Result<(), LoadError> {
        self.merge_unchecked(other)
    }

    fn merge_unchecked(&mut self, other: Watchlist) -> Result<(), LoadError> {
        let mut merged = self.clone();
        for p in other.personas {
            match merged.personas.iter_mut().find(|q| q.id == p.id) {
                Some(q) => *q = p,
                None => merged.personas.push(p),
            }
        }
        for f in other.firms {
            match merged.firms.iter_mut().find(|g| g.id == f.id) {
                Some(g) => *g = f,
                None => merged.firms.push(f),
            }
        }
        merged.validate()?;
        *self = merged;
        Ok(())
    }

    /// The personas, in load order.
    pub fn personas(&self) -> &[Persona] {
        &self.personas
    }

    /// The firms, in load order.
    pub fn firms(&self) -> &[Firm] {
        &self.firms
    }

    /// The persona with this id.
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The firm with this id.
    pub fn firm(&self, id: &str) -> Option<&Firm> {
        self.firms.iter().find(|f| f.id == id)
    }

    /// Serialises to the JSON form [`Watchlist::from_json`] reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn parse_raw(json: &str) -> Result<RawWatchlist, LoadError> {
    if json.len() > MAX_WATCHLIST_BYTES {
        return Err(LoadError::too_large(format!(
            "watchlist of {} bytes is over the limit of {MAX_WATCHLIST_BYTES}",
            json.len()
        )));
    }
    // serde accepts a struct written as an array; a watchlist is an object.
    if !json.trim_start().starts_with('{') {
        let bad =
            serde_json::from_str::<std::collections::BTreeMap<String, serde_json::Value>>(json)
                .err()
                .map(|e| LoadError::syntax("watchlist JSON must be an object", &e));
        return Err(
            bad.unwrap_or_else(|| LoadError::entry("watchlist JSON must be an object".into()))
        );
    }
    serde_json::from_str(json).map_err(|e| LoadError::syntax("watchlist JSON", &e))
}

fn check_entries<'a>(
    kind: &str,
    entries: impl Iterator<Item = (&'a str, &'a str, &'a [String])>,
) -> Result<HashSet<&'a str>, LoadError> {
    let mut ids = HashSet::new();
    for (i, (id, name, aliases)) in entries.enumerate() {
        let err = |why: String| Err(LoadError::entry(format!("{kind} #{i} ({id:?}): {why}")));
        if name.trim().is_empty() {
            return err("empty name".into());
        }
        if !is_kebab_id(id) {
            return err(
                "id must be kebab-case ASCII (a-z, 0-9, single '-'); give an explicit id".into(),
            );
        }
        if !ids.insert(id) {
            return err(format!("duplicate {kind} id"));
        }
        for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            if n.len() > MAX_NAME_BYTES {
                return err(format!(
                    "name {:?}… is longer than {MAX_NAME_BYTES} bytes",
                    n.chars().take(20).collect::<String>()
                ));
            }
            if normalize(n).is_empty() {
                return err(format!("{n:?} normalises to nothing"));
            }
        }
    }
    Ok(ids)
}
