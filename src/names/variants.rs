//! Name variant data: romanisations of Chinese surnames and English given
//! names with their nicknames, loaded once from tables built into the crate.
//!
//! - `data/surname_romanizations.csv`: non-pinyin spellings of Chinese
//!   surnames and the pinyin surname each most often stands for, from
//!   allenai/sinonym (`sinonym/data/surname_romanizations.csv`, Apache-2.0).
//! - [`EXTRA_ROMANIZATIONS`]: spellings that table lacks or gives only one
//!   reading of (Wade-Giles, Cantonese, Hokkien, Teochew, Hakka), written
//!   for this crate from published romanisation conventions.
//! - `data/nicknames.csv`: English given names and their nicknames, from
//!   carltonnorthern/nicknames (`names.csv`, Apache-2.0).
//!
//! A spelling may stand for several surnames (`chiu` is Zhao or Qiu, `wong`
//! is Wang or Huang), so each spelling maps to a set of pinyin surnames and
//! two spellings are equivalent when their sets meet.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `(spelling, pinyin surnames it can stand for)`, beside the CSV table.
pub(crate) const EXTRA_ROMANIZATIONS: &[(&str, &[&str])] = &[
    ("chiu", &["qiu", "zhao"]),
    ("chiou", &["qiu"]),
    ("yau", &["qiu", "you"]),
    ("jau", &["qiu"]),
    ("khoo", &["qiu"]),
    ("khu", &["qiu"]),
    ("kho", &["qiu"]),
    ("hiew", &["qiu"]),
    ("shum", &["shen", "cen"]),
    ("sham", &["shen"]),
    ("sim", &["shen"]),
    ("shim", &["shen"]),
    ("lee", &["li"]),
    ("lei", &["li"]),
    ("ly", &["li"]),
    ("lie", &["li"]),
    ("chan", &["chen"]),
    ("tan", &["chen"]),
    ("chin", &["chen"]),
    ("ch'en", &["chen"]),
    ("wong", &["wang", "huang"]),
    ("ong", &["wang", "huang"]),
    ("heng", &["wang"]),
    ("lau", &["liu"]),
    ("lao", &["liu"]),
    ("low", &["liu"]),
    ("lew", &["liu"]),
    ("liew", &["liu"]),
    ("ng", &["wu", "huang"]),
    ("goh", &["wu"]),
    ("woo", &["wu", "hu"]),
    ("gouw", &["wu"]),
    ("hon", &["han"]),
    ("hahn", &["han"]),
    ("yeung", &["yang"]),
    ("yong", &["yang"]),
    ("yeo", &["yang"]),
    ("yeoh", &["yang"]),
    ("young", &["yang"]),
    ("chang", &["zhang"]),
    ("cheung", &["zhang"]),
    ("teo", &["zhang"]),
    ("teoh", &["zhang"]),
    ("chong", &["zhang", "zhuang"]),
    ("chao", &["zhao"]),
    ("chew", &["zhao", "zhou"]),
    ("chou", &["zhou"]),
    ("chow", &["zhou"]),
    ("chau", &["zhou"]),
    ("tao", &["tao"]),
    ("tou", &["tao"]),
    ("to", &["tao"]),
    ("wai", &["wei"]),
    ("ngai", &["wei"]),
    ("hsu", &["xu"]),
    ("hui", &["xu"]),
    ("koh", &["xu"]),
    ("lo", &["luo", "lu"]),
    ("law", &["luo"]),
    ("loh", &["luo"]),
    ("lam", &["lin"]),
    ("lim", &["lin"]),
    ("lum", &["lin"]),
    ("foo", &["hu"]),
    ("fu", &["hu", "fu"]),
    ("yue", &["yue"]),
    ("yuet", &["yue"]),
    ("ngok", &["yue"]),
];

/// Every pinyin surname is also its own spelling.
fn surname_table() -> &'static HashMap<String, Vec<u16>> {
    static TABLE: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pinyin_ids: HashMap<String, u16> = HashMap::new();
        let mut table: HashMap<String, Vec<u16>> = HashMap::new();
        let mut add = |spelling: &str, pinyin: &str| {
            let next = pinyin_ids.len() as u16;
            let id = *pinyin_ids.entry(pinyin.to_string()).or_insert(next);
            for s in [spelling, pinyin] {
                let ids = table.entry(s.to_string()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        };
        for line in include_str!("data/surname_romanizations.csv")
            .lines()
            .skip(1)
        {
            let mut cols = line.split(',');
            if let (Some(spelling), Some(pinyin)) = (cols.next(), cols.next()) {
                add(spelling.trim(), pinyin.trim());
            }
        }
        for (spelling, pinyins) in EXTRA_ROMANIZATIONS {
            let spelling = spelling.replace('\'', "");
            for p in *pinyins {
                add(&spelling, p);
            }
        }
        table
    })
}

/// The pinyin surnames a spelling can stand for (empty when unknown).
pub(crate) fn surname_classes(token: &str) -> &'static [u16] {
    surname_table().get(token).map_or(&[], Vec::as_slice)
}

/// Whether a spelling is a known Chinese surname in any romanisation.
pub(crate) fn is_known_surname(token: &str) -> bool {
    !surname_classes(token).is_empty()
}

/// Whether two spellings can stand for the same Chinese surname.
pub(crate) fn same_surname(a: &str, b: &str) -> bool {
    let (x, y) = (surname_classes(a), surname_classes(b));
    x.iter().any(|c| y.contains(c))
}

/// Spellings equivalent to `token` as a surname (including itself).
pub(crate) fn surname_spellings(token: &str) -> Vec<&'static str> {
    let classes = surname_classes(token);
    if classes.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&'static str> = surname_table()
        .iter()
        .filter(|(_, ids)| ids.iter().any(|c| classes.contains(c)))
        .map(|(s, _)| s.as_str())
        .collect();
    out.sort_unstable();
    out
}

/// Given name → ids of the name groups it belongs to (a formal name and its
/// nicknames form one group).
fn given_table() -> &'static HashMap<String, Vec<u32>> {
    static TABLE: OnceLock<HashMap<String, Vec<u32>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut groups: HashMap<String, u32> = HashMap::new();
        let mut table: HashMap<String, Vec<u32>> = HashMap::new();
        for line in include_str!("data/nicknames.csv").lines().skip(1) {
            let mut cols = line.split(',');
            let (Some(name), Some(nick)) = (cols.next(), cols.next()) else {
                continue;
            };
            let next = groups.len() as u32;
            let g = *groups.entry(name.trim().to_string()).or_insert(next);
            for n in [name.trim(), nick.trim()] {
                let ids = table.entry(n.to_string()).or_default();
                if !ids.contains(&g) {
                    ids.push(g);
                }
            }
        }
        table
    })
}

/// The name groups of a given name (empty when unknown).
pub(crate) fn given_groups(token: &str) -> &'static [u32] {
    given_table().get(token).map_or(&[], Vec::as_slice)
}

/// Whether two given names are the same name or nicknames of one another.
pub(crate) fn same_given_name(a: &str, b: &str) -> bool {
    let (x, y) = (given_groups(a), given_groups(b));
    x.iter().any(|g| y.contains(g))
}

/// Given names sharing a group with `token` (including itself).
pub(crate) fn given_variants(token: &str) -> Vec<&'static str> {
    let groups = given_groups(token);
    if groups.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&'static str> = given_table()
        .iter()
        .filter(|(_, gs)| gs.iter().any(|g| groups.contains(g)))
        .map(|(s, _)| s.as_str())
        .collect();
    out.sort_unstable();
    out
}

/// Known given names one typo from `token` (`shirly` → `shirley`), with
/// their nickname groups: the spellings a text may use for a name the
/// table does not list.
pub(crate) fn near_given_names(token: &str) -> Vec<&'static str> {
    let budget = edit_budget(token.chars().count());
    if budget == 0 || is_known_surname(token) {
        return Vec::new();
    }
    let by_deletion = given_deletions();
    let mut out = Vec::new();
    for variant in std::iter::once(token.to_string()).chain(deletions(token)) {
        for &name in by_deletion
            .get(variant.as_str())
            .map_or(&[][..], Vec::as_slice)
        {
            if name != token && edit_distance_within(name, token, budget).is_some() {
                out.push(name);
                out.extend(given_variants(name));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every form of `s` with one character deleted.
pub(crate) fn deletions(s: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len()).map(move |i| {
        chars
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, c)| c)
            .collect()
    })
}

/// Given names of five letters or more under themselves and each of their
/// one-deletion forms: names one edit apart meet under one key.
fn given_deletions() -> &'static HashMap<String, Vec<&'static str>> {
    static TABLE: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: HashMap<String, Vec<&'static str>> = HashMap::new();
        for name in given_table().keys() {
            if edit_budget(name.chars().count()) == 0 {
                continue;
            }
            for k in std::iter::once(name.clone()).chain(deletions(name)) {
                t.entry(k).or_default().push(name.as_str());
            }
        }
        t
    })
}

/// Optimal string alignment distance (Levenshtein with adjacent
/// transpositions), stopping early above `max`; `None` when over `max`.
pub(crate) fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// How many edits a token of this many characters may carry and still be
/// the same name. Short tokens get none: `Qiu`/`Qin`, `Shen`/`Sheng` and
/// `Chen`/`Shen` are different people; a typo in `Laeticia` is not.
pub(crate) fn edit_budget(chars: usize) -> usize {
    if chars >= 5 {
        1
    } else {
        0
    }
}
