//! Errors. Loading data (watchlists, lexicons) can fail; scanning text never
//! does. Each failure domain has one error type with a kind callers can
//! branch on and a message a person can act on.

/// Why a watchlist or a lexicon could not be loaded.
///
/// A failed load never yields a half-loaded value: the caller keeps
/// whatever it had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    kind: LoadErrorKind,
    message: String,
    position: Option<(usize, usize)>,
}

/// What went wrong while loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The JSON is malformed or does not fit the schema; see
    /// [`LoadError::line`] and [`LoadError::column`].
    Syntax,
    /// An entry is wrong: an empty name, a duplicate or malformed id, a link
    /// to an unknown id, an unknown signal, or an alias or phrase that
    /// normalises to nothing.
    InvalidEntry,
    /// The input is larger than the crate accepts.
    TooLarge,
}

impl LoadError {
    pub(crate) fn syntax(what: &str, e: &serde_json::Error) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Syntax,
            message: format!("{what}: {e}"),
            position: Some((e.line(), e.column())),
        }
    }

    pub(crate) fn entry(message: String) -> LoadError {
        LoadError {
            kind: LoadErrorKind::InvalidEntry,
            message,
            position: None,
        }
    }

    pub(crate) fn too_large(message: String) -> LoadError {
        LoadError {
            kind: LoadErrorKind::TooLarge,
            message,
            position: None,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// The 1-based line of a syntax error.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|p| p.0)
    }

    /// The 1-based column of a syntax error.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|p| p.1)
    }
}
