//! lurescan: detects hostile-state recruitment approaches on professional networks.
#![forbid(unsafe_code)]

pub mod error;
pub mod names;
pub mod normalize;
pub mod watchlist;

pub use error::{LoadError, LoadErrorKind};
pub use names::{NameIndex, NameKind, NameMatch};
pub use normalize::{normalize, Normalized, Span};
pub use watchlist::{Firm, Persona, Watchlist};
