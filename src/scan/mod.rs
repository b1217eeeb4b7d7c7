//! Stage 3: lure signals in free text.
//!
//! A [`Scanner`] compiles a [`Lexicon`] once into one aho-corasick automaton
//! over normalised text, holding both the phrases that indicate a signal and
//! the word classes that proximity rules combine:
//!
//! - `paid_writing`: a written product (report, note, Gutachten) within
//!   twenty words of a payment word or a sum of money;
//! - `excessive_pay`: a sum of at least 1,000 per piece (500 per hour, 5,000
//!   per month) near a written product, or a phrase such as `well above
//!   market`; salaries, annual fees and day rates are not counted;
//! - `paid_travel`: travel (flights, hotel) within six words of covering
//!   (covered, funded, provided), in one sentence;
//! - `irregular_payment`: crypto, cash, gift cards, wallets within six words
//!   of a payment or a sum, in one sentence;
//! - `insider_info`: a request (share, send, bring) followed within six
//!   words of one sentence by a restricting word (internal, confidential,
//!   unpublished), besides its phrases;
//! - every other signal by its phrases (`W3Chat`, `Te1egram`, `w e c h a t`
//!   are caught by the normaliser; the scanner adds the `l`→`i` spelling of
//!   every phrase, since a leet `1` stands for either).
//!
//! # Context
//! A signal preceded in its sentence (within five words) by a negator
//! (`never`, `do not`, `without`, `their own`, `nicht`, `jamais`) is
//! dropped: "we will never ask for confidential information" is not a
//! request for it. A text with warning cues (`MI5`, `be wary`, `report any
//! suspicious`, `hostile actors`) describes lures rather than making one:
//! its signals keep a tenth of their weight. Cues of an accountable process
//! (an application, a contract, a conference, a published piece) are
//! counted for the assessment, which lets single weak signals in such texts
//! stay `clear`.

mod lexicon;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

pub use lexicon::{Lexicon, PhraseGroup, TermClass, MAX_LEXICON_BYTES};

use crate::normalize::{normalize, Normalized, Span};

/// A red flag the crate looks for (ids as in the evaluation contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Signal {
    /// Unsolicited praise of the target's profile, expertise or influence.
    Flattery,
    /// Paid reports, papers, analyses, briefings, trial pieces.
    PaidWriting,
    /// Pay far above the effort or the market.
    ExcessivePay,
    /// Asks for non-public, internal or confidential information.
    InsiderInfo,
    /// An all-expenses-paid trip.
    PaidTravel,
    /// Moving the talk off the platform.
    OffPlatform,
    /// Keep it discreet, tell nobody, delete the messages.
    Secrecy,
    /// Clients or partners that are never named.
    VagueClient,
    /// Cash, cryptocurrency, PayPal, gift cards, private accounts.
    IrregularPayment,
    /// Questions about clearance, access, committees, colleagues.
    AccessProbe,
    /// Long-term cooperation, relationship-building.
    LongTerm,
    /// Pressure, scarcity, exclusivity, hype.
    Urgency,
    /// An early request for a CV.
    CvRequest,
    /// Asks to install an app or open a file.
    AppInstall,
    /// Very few connections (metadata).
    ThinNetwork,
    /// A very recent account (metadata).
    NewAccount,
}

impl Signal {
    /// Every signal, in order.
    pub const ALL: [Signal; 16] = [
        Signal::Flattery,
        Signal::PaidWriting,
        Signal::ExcessivePay,
        Signal::InsiderInfo,
        Signal::PaidTravel,
        Signal::OffPlatform,
        Signal::Secrecy,
        Signal::VagueClient,
        Signal::IrregularPayment,
        Signal::AccessProbe,
        Signal::LongTerm,
        Signal::Urgency,
        Signal::CvRequest,
        Signal::AppInstall,
        Signal::ThinNetwork,
        Signal::NewAccount,
    ];

    /// The stable id (`paid_writing`).
    pub fn id(self) -> &'static str {
        match self {
            Signal::Flattery => "flattery",
            Signal::PaidWriting => "paid_writing",
            Signal::ExcessivePay => "excessive_pay",
            Signal::InsiderInfo => "insider_info",
            Signal::PaidTravel => "paid_travel",
            Signal::OffPlatform => "off_platform",
            Signal::Secrecy => "secrecy",
            Signal::VagueClient => "vague_client",
            Signal::IrregularPayment => "irregular_payment",
            Signal::AccessProbe => "access_probe",
            Signal::LongTerm => "long_term",
            Signal::Urgency => "urgency",
            Signal::CvRequest => "cv_request",
            Signal::AppInstall => "app_install",
            Signal::ThinNetwork => "thin_network",
            Signal::NewAccount => "new_account",
        }
    }

    /// The signal with this id.
    pub fn from_id(id: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.id() == id)
    }

    /// What a signal alone weighs in the assessment. Alone, the ones at
    /// 0.3 or more reach `review`; combinations carry the rest (see
    /// [`crate::assess`]).
    pub fn base_weight(self) -> f32 {
        match self {
            Signal::InsiderInfo => 0.35,
            Signal::AccessProbe
            | Signal::PaidTravel
            | Signal::VagueClient
            | Signal::Flattery
            | Signal::CvRequest => 0.3,
            Signal::PaidWriting
            | Signal::ExcessivePay
            | Signal::IrregularPayment
            | Signal::AppInstall => 0.25,
            Signal::Secrecy => 0.2,
            Signal::OffPlatform
            | Signal::LongTerm
            | Signal::Urgency
            | Signal::ThinNetwork
            | Signal::NewAccount => 0.15,
        }
    }

    /// A short description for explanations.
    pub fn describe(self) -> &'static str {
        match self {
            Signal::Flattery => "flatters the target",
            Signal::PaidWriting => "offers payment for writing",
            Signal::ExcessivePay => "offers pay far above the work",
            Signal::InsiderInfo => "asks for non-public information",
            Signal::PaidTravel => "offers a paid trip",
            Signal::OffPlatform => "moves the conversation off the platform",
            Signal::Secrecy => "asks for secrecy",
            Signal::VagueClient => "speaks for unnamed clients",
            Signal::IrregularPayment => "offers irregular payment",
            Signal::AccessProbe => "probes the target's access",
            Signal::LongTerm => "seeks a long-term relationship",
            Signal::Urgency => "presses with urgency or exclusivity",
            Signal::CvRequest => "asks for a CV",
            Signal::AppInstall => "asks to install software or open a file",
            Signal::ThinNetwork => "has very few connections",
            Signal::NewAccount => "has a very new account",
        }
    }
}

impl std::fmt::Display for Signal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Why a signal's weight was changed by its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Context {
    /// Nothing changed it.
    Plain,
    /// The text warns about or reports approaches: a tenth of the weight.
    Warning,
}

/// One signal found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalHit {
    /// Which signal.
    pub signal: Signal,
    /// Byte span in the scanned text.
    pub span: Span,
    /// The scanned text at `span`.
    pub matched: String,
    /// Weight after context, in [0, 1].
    pub weight: f32,
    /// What the context did.
    pub context: Context,
}

/// A signal that was found but dropped because it is negated.
#[derive(Debug, Clone, PartialEq)]
pub struct NegatedHit {
    /// Which signal.
    pub signal: Signal,
    /// Byte span of the signal's words in the scanned text.
    pub span: Span,
    /// The negating words.
    pub negator: String,
}

/// What a scan found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScanResult {
    /// The strongest hit per signal, strongest first.
    pub hits: Vec<SignalHit>,
    /// Signals dropped as negated.
    pub negated: Vec<NegatedHit>,
    /// Distinct warning cues in the text.
    pub warning_cues: usize,
    /// Distinct cues of an accountable process.
    pub legitimacy_cues: usize,
}

/// The lexicon compiled into one automaton. Immutable, `Send + Sync`,
/// cheap to clone.
///
/// # Resource usage
/// Building takes a few milliseconds for the built-in lexicon (about 1,500
/// patterns with their variants); [`Scanner::memory_usage`] reports its
/// size. Scanning is linear in the text: one pass of the normaliser, one of
/// the automaton, and rules over the matches within bounded windows.
#[derive(Debug, Clone)]
pub struct Scanner {
    inner: Arc<ScannerInner>,
}

#[derive(Debug)]
struct ScannerInner {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    /// Every raw phrase and term, for the baseline bench.
    raw: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
enum PatternKind {
    Phrase(Signal, f32),
    Term(TermClass),
}

#[derive(Debug, Clone)]
struct Pattern {
    kind: PatternKind,
    text: String,
}

/// Words a negator may stand before the words it negates.
const NEGATION_WINDOW: usize = 5;
/// Words between a written product and its payment.
const WRITING_PAY_WINDOW: usize = 20;
/// Words between travel and its being paid for.
const TRAVEL_WINDOW: usize = 6;
/// Words between an irregular means and a payment.
const IRREGULAR_WINDOW: usize = 6;
/// A sum this large with no unit is read as a salary, not a fee.
const SALARY_SIZED: f64 = 20_000.0;
/// Words between a request and what makes its object restricted.
const REQUEST_WINDOW: usize = 6;

/// A word of the normalised text, with where it came from.
#[derive(Debug, Clone)]
struct Word {
    range: std::ops::Range<usize>,
    span: Span,
    sentence: u32,
}

/// A match of one pattern over whole words `start..end`.
#[derive(Debug, Clone, Copy)]
struct Hit {
    pattern: u32,
    start: usize,
    end: usize,
}

/// A sum of money: its words and value.
#[derive(Debug, Clone, Copy)]
struct Money {
    start: usize,
    end: usize,
    value: f64,
}

impl Scanner {
    /// Compiles a lexicon.
    pub fn new(lexicon: &Lexicon) -> Scanner {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen: HashSet<(String, String)> = HashSet::new();
        let mut raw = Vec::new();
        let mut add = |kind: PatternKind, text: &str| {
            raw.push(text.to_string());
            let n = normalize(text);
            let base = n.as_str().to_string();
            // A leet `1` is folded to `i`, but it may stand for `l`
            // (`Te1egram`): add the `l`→`i` spelling of the phrase.
            let mut forms = vec![base.clone()];
            if base.contains('l') {
                forms.push(base.replace('l', "i"));
            }
            for f in forms {
                if f.is_empty() {
                    continue;
                }
                let key = (format!("{kind:?}"), f.clone());
                if seen.insert(key) {
                    patterns.push(Pattern { kind, text: f });
                }
            }
        };
        for (signal, weight, text) in lexicon.phrase_list() {
            add(PatternKind::Phrase(signal, weight), text);
        }
        for (class, text) in lexicon.term_list() {
            add(PatternKind::Term(class), text);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A full DFA: the lexicon is small (about two thousand patterns)
            // and searched over every message; measured 7% more assess
            // throughput than the default on `assess/english/100000`. The
            // name automaton keeps the default, as it grows with the
            // watchlist.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_str()))
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<&str>::new()).expect("an empty automaton builds")
            });
        Scanner {
            inner: Arc::new(ScannerInner {
                automaton,
                patterns,
                raw,
            }),
        }
    }

    /// A scanner of the built-in lexicon.
    pub fn builtin() -> Scanner {
        Scanner::new(&Lexicon::builtin())
    }

    /// Number of compiled patterns, variants included.
    pub fn patterns_len(&self) -> usize {
        self.inner.patterns.len()
    }

    /// The lexicon's phrases and terms as written, before normalisation (for
    /// baselines that search raw text).
    pub fn raw_patterns(&self) -> &[String] {
        &self.inner.raw
    }

    /// Bytes held by the automaton and its pattern table.
    pub fn memory_usage(&self) -> usize {
        self.inner.automaton.memory_usage()
            + self
                .inner
                .patterns
                .iter()
                .map(|p| p.text.capacity() + 48)
                .sum::<usize>()
    }

    /// Scans a text.
    pub fn scan(&self, text: &str) -> ScanResult {
        self.scan_normalized(text, &normalize(text))
    }

    /// Scans a text already normalised (`n` must be `normalize(text)`).
    pub fn scan_normalized(&self, text: &str, n: &Normalized) -> ScanResult {
        let words = words(text, n);
        if words.is_empty() {
            return ScanResult::default();
        }
        let hay = n.as_str();
        let bytes = hay.as_bytes();
        let word_at = |byte: usize| words.binary_search_by(|w| w.range.start.cmp(&byte)).ok();
        let word_ending = |byte: usize| words.binary_search_by(|w| w.range.end.cmp(&byte)).ok();
        let mut hits: Vec<Hit> = Vec::new();
        for m in self.inner.automaton.find_overlapping_iter(hay) {
            let (s, e) = (m.start(), m.end());
            let bounded =
                (s == 0 || bytes[s - 1] == b' ') && (e == bytes.len() || bytes[e] == b' ');
            if !bounded {
                continue;
            }
            if let (Some(a), Some(b)) = (word_at(s), word_ending(e)) {
                hits.push(Hit {
                    pattern: m.pattern().as_u32(),
                    start: a,
                    end: b + 1,
                });
            }
        }
        let pattern = |h: &Hit| &self.inner.patterns[h.pattern as usize];
        // Each class's matches, sorted by first word, so that the rules
        // below look only at matches within their window: the scan stays
        // linear however many terms a long text holds.
        let term_words = |class: TermClass| -> Vec<(usize, usize)> {
            let mut v: Vec<(usize, usize)> = hits
                .iter()
                .filter(|h| matches!(pattern(h).kind, PatternKind::Term(c) if c == class))
                .map(|h| (h.start, h.end))
                .collect();
            v.sort_unstable();
            v
        };
        let negators = term_words(TermClass::Negation);
        let currency = term_words(TermClass::Currency);
        let money = find_money(text, hay, &words, &currency);

        // (signal, first word, end word, weight, found by a proximity rule)
        let mut candidates: Vec<(Signal, usize, usize, f32, bool)> = Vec::new();
        for h in &hits {
            if let PatternKind::Phrase(signal, weight) = pattern(h).kind {
                candidates.push((signal, h.start, h.end, weight, false));
            }
        }
        let writing = term_words(TermClass::Writing);
        let pay = term_words(TermClass::Pay);
        let annual = term_words(TermClass::Annual);
        let travel = term_words(TermClass::Travel);
        let cover = term_words(TermClass::Cover);
        let irregular = term_words(TermClass::Irregular);
        let request = term_words(TermClass::Request);
        let restricted = term_words(TermClass::Restricted);
        // A salary or an annual fee is pay, but not pay for a piece of work
        // or for information.
        // Sums of 20,000 or more with no unit are salaries or budgets as
        // recruiters write them (`£55k–£62k`), not fees for a piece.
        let is_salary = |m: &Money| {
            m.value >= SALARY_SIZED
                || around(&annual, m.start, m.end, 3).iter().any(|&(s, e)| {
                    (s >= m.end && s <= m.end + 3) || (e <= m.start && e + 3 >= m.start)
                })
        };
        let sums: Vec<(usize, usize)> = money
            .iter()
            .filter(|m| !is_salary(m))
            .map(|m| (m.start, m.end))
            .collect();
        // Payment words and sums, in order of position.
        let mut paid: Vec<(usize, usize)> = pay.iter().chain(sums.iter()).copied().collect();
        paid.sort_unstable();
        let near = |a: (usize, usize), b: (usize, usize), window: usize| {
            a.0.max(b.0).saturating_sub(a.1.min(b.1)) <= window
        };
        // Words `a..b` lie in one sentence.
        let same_sentence =
            |a: usize, b: usize| words[a].sentence == words[b.saturating_sub(1).max(a)].sentence;
        let sentences_apart = |a: usize, b: usize| words[a].sentence.abs_diff(words[b].sentence);
        // Paid writing: a written product near a payment word or a sum, in
        // the same or the next sentence.
        for &w in &writing {
            let partner = around(&paid, w.0, w.1, WRITING_PAY_WINDOW)
                .iter()
                .copied()
                .find(|&p| near(w, p, WRITING_PAY_WINDOW) && sentences_apart(w.0, p.0) <= 1);
            if let Some(p) = partner {
                candidates.push((Signal::PaidWriting, w.0.min(p.0), w.1.max(p.1), 1.0, true));
            }
        }
        // Excessive pay: a large sum per piece, hour or month, near writing.
        for m in &money {
            let annual = around(&annual, m.start, m.end, 3);
            let writing = around(&writing, m.start, m.end, WRITING_PAY_WINDOW);
            if let Some(threshold) = excess_threshold(m, &words, hay, annual, writing) {
                if m.value >= threshold {
                    candidates.push((Signal::ExcessivePay, m.start, m.end, 1.0, true));
                }
            }
        }
        // Paid travel: travel and covering in one sentence, close together.
        for &t in &travel {
            if let Some(&c) = around(&cover, t.0, t.1, TRAVEL_WINDOW)
                .iter()
                .find(|&&c| near(t, c, TRAVEL_WINDOW) && same_sentence(t.0.min(c.0), t.1.max(c.1)))
            {
                candidates.push((Signal::PaidTravel, t.0.min(c.0), t.1.max(c.1), 1.0, true));
            }
        }
        // Irregular payment: crypto, cash or a wallet near a payment, in
        // one sentence.
        for &r in &irregular {
            let partner = around(&paid, r.0, r.1, IRREGULAR_WINDOW)
                .iter()
                .copied()
                .find(|&p| {
                    near(r, p, IRREGULAR_WINDOW) && same_sentence(r.0.min(p.0), r.1.max(p.1))
                });
            if let Some(p) = partner {
                candidates.push((
                    Signal::IrregularPayment,
                    r.0.min(p.0),
                    r.1.max(p.1),
                    1.0,
                    true,
                ));
            }
        }

        // Insider information: a request, then what makes its object
        // restricted (`share any internal notes`).
        for &q in &request {
            if let Some(&r) = around(&restricted, q.0, q.1, REQUEST_WINDOW)
                .iter()
                .find(|&&r| r.0 >= q.1 && r.0 - q.1 <= REQUEST_WINDOW && same_sentence(q.0, r.1))
            {
                candidates.push((Signal::InsiderInfo, q.0, r.1, 1.0, true));
            }
        }

        // A warning cue that is itself negated ("this is not phishing") is
        // no warning: a lure must not buy a discount with it.
        let negated_cue = |h: &Hit| {
            around(&negators, h.start, h.end, 3)
                .iter()
                .any(|&(ns, ne)| {
                    ne <= h.start
                        && h.start - ne <= 3
                        && words[ns].sentence == words[h.start].sentence
                })
        };
        let warning_cues = distinct_terms(&hits, |h| {
            matches!(pattern(h).kind, PatternKind::Term(TermClass::Warning)) && !negated_cue(h)
        });
        let legitimacy_cues = distinct_terms(&hits, |h| {
            matches!(pattern(h).kind, PatternKind::Term(TermClass::Legitimate))
        });
        let (context, factor) = if warning_cues > 0 {
            (Context::Warning, 0.1)
        } else {
            (Context::Plain, 1.0)
        };

        let mut best: HashMap<Signal, SignalHit> = HashMap::new();
        let mut negated: Vec<NegatedHit> = Vec::new();
        for (signal, start, end, weight, proximity) in candidates {
            let span = match (
                words.get(start),
                end.checked_sub(1).and_then(|e| words.get(e)),
            ) {
                (Some(a), Some(b)) => a.span.cover(b.span),
                _ => continue,
            };
            // A negator in the same sentence, shortly before or inside the
            // signal's words, cancels it.
            let negator =
                around(&negators, start, end, NEGATION_WINDOW)
                    .iter()
                    .find(|&&(ns, ne)| {
                        let before = ne <= start && start - ne <= NEGATION_WINDOW;
                        // Inside a proximity finding (`cover their own flights`); a
                        // phrase that holds a negator (`not yet public`) was matched
                        // as written.
                        let inside = proximity && ns >= start && ne <= end;
                        (before || inside) && words[ns].sentence == words[start].sentence
                    });
            if let Some(&(ns, ne)) = negator {
                let neg_span = words[ns].span.cover(words[ne - 1].span);
                negated.push(NegatedHit {
                    signal,
                    span,
                    negator: text.get(neg_span.range()).unwrap_or("").to_string(),
                });
                continue;
            }
            let w = (signal.base_weight() * weight * factor).clamp(0.0, 1.0);
            let hit = SignalHit {
                signal,
                span,
                matched: text.get(span.range()).unwrap_or("").to_string(),
                weight: w,
                context,
            };
            match best.get(&signal) {
                Some(b) if b.weight > w || (b.weight == w && b.span.start <= span.start) => {}
                _ => {
                    best.insert(signal, hit);
                }
            }
        }
        let mut hits: Vec<SignalHit> = best.into_values().collect();
        hits.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.signal.cmp(&b.signal)));
        negated.sort_by_key(|n| n.span.start);
        negated.dedup_by(|a, b| a.signal == b.signal && a.span == b.span);
        ScanResult {
            hits,
            negated,
            warning_cues,
            legitimacy_cues,
        }
    }
}

/// The longest term or phrase, in words, that the windows allow for.
const MAX_TERM_WORDS: usize = 12;

/// The matches of a sorted list that can lie within `window` words of the
/// words `start..end`: those whose first word is in
/// `start - window - MAX_TERM_WORDS ..= end + window`.
fn around(list: &[(usize, usize)], start: usize, end: usize, window: usize) -> &[(usize, usize)] {
    let lo = start.saturating_sub(window + MAX_TERM_WORDS);
    let hi = end + window;
    let a = list.partition_point(|t| t.0 < lo);
    let b = list.partition_point(|t| t.0 <= hi);
    &list[a..b.max(a)]
}

fn distinct_terms(hits: &[Hit], keep: impl Fn(&Hit) -> bool) -> usize {
    let mut ids: Vec<u32> = hits.iter().filter(|h| keep(h)).map(|h| h.pattern).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// The words of a normalised text with their original spans and sentence
/// numbers. A sentence ends where the original has `.`, `!`, `?`, `;`, a
/// line break or their CJK forms between two words.
fn words(text: &str, n: &Normalized) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut sentence = 0u32;
    for (range, _) in n.words() {
        let Some(span) = n.original_span(range.clone()) else {
            continue;
        };
        if let Some(prev) = out.last() {
            let between = text.get(prev.span.end..span.start).unwrap_or("");
            if ends_sentence(between) {
                sentence += 1;
            }
        }
        out.push(Word {
            range,
            span,
            sentence,
        });
    }
    out
}

/// Whether the text between two words ends a sentence: a byte test for
/// the ASCII marks (the common case, a few bytes between most words), and
/// a `char` search for the CJK full stops only in non-ASCII text.
fn ends_sentence(between: &str) -> bool {
    between
        .bytes()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'))
        || (!between.is_ascii() && between.contains(['。', '！', '？']))
}

/// Sums of money: numbers marked by a currency word beside them or a
/// currency sign in the original just before them. `2,000` and `5.000` are
/// normalised to two words and joined back; `80k` is 80,000.
fn find_money(text: &str, hay: &str, words: &[Word], currency: &[(usize, usize)]) -> Vec<Money> {
    let word = |i: usize| &hay[words[i].range.clone()];
    let number = |w: &str| -> Option<f64> {
        let (digits, mult) = match w.strip_suffix('k') {
            Some(d) => (d, 1_000.0),
            None => match w.strip_suffix('m') {
                Some(d) if !d.is_empty() => (d, 1_000_000.0),
                _ => (w, 1.0),
            },
        };
        if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<f64>().ok().map(|v| v * mult)
    };
    let is_currency_word = |i: usize| {
        around(currency, i, i + 1, 0)
            .iter()
            .any(|&(s, e)| s <= i && i < e)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(mut value) = number(word(i)) else {
            i += 1;
            continue;
        };
        let start = i;
        let mut end = i + 1;
        // Thousands groups: `2 000`, `10 000 000`.
        while end < words.len()
            && word(end).len() == 3
            && word(end).bytes().all(|b| b.is_ascii_digit())
        {
            value = value * 1000.0 + word(end).parse::<f64>().unwrap_or(0.0);
            end += 1;
        }
        if end < words.len() && (word(end) == "k" || word(end) == "000k") {
            value *= 1000.0;
            end += 1;
        }
        // A sign just before (`£2,000`) or, as written in much of Europe,
        // just after (`3 000 €`).
        let sign_before = {
            let mut from = words[start].span.start.saturating_sub(4);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            text.get(from..words[start].span.start)
                .unwrap_or("")
                .contains(['£', '$', '€', '¥'])
        };
        let sign_after = {
            let at = words[end - 1].span.end;
            let mut to = (at + 5).min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            text.get(at..to)
                .unwrap_or("")
                .trim_start()
                .starts_with(['£', '$', '€', '¥'])
        };
        let word_beside = (start > 0 && is_currency_word(start - 1))
            || (end < words.len() && is_currency_word(end));
        if sign_before || sign_after || word_beside {
            out.push(Money { start, end, value });
        }
        i = end;
    }
    out
}

/// The sum above which pay is excessive, by what it pays for: `None` for a
/// salary, an annual fee or a day rate, which this rule does not judge.
fn excess_threshold(
    m: &Money,
    words: &[Word],
    hay: &str,
    annual: &[(usize, usize)],
    writing: &[(usize, usize)],
) -> Option<f64> {
    let after: Vec<&str> = (m.end..(m.end + 4).min(words.len()))
        .map(|i| &hay[words[i].range.clone()])
        .collect();
    let before: Vec<&str> = (m.start.saturating_sub(3)..m.start)
        .map(|i| &hay[words[i].range.clone()])
        .collect();
    let has = |list: &[&str], w: &str| list.contains(&w);
    if has(&after, "hour") || has(&after, "hourly") || has(&after, "stunde") {
        return Some(500.0);
    }
    if has(&after, "month") || has(&after, "monthly") || has(&after, "monat") || has(&after, "mois")
    {
        // A monthly sum for a few hours a week (`2 hours per week, USD
        // 3,000 per month`) is judged as a fee, not a salary.
        let lo = m.start.saturating_sub(WRITING_PAY_WINDOW);
        let hi = (m.end + WRITING_PAY_WINDOW).min(words.len());
        let few_hours = (lo..hi).any(|i| {
            matches!(
                &hay[words[i].range.clone()],
                "hour" | "hours" | "stunden" | "heures"
            )
        });
        return Some(if few_hours { 1_000.0 } else { 5_000.0 });
    }
    // `1,000 USD for each survey`: a price per piece of work.
    let per_piece =
        has(&after, "each") || has(&after, "per") || (has(&after, "for") && has(&after, "every"));
    if per_piece
        && !after
            .iter()
            .take(3)
            .any(|w| matches!(*w, "year" | "annum" | "day" | "week"))
    {
        return Some(1_000.0);
    }
    let near_annual = annual
        .iter()
        .any(|&(s, e)| (s >= m.end && s <= m.end + 3) || (e <= m.start && e + 3 >= m.start));
    let per_day = has(&after, "day") || has(&after, "daily") || has(&before, "day");
    if near_annual || per_day {
        return None;
    }
    if m.value >= SALARY_SIZED {
        return None;
    }
    let near_writing = writing
        .iter()
        .any(|&(s, e)| s.max(m.start).saturating_sub(e.min(m.end)) <= WRITING_PAY_WINDOW);
    near_writing.then_some(1_000.0)
}
