"""Errors the library raises. Each message says what went wrong and what to do.

    DatelineError
    ├── InputError        an input file or item cannot be read
    ├── ModelError        the spaCy model is missing or the wrong version
    ├── GazetteerError    the place index cannot be built or read
    ├── DictionaryError   a user actor dictionary is malformed
    └── StoreError        the DuckDB store cannot be opened or written
"""


class DatelineError(Exception):
    """Base class: the CLI prints the message on one line and exits 1."""


class InputError(DatelineError):
    """An input file or item cannot be read."""


class ModelError(DatelineError):
    """The spaCy model is missing or is not the pinned version."""


class GazetteerError(DatelineError):
    """The place index cannot be built or read."""


class DictionaryError(DatelineError):
    """A user actor dictionary is malformed."""


class StoreError(DatelineError):
    """The DuckDB store cannot be opened or written."""
