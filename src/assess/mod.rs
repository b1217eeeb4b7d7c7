//! Stage 4: from an approach to an explained verdict.
//!
//! A [`Detector`] holds a [`NameIndex`] and a [`Scanner`], built once.
//! [`Detector::assess`] takes an [`Approach`] (sender profile fields, message
//! text, metadata; all optional) and returns an [`Assessment`]: a verdict,
//! a score in [0, 1], the findings in order of weight, and one sentence that
//! says why.
//!
//! # How evidence combines
//! Combinations carry the weight. Any of these makes an `alert` (score 0.7
//! or more):
//!
//! | rule | signals |
//! | --- | --- |
//! | information for reward | `insider_info` with pay, travel, an unnamed client, secrecy, moving off the platform, a long-term offer, flattery or access probing |
//! | access probing under cover | `access_probe` with moving off the platform, secrecy, insider requests, unnamed clients, paid travel, irregular or excessive pay |
//! | paid writing on odd terms | `paid_writing` with excessive or irregular pay, moving off the platform, an app to install or an unnamed client |
//! | money too good to be true | `excessive_pay` with moving off the platform, an unnamed client, irregular payment, an app, urgency or secrecy |
//! | a trip with strings | `paid_travel` with insider requests, access probing, secrecy, excessive pay, a long-term offer or flattery |
//! | irregular payment for something | `irregular_payment` with insider requests, paid writing, unnamed clients, excessive pay, secrecy or access probing |
//! | malware-style recruiting | `app_install` with paid writing, excessive or irregular pay, or urgency |
//! | a crowded profile | three or more lure signals from a thin or new account |
//! | a watchlisted sender | a persona or firm of the watchlist in the sender's name, company or headline, with any lure signal or a thin or new account, or a persona together with a firm |
//!
//! Otherwise the score is the sum of what was found, capped below `alert`:
//! each signal's [base weight](Signal::base_weight) (0.15 to 0.35), a
//! watchlisted sender 0.3 (0.1 when the account is established: 200
//! connections or a year old), a watchlisted name mentioned in the text
//! 0.35. Cues of an accountable process (an application, a contract, a
//! conference), and explicit disclaimers ("do not share any confidential
//! information"), scale the signals' part by 0.75 (one cue) or 0.4 (two or
//! more); an established account (200 connections or a year old) scales it
//! by a further 0.75. `review` starts at [`REVIEW_THRESHOLD`]: one weak signal, or a
//! bare mention of a watchlisted name in news or a warning, is `review`;
//! ordinary recruiting and invitations stay `clear` even when they mention
//! fees, travel or WeChat.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::names::{NameIndex, NameKind, NameMatch};
use crate::normalize::{normalize, truncate_to_boundary, Span};
use crate::scan::{Lexicon, ScanResult, Scanner, Signal};
use crate::watchlist::Watchlist;

/// Scores at or above this are `alert`.
pub const ALERT_THRESHOLD: f32 = 0.7;
/// Scores at or above this (and below [`ALERT_THRESHOLD`]) are `review`.
pub const REVIEW_THRESHOLD: f32 = 0.3;
/// Fewer connections than this is a thin network.
pub const THIN_NETWORK_BELOW: u64 = 40;
/// An account younger than this many days is new.
pub const NEW_ACCOUNT_BELOW_DAYS: u64 = 90;
/// Profile fields longer than this are read up to this many bytes.
pub const MAX_PROFILE_FIELD_BYTES: usize = 4096;
/// Message text longer than this is read up to this many bytes (64 MiB).
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// Scores are sums of `f32` weights; this absorbs their rounding.
const EPSILON: f32 = 1e-4;

/// The sender of an approach, as a profile shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sender {
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Headline or title line.
    #[serde(default)]
    pub headline: Option<String>,
    /// Company or organisation.
    #[serde(default)]
    pub company: Option<String>,
    /// Number of connections, when known.
    #[serde(default)]
    pub connections: Option<u64>,
    /// Age of the account in days, when known.
    #[serde(default)]
    pub account_age_days: Option<u64>,
}

/// An approach to assess: a sender and a message (or a thread).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Approach {
    /// Who sent it.
    #[serde(default)]
    pub sender: Sender,
    /// The message text.
    #[serde(default)]
    pub text: Option<String>,
}

impl Approach {
    /// An approach with only a message text.
    pub fn from_text(text: impl Into<String>) -> Approach {
        Approach {
            sender: Sender::default(),
            text: Some(text.into()),
        }
    }

    /// Sets the sender's name.
    pub fn sender_name(mut self, name: impl Into<String>) -> Approach {
        self.sender.name = Some(name.into());
        self
    }

    /// Sets the sender's headline.
    pub fn sender_headline(mut self, headline: impl Into<String>) -> Approach {
        self.sender.headline = Some(headline.into());
        self
    }

    /// Sets the sender's company.
    pub fn sender_company(mut self, company: impl Into<String>) -> Approach {
        self.sender.company = Some(company.into());
        self
    }

    /// Sets the sender's number of connections.
    pub fn connections(mut self, n: u64) -> Approach {
        self.sender.connections = Some(n);
        self
    }

    /// Sets the age of the sender's account in days.
    pub fn account_age_days(mut self, days: u64) -> Approach {
        self.sender.account_age_days = Some(days);
        self
    }

    /// Sets the message text.
    pub fn text(mut self, text: impl Into<String>) -> Approach {
        self.text = Some(text.into());
        self
    }
}

/// Which input field a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `sender.name`
    SenderName,
    /// `sender.company`
    SenderCompany,
    /// `sender.headline`
    SenderHeadline,
    /// `text`
    Text,
    /// `sender.connections`
    SenderConnections,
    /// `sender.account_age_days`
    SenderAccountAge,
}

impl Field {
    /// The field's name as in the JSON input (`sender.name`).
    pub fn name(self) -> &'static str {
        match self {
            Field::SenderName => "sender.name",
            Field::SenderCompany => "sender.company",
            Field::SenderHeadline => "sender.headline",
            Field::Text => "text",
            Field::SenderConnections => "sender.connections",
            Field::SenderAccountAge => "sender.account_age_days",
        }
    }

    fn is_sender_profile(self) -> bool {
        matches!(
            self,
            Field::SenderName | Field::SenderCompany | Field::SenderHeadline
        )
    }
}

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FindingKind {
    /// A watchlisted persona.
    Persona,
    /// A watchlisted firm.
    Firm,
    /// A lure signal.
    Signal,
}

impl FindingKind {
    /// `persona`, `firm` or `signal`.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Persona => "persona",
            FindingKind::Firm => "firm",
            FindingKind::Signal => "signal",
        }
    }
}

/// One piece of evidence, pointing at the bytes that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Persona, firm or signal.
    pub kind: FindingKind,
    /// The watchlist id or the signal id.
    pub id: String,
    /// The field it is in.
    pub field: Field,
    /// Byte span in that field's original string (`None` for metadata).
    pub span: Option<Span>,
    /// The field's text at `span` (for metadata, the value).
    pub matched: String,
    /// Match strength in [0, 1]: the name similarity, or the signal's
    /// weight relative to its base weight after context.
    pub score: f32,
    /// What it added to the assessment's score.
    pub contribution: f32,
    /// How it matched, for a reviewer (`romanisation`, `homoglyphs folded`,
    /// `in a warning`).
    pub note: String,
}

/// The judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Verdict {
    /// Nothing to act on.
    Clear,
    /// A person should look.
    Review,
    /// Act on it.
    Alert,
}

impl Verdict {
    /// `alert`, `review` or `clear`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Alert => "alert",
            Verdict::Review => "review",
            Verdict::Clear => "clear",
        }
    }

    /// The verdict for a score, by [`ALERT_THRESHOLD`] and [`REVIEW_THRESHOLD`].
    pub fn from_score(score: f32) -> Verdict {
        if score + EPSILON >= ALERT_THRESHOLD {
            Verdict::Alert
        } else if score + EPSILON >= REVIEW_THRESHOLD {
            Verdict::Review
        } else {
            Verdict::Clear
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The result of assessing an approach.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The judgement.
    pub verdict: Verdict,
    /// Overall risk in [0, 1]; `verdict` follows from it.
    pub score: f32,
    /// The evidence, heaviest first.
    pub findings: Vec<Finding>,
    /// One sentence saying why the verdict is what it is.
    pub reason: String,
    /// Signals found but dropped because the text negates them.
    pub negated: Vec<(Signal, Field, Span)>,
}

/// Assesses approaches. Build once; immutable, `Send + Sync`, cheap to
/// clone.
///
/// # Resource usage
/// Building the built-in detector takes a few milliseconds. Assessing is
/// linear in the size of the approach; message text over
/// [`MAX_TEXT_BYTES`] and profile fields over [`MAX_PROFILE_FIELD_BYTES`]
/// are read up to those sizes (the reason says so).
#[derive(Debug, Clone)]
pub struct Detector {
    inner: Arc<DetectorInner>,
}

#[derive(Debug)]
struct DetectorInner {
    names: NameIndex,
    scanner: Scanner,
}

impl Default for Detector {
    fn default() -> Detector {
        Detector::builtin()
    }
}

/// A signal present in the approach, with where it was found.
#[derive(Debug, Clone)]
struct Present {
    signal: Signal,
    field: Field,
    span: Option<Span>,
    matched: String,
    weight: f32,
    warning: bool,
}

impl Detector {
    /// A detector of the built-in watchlist and lexicon.
    pub fn builtin() -> Detector {
        Detector::new(&Watchlist::builtin(), &Lexicon::builtin())
    }

    /// A detector of a watchlist and a lexicon.
    pub fn new(watchlist: &Watchlist, lexicon: &Lexicon) -> Detector {
        Detector {
            inner: Arc::new(DetectorInner {
                names: NameIndex::new(watchlist),
                scanner: Scanner::new(lexicon),
            }),
        }
    }

    /// The name index inside.
    pub fn names(&self) -> &NameIndex {
        &self.inner.names
    }

    /// The signal scanner inside.
    pub fn scanner(&self) -> &Scanner {
        &self.inner.scanner
    }

    /// Assesses many approaches on all available cores, in input order.
    pub fn assess_all(&self, approaches: &[Approach]) -> Vec<Assessment> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(approaches.len().max(1));
        if threads <= 1 {
            return approaches.iter().map(|a| self.assess(a)).collect();
        }
        let chunk = approaches.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = approaches
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|a| self.assess(a)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// Assesses one approach. Never fails and never panics: any input gets
    /// a verdict.
    pub fn assess(&self, approach: &Approach) -> Assessment {
        let mut truncated = false;
        let mut field = |value: &Option<String>, max: usize| -> Option<String> {
            let v = value.as_deref()?;
            let capped = truncate_to_boundary(v, max);
            truncated |= capped.len() < v.len();
            (!capped.trim().is_empty()).then(|| capped.to_string())
        };
        let name = field(&approach.sender.name, MAX_PROFILE_FIELD_BYTES);
        let company = field(&approach.sender.company, MAX_PROFILE_FIELD_BYTES);
        let headline = field(&approach.sender.headline, MAX_PROFILE_FIELD_BYTES);
        let text = field(&approach.text, MAX_TEXT_BYTES);

        let names = &self.inner.names;
        let mut identities: Vec<(Field, NameMatch)> = Vec::new();
        if let Some(n) = &name {
            let persons = names.match_person(n);
            if persons.is_empty() {
                identities.extend(
                    names
                        .find_in_text(n)
                        .into_iter()
                        .map(|m| (Field::SenderName, m)),
                );
            }
            identities.extend(persons.into_iter().map(|m| (Field::SenderName, m)));
        }
        // Each profile field is normalised once, for names and signals.
        let company_norm = company.as_deref().map(normalize);
        let headline_norm = headline.as_deref().map(normalize);
        if let (Some(c), Some(n)) = (&company, &company_norm) {
            identities.extend(
                names
                    .find_firms_in_normalized(c, n)
                    .into_iter()
                    .map(|m| (Field::SenderCompany, m)),
            );
            identities.extend(
                names
                    .find_in_normalized(c, n)
                    .into_iter()
                    .filter(|m| m.kind == NameKind::Person)
                    .map(|m| (Field::SenderCompany, m)),
            );
        }
        if let (Some(h), Some(n)) = (&headline, &headline_norm) {
            identities.extend(
                names
                    .find_firms_in_normalized(h, n)
                    .into_iter()
                    .map(|m| (Field::SenderHeadline, m)),
            );
            identities.extend(
                names
                    .find_in_normalized(h, n)
                    .into_iter()
                    .map(|m| (Field::SenderHeadline, m)),
            );
        }
        let text_norm = text.as_deref().map(normalize);
        if let (Some(t), Some(n)) = (&text, &text_norm) {
            identities.extend(
                names
                    .find_in_normalized(t, n)
                    .into_iter()
                    .map(|m| (Field::Text, m)),
            );
        }
        let identities = best_identities(identities);

        // Signals in the text and the profile fields.
        let scanner = &self.inner.scanner;
        let mut scans: Vec<(Field, ScanResult)> = Vec::new();
        if let (Some(t), Some(n)) = (&text, &text_norm) {
            scans.push((Field::Text, scanner.scan_normalized(t, n)));
        }
        for (f, v, n) in [
            (Field::SenderHeadline, &headline, &headline_norm),
            (Field::SenderCompany, &company, &company_norm),
        ] {
            if let (Some(v), Some(n)) = (v, n) {
                scans.push((f, scanner.scan_normalized(v, n)));
            }
        }
        // An explicit disclaimer ("do not share any confidential
        // information", "we never pay in gift cards") is itself a mark of an
        // accountable process.
        let disclaimers = scans
            .iter()
            .flat_map(|(_, s)| &s.negated)
            .filter(|n| {
                matches!(
                    n.signal,
                    Signal::InsiderInfo
                        | Signal::IrregularPayment
                        | Signal::OffPlatform
                        | Signal::Secrecy
                )
            })
            .count();
        let legitimacy: usize =
            scans.iter().map(|(_, s)| s.legitimacy_cues).sum::<usize>() + disclaimers;
        let warning = scans
            .iter()
            .any(|(f, s)| *f == Field::Text && s.warning_cues > 0);
        let mut present: Vec<Present> = Vec::new();
        let mut negated = Vec::new();
        for (f, s) in &scans {
            for h in &s.hits {
                present.push(Present {
                    signal: h.signal,
                    field: *f,
                    span: Some(h.span),
                    matched: h.matched.clone(),
                    weight: h.weight,
                    warning: h.context == crate::scan::Context::Warning,
                });
            }
            negated.extend(s.negated.iter().map(|n| (n.signal, *f, n.span)));
        }
        if let Some(c) = approach.sender.connections {
            if c < THIN_NETWORK_BELOW {
                present.push(metadata(Signal::ThinNetwork, Field::SenderConnections, c));
            }
        }
        if let Some(d) = approach.sender.account_age_days {
            if d < NEW_ACCOUNT_BELOW_DAYS {
                present.push(metadata(Signal::NewAccount, Field::SenderAccountAge, d));
            }
        }
        // One entry per signal: the heaviest.
        present.sort_by(|a, b| a.signal.cmp(&b.signal).then(b.weight.total_cmp(&a.weight)));
        present.dedup_by(|a, b| a.signal == b.signal);

        let established = approach.sender.connections.is_some_and(|c| c >= 200)
            || approach.sender.account_age_days.is_some_and(|d| d >= 365);
        judge(
            identities,
            present,
            negated,
            legitimacy,
            warning,
            established,
            truncated,
        )
    }
}

fn metadata(signal: Signal, field: Field, value: u64) -> Present {
    Present {
        signal,
        field,
        span: None,
        matched: value.to_string(),
        weight: signal.base_weight(),
        warning: false,
    }
}

/// The best match per watchlist entry, preferring the sender's own fields.
fn best_identities(mut all: Vec<(Field, NameMatch)>) -> Vec<(Field, NameMatch)> {
    all.sort_by(|a, b| {
        (a.1.kind as u8, &a.1.id)
            .cmp(&(b.1.kind as u8, &b.1.id))
            .then(b.0.is_sender_profile().cmp(&a.0.is_sender_profile()))
            .then(b.1.score.total_cmp(&a.1.score))
            .then(a.0.cmp(&b.0))
    });
    all.dedup_by(|a, b| a.1.kind == b.1.kind && a.1.id == b.1.id);
    all
}

/// Partners of each alert rule's lead signal; see the module docs.
const RULES: &[(Signal, &[Signal], &str)] = &[
    (
        Signal::InsiderInfo,
        &[
            Signal::PaidWriting,
            Signal::ExcessivePay,
            Signal::IrregularPayment,
            Signal::PaidTravel,
            Signal::VagueClient,
            Signal::Secrecy,
            Signal::OffPlatform,
            Signal::LongTerm,
            Signal::Flattery,
            Signal::AccessProbe,
        ],
        "asks for non-public information",
    ),
    (
        Signal::AccessProbe,
        &[
            Signal::OffPlatform,
            Signal::Secrecy,
            Signal::InsiderInfo,
            Signal::VagueClient,
            Signal::PaidTravel,
            Signal::IrregularPayment,
            Signal::ExcessivePay,
        ],
        "probes the target's access",
    ),
    (
        Signal::PaidWriting,
        &[
            Signal::ExcessivePay,
            Signal::IrregularPayment,
            Signal::OffPlatform,
            Signal::AppInstall,
            Signal::VagueClient,
        ],
        "offers paid writing",
    ),
    (
        Signal::ExcessivePay,
        &[
            Signal::OffPlatform,
            Signal::VagueClient,
            Signal::IrregularPayment,
            Signal::AppInstall,
            Signal::Urgency,
            Signal::Secrecy,
        ],
        "offers pay far above the work",
    ),
    (
        Signal::PaidTravel,
        &[
            Signal::InsiderInfo,
            Signal::AccessProbe,
            Signal::Secrecy,
            Signal::ExcessivePay,
            Signal::LongTerm,
            Signal::Flattery,
        ],
        "offers a paid trip",
    ),
    (
        Signal::IrregularPayment,
        &[
            Signal::InsiderInfo,
            Signal::PaidWriting,
            Signal::VagueClient,
            Signal::ExcessivePay,
            Signal::Secrecy,
            Signal::AccessProbe,
        ],
        "offers irregular payment",
    ),
    (
        Signal::AppInstall,
        &[
            Signal::PaidWriting,
            Signal::ExcessivePay,
            Signal::IrregularPayment,
            Signal::Urgency,
        ],
        "asks to install software",
    ),
];

/// A present signal counts towards rules when its weight survived its
/// context (a warning keeps a tenth, below this).
const PRESENT_WEIGHT: f32 = 0.1;

fn judge(
    identities: Vec<(Field, NameMatch)>,
    present: Vec<Present>,
    negated: Vec<(Signal, Field, Span)>,
    legitimacy: usize,
    warning: bool,
    established: bool,
    truncated: bool,
) -> Assessment {
    let has = |s: Signal| {
        present
            .iter()
            .any(|p| p.signal == s && p.weight >= PRESENT_WEIGHT)
    };
    let lure_signals: Vec<Signal> = present
        .iter()
        .filter(|p| {
            p.weight >= PRESENT_WEIGHT
                && !matches!(p.signal, Signal::ThinNetwork | Signal::NewAccount)
        })
        .map(|p| p.signal)
        .collect();
    let anomalies = has(Signal::ThinNetwork) || has(Signal::NewAccount);

    // Which combinations fire, and which signals they involve.
    let mut fired: Vec<(&str, Signal, Vec<Signal>)> = Vec::new();
    for &(lead, partners, what) in RULES {
        if !has(lead) {
            continue;
        }
        let with: Vec<Signal> = partners.iter().copied().filter(|&p| has(p)).collect();
        if !with.is_empty() {
            fired.push((what, lead, with));
        }
    }
    let sender_persona = identities
        .iter()
        .find(|(f, m)| f.is_sender_profile() && m.kind == NameKind::Person);
    let sender_firm = identities
        .iter()
        .find(|(f, m)| f.is_sender_profile() && m.kind == NameKind::Firm);
    let mentioned = identities.iter().find(|(f, _)| !f.is_sender_profile());
    let watchlisted_sender = sender_persona.or(sender_firm);
    // Several red flags at once from a thin or new profile.
    let crowded = lure_signals.len() >= 3 && anomalies;
    let identity_alert = watchlisted_sender.is_some()
        && (!lure_signals.is_empty()
            || anomalies
            || (sender_persona.is_some() && sender_firm.is_some()));

    let involved = |s: Signal| {
        fired
            .iter()
            .any(|(_, lead, with)| *lead == s || with.contains(&s))
    };
    let signal_sum: f32 = present.iter().map(|p| p.weight).sum();
    let legit_factor = match legitimacy {
        0 => 1.0,
        1 => 0.75,
        _ => 0.4,
    };
    // One odd request from an established account (200 connections or a
    // year old) is less telling than from a fresh profile.
    let legit_factor = if established {
        legit_factor * 0.75
    } else {
        legit_factor
    };
    let sender_weight = match watchlisted_sender {
        Some(_) if established && lure_signals.is_empty() && !anomalies => 0.1,
        Some(_) => 0.3,
        None => 0.0,
    };
    let mention_weight = if mentioned.is_some() && watchlisted_sender.is_none() {
        0.35
    } else {
        0.0
    };

    let alert = !fired.is_empty() || identity_alert || crowded;
    let score = if alert {
        let extra = lure_signals.len().saturating_sub(2) as f32 * 0.04;
        let identity = if watchlisted_sender.is_some() {
            0.1
        } else {
            0.0
        };
        (ALERT_THRESHOLD + 0.1 + extra + identity).min(1.0)
    } else {
        (signal_sum * legit_factor + sender_weight + mention_weight).min(ALERT_THRESHOLD - 0.01)
    };
    let verdict = Verdict::from_score(score);

    // Findings with their contributions.
    let mut findings: Vec<Finding> = Vec::new();
    for (field, m) in &identities {
        let contribution = if field.is_sender_profile() {
            sender_weight.max(if alert { 0.1 } else { 0.0 })
        } else {
            mention_weight
        };
        let mut notes: Vec<String> = Vec::new();
        if m.pairs.iter().any(|p| p.how != crate::names::How::Exact) {
            let hows: Vec<String> = m
                .pairs
                .iter()
                .filter(|p| p.how != crate::names::How::Exact)
                .map(|p| p.how.to_string())
                .collect();
            notes.push(hows.join(", "));
        }
        if m.folded {
            notes.push("evasion folded (homoglyphs, invisible or styled characters)".into());
        }
        notes.push(format!("matches {:?}", m.form));
        findings.push(Finding {
            kind: if m.kind == NameKind::Person {
                FindingKind::Persona
            } else {
                FindingKind::Firm
            },
            id: m.id.clone(),
            field: *field,
            span: Some(m.span),
            matched: m.matched.clone(),
            score: m.score,
            contribution,
            note: notes.join("; "),
        });
    }
    for p in &present {
        let base = p.signal.base_weight();
        let contribution = if alert && involved(p.signal) {
            p.weight
        } else {
            p.weight * legit_factor
        };
        let note = if p.warning {
            "in a text that warns about or reports approaches".to_string()
        } else {
            p.signal.describe().to_string()
        };
        findings.push(Finding {
            kind: FindingKind::Signal,
            id: p.signal.id().to_string(),
            field: p.field,
            span: p.span,
            matched: p.matched.clone(),
            score: (p.weight / base).clamp(0.0, 1.0),
            contribution,
            note,
        });
    }
    findings.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(a.field.cmp(&b.field))
    });

    let mut reason = reason(
        verdict,
        &fired,
        watchlisted_sender,
        mentioned,
        &lure_signals,
        anomalies,
        warning,
        legitimacy,
    );
    if truncated {
        reason.push_str(" (input over the size limit was read in part)");
    }
    Assessment {
        verdict,
        score: score.clamp(0.0, 1.0),
        findings,
        reason,
        negated,
    }
}

#[allow(clippy::too_many_arguments)]
fn reason(
    verdict: Verdict,
    fired: &[(&str, Signal, Vec<Signal>)],
    sender: Option<&(Field, NameMatch)>,
    mentioned: Option<&(Field, NameMatch)>,
    lure: &[Signal],
    anomalies: bool,
    warning: bool,
    legitimacy: usize,
) -> String {
    let list = |v: &[Signal]| v.iter().map(|s| s.id()).collect::<Vec<_>>().join(", ");
    match verdict {
        Verdict::Alert => {
            if let Some((what, lead, with)) = fired.first() {
                let mut s = format!(
                    "alert: the approach {what} ({}) together with {}",
                    lead.id(),
                    list(with)
                );
                if let Some((f, m)) = sender {
                    s.push_str(&format!(", from watchlisted {} in {}", m.id, f.name()));
                }
                s
            } else if sender.is_none() {
                format!(
                    "alert: several red flags ({}) from a thin or new profile",
                    list(lure)
                )
            } else if let Some((f, m)) = sender {
                let what = if lure.is_empty() && !anomalies {
                    "a watchlisted persona and firm together".to_string()
                } else if lure.is_empty() {
                    "with a thin or new account".to_string()
                } else {
                    format!("with lure signals ({})", list(lure))
                };
                format!(
                    "alert: the sender matches watchlisted {} in {}, {what}",
                    m.id,
                    f.name()
                )
            } else {
                "alert".to_string()
            }
        }
        Verdict::Review => {
            if let Some((_, m)) = sender {
                format!(
                    "review: the sender matches watchlisted {}, with no lure signal",
                    m.id
                )
            } else if let Some((_, m)) = mentioned {
                let context = if warning {
                    "a warning or report"
                } else {
                    "the text"
                };
                format!(
                    "review: watchlisted {} is mentioned in {context}; no lure combination",
                    m.id
                )
            } else if lure.is_empty() {
                "review: the profile is thin or new, with nothing else to go on".to_string()
            } else if anomalies {
                format!(
                    "review: weak signals ({}) from a thin or new profile, but no combination that makes a lure",
                    list(lure)
                )
            } else {
                format!(
                    "review: weak signals ({}) but no combination that makes a lure",
                    list(lure)
                )
            }
        }
        Verdict::Clear => {
            if warning {
                "clear: the text describes or warns about lures rather than making one".to_string()
            } else if lure.is_empty() && sender.is_none() {
                "clear: no lure signals".to_string()
            } else if legitimacy > 0 && !lure.is_empty() {
                format!(
                    "clear: only weak signals ({}) in a message with marks of an ordinary process",
                    list(lure)
                )
            } else if let Some((_, m)) = sender {
                format!("clear: the sender's name matches {} but the account is established and the message carries no lure", m.id)
            } else {
                format!("clear: only weak signals ({})", list(lure))
            }
        }
    }
}
