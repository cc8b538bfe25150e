"""The one exception tree of actorgraph.

The library raises only these; the CLI turns any of them into a one-line message and a
non-zero exit. Each message should name the file (and line or offset) where that applies.
"""


class ActorgraphError(Exception):
    """Base of every error actorgraph raises on purpose."""

    exit_code = 1


class InputError(ActorgraphError):
    """An article file or folder cannot be read as articles."""

    exit_code = 2


class DataFileError(ActorgraphError):
    """A gazetteer, cue, curation or ontology data file is malformed."""

    exit_code = 2


class QueryError(ActorgraphError):
    """A SPARQL query is malformed, unknown, timed out, or not allowed (an update without --update)."""

    exit_code = 3


class StoreError(ActorgraphError):
    """The store cannot be opened, read or written."""

    exit_code = 4


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class ValidationFailed(ActorgraphError):
    """SHACL validation found violations."""

    exit_code = 5


class ActorNotFound(ActorgraphError):
    """A name given on the command line matches no actor in the store."""

    exit_code = 2
