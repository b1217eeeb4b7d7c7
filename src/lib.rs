//! lurescan: detects hostile-state recruitment approaches on professional networks.
#![forbid(unsafe_code)]

pub mod normalize;

pub use normalize::{normalize, Normalized, Span};
