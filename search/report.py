"""Reports > Searches without results: what visitors looked for and did not
find, per language, over the last 30 days (the words only, no personal data),
so editors know which pages, translations or words are missing."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ZeroResultSearch

DAYS = 30
SHOWN = 20


def can_view(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def zero_results_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    since = timezone.localdate() - datetime.timedelta(days=DAYS - 1)
    recent = ZeroResultSearch.objects.filter(date__gte=since)
    languages = []
    for code, name in settings.LANGUAGES:
        rows = list(
            recent.filter(language=code)
            .values("query_string")
            .annotate(searches=Sum("hits"), last=Max("date"))
            .order_by("-searches", "query_string")[:SHOWN]
        )
        languages.append(
            {
                "code": code,
                "name": name,
                "rows": rows,
                "search_url": f"/{code}/search/",
            }
        )
    return TemplateResponse(
        request,
        "search/zero_results_report.html",
        {"title": _("Searches without results"), "languages": languages, "days": DAYS},
    )


def admin_urls():
    return [
        path(
            "reports/searches-without-results/",
            zero_results_report,
            name="portal_search_zero_results",
        )
    ]


def menu_item():
    from wagtail.admin.menu import MenuItem

    class ZeroResultsMenuItem(MenuItem):
        def is_shown(self, request):
            return can_view(request.user)

    return ZeroResultsMenuItem(
        _("Searches without results"),
        reverse("portal_search_zero_results"),
        icon_name="search",
        order=850,
        name="searches-without-results",
    )
