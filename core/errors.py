"""Exception types whose message is a plain sentence a user can read.

Every error that `core` raises on bad input is one of these; the GUI shows
`str(exc)` in a dialog and never a traceback.
"""
from __future__ import annotations


class StudioError(Exception):
    """Base class: the message is a complete sentence for the user."""


class SpecError(StudioError):
    """A network specification that cannot be built."""


class ConfigError(StudioError):
    """Training settings that cannot be used (learning rate, batch size, ...)."""


class DatasetError(StudioError):
    """A dataset file that is missing, damaged or not what it claims to be."""


class DownloadError(DatasetError):
    """A download that failed on every mirror."""


class DownloadCancelled(DatasetError):
    """The user cancelled a download."""


class ModelFileError(StudioError):
    """A model file that cannot be saved or loaded safely."""


class FormulaError(StudioError):
    """A typed terrain formula that cannot be parsed or evaluated safely."""


class CollectionError(StudioError):
    """The user's own digit collection cannot be read or written."""


class LessonError(StudioError):
    """A lesson file that is malformed."""


class SettingsError(StudioError):
    """A persisted setting that is malformed (callers fall back to defaults)."""
