"""One exception hierarchy for the library; the CLI maps it to exit codes."""
import errno


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


# A path the user chose cannot be used (no permission, read-only, a file where a folder is
# needed, a name too long): bad input. Anything else (disk full, I/O error) is an outside failure.
_USER_PATH_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR, errno.ENOENT,
                               errno.EEXIST, errno.ENAMETOOLONG, errno.ELOOP, errno.EINVAL})


def path_error(path: object, exc: OSError, action: str = "write") -> TrialfindError:
    """One line naming the user's path (never a hidden temp file) for an OSError met while
    using it: InvalidInput when the path itself is unusable, TrialfindError otherwise."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    message = f"cannot {action} {path}: {reason}"
    return InvalidInput(message) if exc.errno in _USER_PATH_ERRNOS else TrialfindError(message)
