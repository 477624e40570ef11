"""What every page type of the portal shares."""

import html
import re
import weakref

from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

from portal import navigation

DESCRIPTION_LENGTH = 160
# Fields a page type may introduce itself with, in order of preference.
INTRODUCTION_FIELDS = ("intro", "summary", "hero_text", "teaser", "description")


def plain_text(value, length=DESCRIPTION_LENGTH):
    """`value` (plain text or rich text HTML) as one line of plain text of at
    most `length` characters, cut at a word with an ellipsis when longer."""
    # Code is never text: a script or style element goes with its content, as
    # the rich text renderer drops it.
    text = re.sub(
        r"<(script|style)\b.*?(?:</\1\s*>|$)", " ", str(value or ""), flags=re.I | re.S
    )
    text = re.sub(r"</(?:p|h[1-6]|li|div|blockquote)>|<br\s*/?>", " ", text)
    text = " ".join(html.unescape(strip_tags(text)).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return re.sub(r"[\s,;:.–—-]+$", "", cut) + "…"


class PortalPageMixin:
    """Breadcrumbs, description and structured data for any page of the portal."""

    @cached_property
    def meta_description(self):
        """What search engines and link previews show: the page's search
        description, else its introduction, else its first paragraph, as plain
        text of about 160 characters."""
        if self.search_description:
            return plain_text(self.search_description)
        for name in INTRODUCTION_FIELDS:
            value = getattr(self, name, None)
            if isinstance(value, str) and plain_text(value):
                return plain_text(value)
        body = getattr(self, "body", None)
        for block in getattr(body, "raw_data", None) or []:
            if block["type"] == "paragraph" and plain_text(block["value"]):
                return plain_text(block["value"])
        return ""

    @cached_property
    def breadcrumbs(self):
        """Ancestors from the language home down, in order, as dicts with title,
        url and full_url (cached with the page chrome, see portal.navigation)."""
        return navigation.page_data(None, self)["breadcrumbs"]

    def get_url_parts(self, request=None):
        """Wagtail's, kept on the page for the request it was asked with: a
        page view asks for the page's own URL up to a dozen times (canonical
        link, language links, share links, structured data), each time
        through Django's URL reversing. The path and the active language are
        part of the key (a page moved, or the language switched, gets its new
        URL)."""
        key = (self.url_path, get_language())
        memo = self.__dict__.get("_url_parts_memo")
        # Without a request, only what was asked without one answers (a
        # request's answer outlives it here, and may name its site).
        if (
            memo is not None
            and memo[1] == key
            and (
                memo[0] is None
                if request is None
                else memo[0] is not None and memo[0]() is request
            )
        ):
            return memo[2]
        parts = super().get_url_parts(request)
        try:
            reference = weakref.ref(request) if request is not None else None
        except TypeError:  # not an object a weak reference can point to
            return parts
        self.__dict__["_url_parts_memo"] = (reference, key, parts)
        return parts

    def get_view_restrictions(self):
        """Wagtail's check costs two queries per page view; skip them when no
        ancestor (nor the page) carries a restriction or is an alias."""
        steplen = self.steplen
        lineage = {
            self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)
        }
        if self.alias_of_id or lineage & navigation.restricted_paths():
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_json_ld(self, request):
        """Structured data for this page, as a list of schema.org dicts."""
        return []

    def relations_in_memory(self, *names):
        """Whether any of these child or many-to-many relations is held in
        memory: a draft rebuilt from a revision, or a preview of the form. Its
        values cannot be queried then (they are not the database rows), only
        iterated. modelcluster keeps such values in `_cluster_related_objects`
        under the relation's name, and answers FakeQuerySets from there: looked
        up directly, without building each relation's manager."""
        held = getattr(self, "_cluster_related_objects", {})
        return not self.pk or any(name in held for name in names)
