"""Languages a centre serves: ISO 639 codes typed by editors, their names in
the visitor's language."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")


def language_name(code, language=None):
    """The name of a language (ISO 639 code) in the visitor's language (Babel)."""
    from babel import Locale as BabelLocale

    language = (language or get_language() or "en").split("-")[0]
    try:
        return BabelLocale.parse(language).languages.get(code, code)
    except (ValueError, TypeError):
        return code


def parse_language_codes(value):
    """'fr, en ,AR' -> ['fr', 'en', 'ar'] (order kept, duplicates dropped)."""
    codes = []
    for part in re.split(r"[\s,;]+", value or ""):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def validate_language_codes(value):
    bad = [c for c in parse_language_codes(value) if not LANGUAGE_CODE_RE.match(c)]
    if bad:
        raise ValidationError(
            _("Use ISO 639-1 language codes separated by commas (e.g. fr, en, ar): %s"),
            params=(", ".join(bad),),
        )
