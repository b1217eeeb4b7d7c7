//! Person-name similarity: order-free token alignment with initials,
//! nicknames, surname romanisations, joined tokens and short-token-aware
//! typos.

use super::tokens::Token;
use super::variants::{
    edit_budget, edit_distance_within, is_known_surname, same_given_name, same_surname,
};
use super::{How, TokenPair};

/// Names longer than this many tokens are compared on their first tokens
/// only, which keeps the alignment search bounded (6! orders at most).
pub(crate) const MAX_TOKENS: usize = 6;

/// Factor for each token of the longer name left unmatched (a middle name).
const EXTRA_TOKEN_FACTOR: f32 = 0.9;
/// Factor when the tokens match in another order (`Qiu Amanda`).
const REORDERED_FACTOR: f32 = 0.98;

/// How alike two tokens are as parts of a person's name.
pub(crate) fn token_similarity(a: &Token, b: &Token) -> Option<(f32, How)> {
    if a.text == b.text {
        return Some((1.0, How::Exact));
    }
    let (ai, bi) = (a.is_initial(), b.is_initial());
    if ai || bi {
        if ai && bi {
            return None;
        }
        let (init, full) = if ai { (a, b) } else { (b, a) };
        return full
            .text
            .starts_with(init.text.as_str())
            .then_some((0.75, How::Initial));
    }
    if same_surname(&a.text, &b.text) {
        return Some((0.92, How::Romanization));
    }
    if same_given_name(&a.text, &b.text) {
        return Some((0.9, How::Nickname));
    }
    // Two different known surnames are two families, however close they
    // are in spelling (Chen/Shen, Li/Liu).
    if is_known_surname(&a.text) && is_known_surname(&b.text) {
        return None;
    }
    let len = a.text.chars().count().min(b.text.chars().count());
    let d = edit_distance_within(&a.text, &b.text, edit_budget(len))?;
    Some((0.88, How::Edit(d as u8)))
}

/// The best one-to-one alignment of tokens, as pairs `(i in a, j in b,
/// similarity, how)`, maximising the summed similarity with at most one
/// pair made by an initial.
pub(crate) fn align<F>(a: &[Token], b: &[Token], sim: F) -> Vec<(usize, usize, f32, How)>
where
    F: Fn(&Token, &Token) -> Option<(f32, How)>,
{
    let matrix: Vec<Vec<Option<(f32, How)>>> = a
        .iter()
        .map(|x| b.iter().map(|y| sim(x, y)).collect())
        .collect();
    let mut best: (f32, Vec<(usize, usize, f32, How)>) = (0.0, Vec::new());
    let mut current = Vec::new();
    search(&matrix, 0, 0u64, false, 0.0, &mut current, &mut best);
    best.1
}

fn search(
    m: &[Vec<Option<(f32, How)>>],
    i: usize,
    used: u64,
    initial_used: bool,
    sum: f32,
    current: &mut Vec<(usize, usize, f32, How)>,
    best: &mut (f32, Vec<(usize, usize, f32, How)>),
) {
    if i == m.len() {
        // Prefer more pairs, then a higher sum, then the written order: a
        // complete alignment beats a partial one with a higher total, and
        // ties resolve the same way whichever name comes first.
        let in_order = |v: &[(usize, usize, f32, How)]| v.windows(2).all(|w| w[0].1 < w[1].1);
        let key = (current.len(), sum, in_order(current));
        let best_key = (best.1.len(), best.0, in_order(&best.1));
        let better = key.0 > best_key.0
            || (key.0 == best_key.0
                && (key.1 > best_key.1 || (key.1 == best_key.1 && key.2 && !best_key.2)));
        if better {
            *best = (sum, current.clone());
        }
        return;
    }
    for (j, cell) in m[i].iter().enumerate() {
        let Some((s, how)) = *cell else { continue };
        if used & (1 << j) != 0 || (how == How::Initial && initial_used) {
            continue;
        }
        current.push((i, j, s, how));
        search(
            m,
            i + 1,
            used | (1 << j),
            initial_used || how == How::Initial,
            sum + s,
            current,
            best,
        );
        current.pop();
    }
    search(m, i + 1, used, initial_used, sum, current, best);
}

/// Similarity of two tokenised person names in [0, 1], with the token pairs
/// that carry it; `None` when they cannot be the same name. Symmetric.
pub(crate) fn compare(a: &[Token], b: &[Token]) -> Option<(f32, Vec<TokenPair>)> {
    let a = &a[..a.len().min(MAX_TOKENS)];
    let b = &b[..b.len().min(MAX_TOKENS)];
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a.len() == 1 && b.len() >= 2 {
        return joined(&a[0], b, false);
    }
    if b.len() == 1 && a.len() >= 2 {
        return joined(&b[0], a, true);
    }
    let pairs = align(a, b, token_similarity);
    let shorter = a.len().min(b.len());
    let m = pairs.len();
    let initials = pairs.iter().filter(|p| p.3 == How::Initial).count();
    if m != shorter || m == 0 || initials >= m {
        return None;
    }
    let mut score = pairs.iter().map(|p| p.2).sum::<f32>() / m as f32;
    let extra = a.len().max(b.len()) - m;
    score *= EXTRA_TOKEN_FACTOR.powi(extra as i32);
    let in_order = pairs.windows(2).all(|w| w[0].1 < w[1].1);
    if !in_order {
        score *= REORDERED_FACTOR;
    }
    let explained = pairs
        .iter()
        .map(|&(i, j, s, how)| TokenPair {
            left: a[i].text.clone(),
            right: b[j].text.clone(),
            how,
            score: s,
        })
        .collect();
    Some((score.clamp(0.0, 1.0), explained))
}

/// One token against a name of several: a joined name (`AmandaQiu`).
fn joined(single: &Token, many: &[Token], single_is_right: bool) -> Option<(f32, Vec<TokenPair>)> {
    let forward: String = many.iter().map(|t| t.text.as_str()).collect();
    let backward: String = many.iter().rev().map(|t| t.text.as_str()).collect();
    // Joined and misspelt at once is not matched: it would need typo keys
    // for every joined form in the index, for a rare evasion.
    let score = if single.text == forward {
        0.97
    } else if single.text == backward {
        0.97 * REORDERED_FACTOR
    } else {
        return None;
    };
    let whole = many
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (left, right) = if single_is_right {
        (whole, single.text.clone())
    } else {
        (single.text.clone(), whole)
    };
    Some((
        score,
        vec![TokenPair {
            left,
            right,
            how: How::Joined,
            score,
        }],
    ))
}
