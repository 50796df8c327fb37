"""One exception hierarchy for the library; the CLI maps it to exit codes."""


class TrialfindError(Exception):
    """Base of every error trialfind raises on purpose."""


class InvalidInput(TrialfindError, ValueError):
    """The caller gave something we cannot use (bad age, unknown target...). CLI exit 2."""


class SourceUnavailable(TrialfindError):
    """A remote service could not be reached or kept failing after retries. CLI exit 1."""


class SourceDataError(TrialfindError):
    """A remote service answered, but with something we cannot trust (bad JSON, looping pages)."""


class NotFound(TrialfindError):
    """The thing asked for (a study, a registry record) does not exist."""
