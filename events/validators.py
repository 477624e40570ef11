"""Validators of the event fields (referenced by migrations)."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a time zone name such as Europe/Paris."),
            params={"value": value},
        ) from None


def validate_rrule(value):
    from dateutil.rrule import rrulestr

    if not value:
        return
    try:
        rrulestr(value, dtstart=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _(
                "This is not a valid RFC 5545 rule (%(error)s), e.g. FREQ=MONTHLY;INTERVAL=2."
            ),
            params={"error": str(error)[:100]},
        ) from None
