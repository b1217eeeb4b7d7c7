//! lurescan detects hostile-state recruitment approaches on professional
//! networks: fake head-hunter personas, cover firms and lure messages.
//!
//! Data flows through four stages, one module each:
//!
//! - [`mod@normalize`]: folds hostile text (compatibility forms, case,
//!   diacritics, invisible characters, look-alike letters, separators,
//!   leetspeak, spaced letters) into a canonical form, and maps every byte
//!   of it back to the original ([`Normalized`], [`Span`]).
//! - [`names`]: fuzzy person and firm names against a [`Watchlist`]
//!   ([`NameIndex`], [`names::compare_persons`], [`names::compare_firms`]).
//! - [`scan`]: lure signals in free text from a [`Lexicon`] compiled into
//!   one aho-corasick automaton, aware of negation and warning context
//!   ([`Scanner`], [`Signal`]).
//! - [`assess`]: evidence combined into a score, a [`Verdict`] and an
//!   explanation ([`Detector`], [`Approach`], [`Assessment`]).
//!
//! Every built value (`Detector`, `NameIndex`, `Scanner`) is immutable,
//! `Send + Sync` and cheap to clone. Assessing text never fails and never
//! panics; only loading data (a watchlist, a lexicon) returns a
//! [`LoadError`].
//!
//! # Example: screen an approach
//!
//! ```
//! use lurescan::{Approach, Detector, Verdict};
//!
//! let detector = Detector::builtin();
//! let approach = Approach::from_text(
//!     "Our client pays 2,000 GBP for each short analysis. Add my W3Chat: aq_bryr",
//! )
//! .sender_name("QIU Amanda")
//! .sender_company("B.R.-Y.R. Exec. Search Co., Ltd")
//! .connections(38);
//!
//! let a = detector.assess(&approach);
//! assert_eq!(a.verdict, Verdict::Alert);
//! assert!(a.findings.iter().any(|f| f.id == "amanda-qiu"));
//! assert!(a.findings.iter().any(|f| f.id == "br-yr-executive-search"));
//! assert!(a.findings.iter().any(|f| f.id == "off_platform"));
//! println!("{}", a.reason);
//! ```
//!
//! # Example: find where evasion hid a word
//!
//! ```
//! let text = "pls add me on W e C h a t";
//! let n = lurescan::normalize(text);
//! assert_eq!(n.as_str(), "pls add me on wechat");
//! let at = n.as_str().find("wechat").unwrap();
//! let span = n.original_span(at..at + 6).unwrap();
//! assert_eq!(&text[span.range()], "W e C h a t");
//! ```
//!
//! # Example: your own watchlist over the built-in one
//!
//! ```
//! use lurescan::{Detector, Lexicon, Watchlist};
//!
//! let mut watchlist = Watchlist::builtin();
//! watchlist.merge_json(r#"{"personas": [{"name": "Ann Lee", "firms": ["risehr"],
//!                          "source": "internal case 9", "year": 2026}]}"#)?;
//! let detector = Detector::new(&watchlist, &Lexicon::builtin());
//! assert_eq!(detector.names().match_person("LEE, Ann")[0].id, "ann-lee");
//! # Ok::<(), lurescan::LoadError>(())
//! ```
//!
//! # Crate features
//! None: the crate has one configuration. serde is a required dependency,
//! because the watchlist and the lexicon are data the crate loads.
//!
//! # Data
//! The built-in watchlist is `src/watchlist/builtin.json`; the lexicon is
//! `src/scan/builtin_lexicon.json`. Name-variant tables and the Unicode fold
//! table are described, with their sources and licences, in `NOTICE`.

// Nothing here needs `unsafe`; the one place that would gain from it (the
// normaliser's UTF-8 output) validates at memory speed instead.
#![forbid(unsafe_code)]
// A library's public items are its contract: each is documented.
#![deny(missing_docs)]
// Debug output is how users inspect built values and results.
#![warn(missing_debug_implementations)]
// Broken links in docs are broken docs.
#![deny(rustdoc::broken_intra_doc_links)]

pub mod assess;
pub mod error;
pub mod names;
pub mod normalize;
pub mod scan;
pub mod watchlist;

pub use assess::{Approach, Assessment, Detector, Finding, FindingKind, Verdict};
pub use error::{LoadError, LoadErrorKind};
pub use names::{NameIndex, NameKind, NameMatch};
pub use normalize::{normalize, Normalized, Span};
pub use scan::{Lexicon, Scanner, Signal};
pub use watchlist::{Firm, Persona, Watchlist};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
