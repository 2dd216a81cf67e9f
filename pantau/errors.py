"""Errors that Pantau reports to its users as clear messages instead of tracebacks."""


class PantauError(Exception):
    """Base class: the message is meant for the operator and is printed without a traceback."""


class ConfigError(PantauError):
    """The configuration (defaults file, PANTAU_CONFIG file or environment) is malformed."""


class EngineError(PantauError):
    """The embedded search node could not be started, stopped or inspected."""


class SearchUnavailableError(PantauError):
    """The search engine could not be reached (down, refusing connections or timing out)."""


class SearchRequestError(PantauError):
    """The search engine answered a request with an error that retrying will not fix."""

    def __init__(self, message: str, status: int | None = None, error_type: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.error_type = error_type


class MigrationNeededError(PantauError):
    """The live index was built from an older mapping that cannot be updated in place."""
