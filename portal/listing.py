"""What the listings (news, events, case studies) share: filter parameters
validated into messages, one paginator that never fails on a page number,
links that keep the valid filters. Their pages include
templates/includes/pagination.html with `filter_query` (Filters.query)."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import QueryDict
from django.utils.translation import gettext


class Filters:
    """The filters a visitor asked for (`?topic=…&year=…`): each value that
    is valid is `chosen`; any other gets a message saying the listing shows
    everything for that filter instead, never an error."""

    def __init__(self, request):
        self.request = request
        self.chosen = {}
        self.messages = []

    def choose(self, name, allowed, message, *, cut=60, clean=str.strip):
        """The value of `name` if `allowed` holds it (a container, or a
        function saying yes or no), else None, with `message` (which names
        the value as %(value)s, cut to `cut` characters) for the visitor."""
        value = clean(self.request.GET.get(name, "").strip())
        if not value:
            return None
        if allowed(value) if callable(allowed) else value in allowed:
            self.chosen[name] = value
            return value
        self.messages.append(message % {"value": value[:cut]})
        return None

    def link(self, **changes):
        """'?…' for the chosen filters changed by `changes` (None: left out)."""
        params = {k: v for k, v in {**self.chosen, **changes}.items() if v}
        return "?" + urlencode(params) if params else "?"

    def query(self):
        """The chosen filters as a QueryDict, for {% querystring %}."""
        query = QueryDict(mutable=True)
        query.update({k: v for k, v in self.chosen.items() if v})
        return query

    def others(self, name):
        """The chosen filters but `name`."""
        return {key: value for key, value in self.chosen.items() if key != name}

    def group(self, name, label, options, all_label, available=None):
        """A filter as the listing templates show it: its links to each
        (value, text) of `options` and to all (`all_label`, named after the
        group: "All" agrees with the noun in many languages), the chosen one
        current. With `available` (the values that still find something
        combined with the other chosen filters), the others are left out: no
        link leads to an empty list."""
        if available is not None:
            options = [
                (value, text)
                for value, text in options
                if value in available or self.chosen.get(name) == value
            ]
        return {
            "key": name,
            "label": label,
            "all_label": all_label,
            "all_url": self.link(**{name: None}),
            "options": [
                {
                    "label": text,
                    "url": self.link(**{name: value}),
                    "current": self.chosen.get(name) == value,
                }
                for value, text in options
            ],
        }

    @staticmethod
    def shown(*groups):
        """The groups that have options to offer (a listing with nothing to
        filter shows no filters, not a heading alone)."""
        return [group for group in groups if group["options"]]

    def paginate(self, items, per_page):
        """(paginator, page) of `items`; see page_of."""
        paginator = Paginator(items, per_page)
        return paginator, self.page_of(paginator)

    def page_of(self, paginator):
        """The page `?page=` asks for: page 1 when it is not a number or
        below 1, the last page when there is no such page, each with a
        message."""
        number = self.request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except PageNotAnInteger:
            self.messages.append(
                gettext("That page number is not valid; showing page 1.")
            )
            return paginator.page(1)
        except EmptyPage:
            if int(number) < 1:
                self.messages.append(
                    gettext("That page number is not valid; showing page 1.")
                )
                return paginator.page(1)
            self.messages.append(
                gettext("There is no page %(number)s; showing the last page.")
                % {"number": str(number)[:10]}
            )
            return paginator.page(paginator.num_pages)


def linked_slugs(relation, pages):
    """The slugs of the terms that `pages` (a queryset of their ids) link
    through the many-to-many `relation`, e.g. NewsPage.topics."""
    field = relation.field
    return set(
        relation.through.objects.filter(
            **{f"{field.m2m_field_name()}__in": pages}
        ).values_list(f"{field.m2m_reverse_field_name()}__slug", flat=True)
    )


def linking(relation, slug):
    """The ids of the pages that link the term `slug` through the
    many-to-many `relation`, as a subquery (no join: no duplicates, no
    DISTINCT to pay for)."""
    field = relation.field
    return relation.through.objects.filter(
        **{f"{field.m2m_reverse_field_name()}__slug": slug}
    ).values(f"{field.m2m_field_name()}_id")
