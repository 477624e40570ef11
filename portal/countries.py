"""Countries as ISO 3166-1 alpha-2 codes, named in the visitor's language by Babel
(CLDR data), so no country name needs a hand-made translation."""

from babel import Locale as BabelLocale
from django.utils.translation import get_language

EUROPEAN_COUNTRIES = [
    "AL",
    "AT",
    "BA",
    "BE",
    "BG",
    "CH",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IS",
    "IT",
    "LI",
    "LT",
    "LU",
    "LV",
    "ME",
    "MK",
    "GB",
    "MT",
    "NL",
    "NO",
    "PL",
    "PT",
    "RO",
    "RS",
    "SE",
    "SI",
    "SK",
    "TR",
    "UA",
    "XK",
]


def country_name(code, language=None):
    if not code:
        return ""
    language = (language or get_language() or "en").split("-")[0]
    try:
        return BabelLocale.parse(language).territories.get(code, code)
    except (ValueError, TypeError):
        return code


def country_choices():
    names = ((code, country_name(code, "en")) for code in EUROPEAN_COUNTRIES)
    return sorted(names, key=lambda choice: choice[1])
