"""The centre directory: a DirectoryPage per language, CentrePage children, the
Service taxonomy, the directory's own search index (DirectoryEntry) and what
visitors suggest (CentreSuggestion)."""

from ..centre_fields import CENTRE_TYPES, CONTACT_FIELDS, PLACE_FIELDS
from ..languages import (
    LANGUAGE_CODE_RE,
    language_name,
    parse_language_codes,
    validate_language_codes,
)
from .centres import (
    CentrePage,
    CentrePageForm,
    tour_embeddable,
)
from .directory import DirectoryPage
from .entries import DirectoryEntry
from .services import Service
from .suggestions import CentreSuggestion

__all__ = [
    "CENTRE_TYPES",
    "CONTACT_FIELDS",
    "PLACE_FIELDS",
    "LANGUAGE_CODE_RE",
    "CentrePage",
    "CentrePageForm",
    "CentreSuggestion",
    "DirectoryEntry",
    "DirectoryPage",
    "Service",
    "language_name",
    "parse_language_codes",
    "tour_embeddable",
    "validate_language_codes",
]
