//! lurescan: detects hostile-state recruitment approaches on professional networks.
#![forbid(unsafe_code)]

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
