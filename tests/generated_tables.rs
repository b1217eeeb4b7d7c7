//! Generator and freshness check for `src/normalize/fold_table.rs`.
//!
//! The normaliser folds every non-ASCII character through one precomputed
//! table, so the library itself carries no Unicode data crates at run time.
//! This test rebuilds that table from Unicode's own data, as shipped by
//! `unicode-normalization` (NFKD, combining marks) and `unicode-security`
//! (TR39 confusables and default-ignorable code points), and fails when the
//! committed file differs. Regenerate with:
//!
//! ```text
//! LURESCAN_REGENERATE=1 cargo test --test generated_tables
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

const TABLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/fold_table.rs");

/// Hangul syllables decompose algorithmically into jamo; NFKC recomposes them,
/// and no Latin letter looks like one, so they are left as they are.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// TR39 marks default-ignorable code points by dropping them from a skeleton.
fn is_default_ignorable(c: char) -> bool {
    !is_combining_mark(c)
        && unicode_security::skeleton(&c.to_string()).next().is_none()
        && !c.is_whitespace()
}

/// Full case folding where it differs from `to_lowercase` for letters that
/// matter here; the rest of Unicode's folding is `to_lowercase` followed by
/// NFKD, which the caller applies.
fn case_fold(c: char, out: &mut String) {
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

fn nfkd_without_marks(c: char) -> String {
    let mut s = String::new();
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            s.push(d);
        }
    });
    s
}

fn is_cherokee(c: char) -> bool {
    ('\u{13A0}'..='\u{13FF}').contains(&c) || ('\u{AB70}'..='\u{ABBF}').contains(&c)
}

/// The Latin letters a reader would see in `c`, from TR39's prototype, or
/// `None` when the prototype is not plain ASCII letters. TR39 picks
/// prototypes for machines: `m` has the prototype `rn`, so a character whose
/// prototype is `rn` is read as `m`.
fn latin_lookalike(c: char) -> Option<String> {
    let skeleton: String = unicode_security::skeleton(&c.to_string()).collect();
    let mut proto = String::new();
    for d in skeleton.chars() {
        for e in nfkd_without_marks(d).chars() {
            case_fold(e, &mut proto);
        }
    }
    if proto.is_empty() || proto.len() > 3 || !proto.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if proto == "rn" {
        return Some("m".to_string());
    }
    // Greek sigma has the prototype `o`, but no reader takes a sigma for an
    // o, and folding it would garble every Greek word.
    if matches!(c, 'σ' | 'ς' | 'Σ') {
        return None;
    }
    Some(proto)
}

/// Folds one character: NFKD, combining marks dropped, case folded, each
/// remaining non-ASCII letter replaced by the Latin letters it imitates, and
/// any other ASCII character turned into a separator (a space).
fn fold_char(c: char) -> String {
    if is_default_ignorable(c) || is_combining_mark(c) || (c.is_control() && !c.is_whitespace()) {
        return String::new();
    }
    if is_hangul_syllable(c) {
        return c.to_string();
    }
    // Each folded character keeps the character it was cased from, because
    // TR39 lists some look-alikes only in one case (Greek capital tau looks
    // like T; its lowercase does not look like t).
    let mut cased: Vec<(char, char)> = Vec::new();
    for d in nfkd_without_marks(c).chars() {
        let mut lower = String::new();
        case_fold(d, &mut lower);
        cased.extend(lower.chars().map(|l| (l, d)));
    }
    // Lowercasing can expose new compatibility forms and marks (İ → i̇).
    let mut folded = String::new();
    for (d, before_case) in cased {
        for e in nfkd_without_marks(d).chars() {
            if e.is_ascii() {
                folded.push(e);
                continue;
            }
            if !e.is_alphanumeric() {
                folded.push(' ');
                continue;
            }
            let mut candidates = vec![e, before_case];
            if is_cherokee(e) {
                candidates.extend(e.to_uppercase());
            }
            let look = candidates.iter().find_map(|&x| latin_lookalike(x));
            match look {
                Some(latin) => folded.push_str(&latin),
                None => folded.push(e),
            }
        }
    }
    // ASCII punctuation and symbols are separators; letters and digits stay.
    let mut out = String::new();
    for ch in folded.chars() {
        if ch.is_ascii() && !ch.is_ascii_alphanumeric() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
    out
}

fn generate() -> String {
    let mut folds: BTreeMap<u32, String> = BTreeMap::new();
    for cp in 0x80u32..=0x10FFFF {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let f = fold_char(c);
        let unchanged = f.len() == c.len_utf8() && f.starts_with(c);
        // Non-letters that fold to one separator need no entry: the
        // normaliser treats every unlisted non-alphanumeric as a separator.
        if unchanged || (f == " " && !c.is_alphanumeric()) {
            continue;
        }
        folds.insert(cp, f);
    }
    // Every folded output must be a fixed point, or normalising twice would
    // differ from normalising once.
    for (cp, f) in &folds {
        for d in f.chars() {
            if let Some(again) = folds.get(&(d as u32)) {
                panic!("fold of U+{cp:04X} = {f:?} is not stable: {d:?} folds to {again:?}");
            }
        }
    }
    let mut pool = String::new();
    let mut pooled: BTreeMap<&str, usize> = BTreeMap::new();
    let mut entries = Vec::new();
    let mut max_ratio = 0usize;
    for (cp, f) in &folds {
        let c = char::from_u32(*cp).unwrap();
        // An empty fold's offset tells a combining mark (1), which belongs to
        // the character before it, from any other dropped character (0).
        let offset = if f.is_empty() {
            usize::from(is_combining_mark(c))
        } else {
            *pooled.entry(f.as_str()).or_insert_with(|| {
                let o = pool.len();
                pool.push_str(f);
                o
            })
        };
        assert!(f.len() < 256 && offset < (1 << 21));
        max_ratio = max_ratio.max(f.len().div_ceil(c.len_utf8()));
        entries.push((*cp, (offset as u32) << 8 | f.len() as u32));
    }
    let pages = 0x110000 / 256;
    let mut page_start = vec![0u32; pages + 1];
    let mut i = 0;
    for (p, start) in page_start.iter_mut().enumerate() {
        while i < entries.len() && (entries[i].0 as usize >> 8) < p {
            i += 1;
        }
        *start = i as u32;
    }

    let mut out = String::new();
    out.push_str(
        "// @generated by tests/generated_tables.rs; do not edit.\n\
         //\n\
         // Derived from Unicode data (NFKD decompositions and combining marks as shipped\n\
         // by the unicode-normalization crate; TR39 confusables and default-ignorable\n\
         // code points as shipped by the unicode-security crate). Unicode data is\n\
         // copyright Unicode, Inc. and used under the Unicode License v3; see NOTICE.\n\n",
    );
    let _ = writeln!(
        out,
        "/// Unicode version of the confusables data the table was built from.\n\
         pub(crate) const UNICODE_VERSION: (u64, u64, u64) = {:?};\n",
        unicode_security::UNICODE_VERSION
    );
    let _ = writeln!(
        out,
        "/// No character folds to more than this many bytes per byte of its UTF-8.\n\
         pub(crate) const MAX_FOLD_EXPANSION: usize = {max_ratio};\n"
    );
    out.push_str("/// Folded forms, concatenated; entries point into it.\n");
    let _ = writeln!(out, "pub(crate) const POOL: &str = {pool:?};\n");
    out.push_str(
        "/// Sorted code points that fold to something other than themselves.\n\
         #[rustfmt::skip]\npub(crate) const KEYS: &[u32] = &[\n",
    );
    for chunk in entries.chunks(12) {
        out.push_str("   ");
        for (cp, _) in chunk {
            let _ = write!(out, " 0x{cp:X},");
        }
        out.push('\n');
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// For each key: offset into `POOL` shifted left by 8, or'ed with the length.\n\
         /// A length of 0 drops the character; its offset is 1 for a combining mark.\n\
         #[rustfmt::skip]\npub(crate) const VALUES: &[u32] = &[\n",
    );
    for chunk in entries.chunks(12) {
        out.push_str("   ");
        for (_, v) in chunk {
            let _ = write!(out, " 0x{v:X},");
        }
        out.push('\n');
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// `KEYS[PAGE_START[c >> 8]..PAGE_START[(c >> 8) + 1]]` holds the keys of page `c >> 8`.\n\
         #[rustfmt::skip]\npub(crate) const PAGE_START: &[u32] = &[\n",
    );
    for chunk in page_start.chunks(16) {
        out.push_str("   ");
        for v in chunk {
            let _ = write!(out, " {v},");
        }
        out.push('\n');
    }
    out.push_str("];\n");
    out
}

#[test]
fn fold_table_is_current() {
    let fresh = generate();
    if std::env::var_os("LURESCAN_REGENERATE").is_some() {
        std::fs::write(TABLE_PATH, &fresh).expect("write fold table");
        return;
    }
    let committed = std::fs::read_to_string(TABLE_PATH).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/normalize/fold_table.rs is stale: run LURESCAN_REGENERATE=1 cargo test --test generated_tables"
    );
}
