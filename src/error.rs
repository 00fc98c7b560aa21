//! The one error type of the crate: a stable kind id for programs, a short message for people.

use std::fmt;

/// Why an analysis could not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// An option had the wrong shape or value.
    InvalidArgument,
    /// The text is longer than [`crate::MAX_INPUT_UNITS`].
    TooLarge,
    /// A bug: a result that could not be turned into a JS value.
    Internal,
}

impl ErrorKind {
    /// The id JS sees as `error.kind`; stable across versions.
    pub fn id(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Internal => "internal",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.id(), self.message)
    }
}

impl std::error::Error for Error {}
