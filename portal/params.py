"""Whole numbers read from a query string or a form.

A value is a number only when it is a plain decimal integer within range:
anything else counts as absent. int() alone is not enough: it refuses strings
past 4,300 digits with a ValueError, accepts "1_000" and " 12 ", and a number it
accepts may still be too large for the database (SQLite and PostgreSQL stop at
64 bits, and Django only guards the plain integer columns, not foreign keys).
"""

import re

# The largest integer a database column holds (signed 64 bits): no primary key,
# count or offset is ever larger.
DB_INT_MAX = 2**63 - 1
# ASCII digits only: str.isdigit() also accepts "²" or "١", which int() refuses
# or reads as another number.
_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")


def int_param(value, *, minimum=None, maximum=DB_INT_MAX, default=None):
    """The integer `value` spells when it lies in [minimum, maximum], else
    `default` (also for None, an empty string or anything not a number)."""
    if value is None:
        return default
    text = str(value).strip()
    if not _INTEGER.fullmatch(text):
        return default
    number = int(text)
    if (minimum is not None and number < minimum) or number > maximum:
        return default
    return number


def id_param(value):
    """A primary key (1 or more), or None."""
    return int_param(value, minimum=1)
