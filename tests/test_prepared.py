"""Pages fetched by SQL compiled once (portal/prepared.py) are the objects the
ORM builds, with what they are served with, in one query, and never stale."""

import threading

import pytest
from django.db import connection, connections
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from directory.models import CentrePage
from home.models import NewsPage, StandardPage
from portal import prepared

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

CASES = [  # a page type, what it is served with
    (NewsPage, ("locale", "lead_image")),
    (CentrePage, ("locale", "directory_entry")),
    (StandardPage, ("locale",)),
]


def values(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.mark.parametrize("model,related", CASES)
def test_the_objects_and_their_relations_are_those_of_the_orm_in_one_query(
    model, related
):
    for page in model.objects.filter(locale__language_code__in=["en", "fr"])[:3]:
        expected = model.objects.select_related(*related).get(pk=page.pk)
        with CaptureQueriesContext(connection) as captured:
            got = prepared.get(model, page.pk, related)
            for name in related:
                relation = getattr(got, name)
                assert values(relation) == values(getattr(expected, name))
        assert len(captured) == 1
        assert type(got) is model and not got._state.adding
        assert values(got) == values(expected)
        assert got.url == expected.url


def test_each_call_reads_the_database_and_a_missing_page_is_none():
    page = NewsPage.objects.filter(lead_image__isnull=False).first()
    related = ("locale", "lead_image")
    assert prepared.get(NewsPage, page.pk, related).title == page.title
    NewsPage.objects.filter(pk=page.pk).update(title="Renamed in the database")
    assert prepared.get(NewsPage, page.pk, related).title == "Renamed in the database"
    assert prepared.get(NewsPage, -1, related) is None


def test_each_thread_runs_its_own_statement_on_its_own_connection():
    page = StandardPage.objects.first()
    prepared.get(StandardPage, page.pk)
    mine = prepared._local.statements[("get", StandardPage, ())]
    theirs = []

    def other_thread():
        theirs.append(prepared.get(StandardPage, page.pk))
        theirs.append(prepared._local.statements[("get", StandardPage, ())])
        connection.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert mine.connection is connections["default"]
    assert theirs[0].title == page.title
    assert theirs[1].connection is not mine.connection
    assert theirs[1].sql == mine.sql


def _live_titles(code):
    return (
        Page.objects.filter(locale__language_code=code, live=True)
        .order_by("path")
        .values_list("pk", "title", "last_published_at")
    )


def _ids(code, depth):
    return Page.objects.filter(locale__language_code=code, depth=depth).values_list(
        "pk", flat=True
    )


def test_values_are_put_in_their_places_and_rows_built_as_the_orm_does():
    for code in ("en", "fr"):
        assert prepared.rows("test.titles", _live_titles, code) == list(
            _live_titles(code)
        )
        for depth in (2, 3):
            assert prepared.rows("test.ids", _ids, code, depth) == list(
                _ids(code, depth)
            )
    assert prepared.rows("test.titles", _live_titles, "xx") == []


def test_a_value_django_transforms_or_of_another_type_is_refused():
    def starting(prefix):
        return Page.objects.filter(title__startswith=prefix)

    with pytest.raises(ValueError):
        prepared.rows("test.starting", starting, "Cité")
    with pytest.raises(TypeError):
        prepared.rows("test.live", lambda live: Page.objects.filter(live=live), True)


def test_what_would_be_built_differently_is_refused():
    def annotated(depth):
        return Page.objects.filter(depth=depth).annotate(twice=F("depth") * 2)

    def prefetching(depth):
        return Page.objects.filter(depth=depth).prefetch_related("locale")

    for key, build in (("test.annotated", annotated), ("test.prefetch", prefetching)):
        with pytest.raises(TypeError):
            prepared.rows(key, build, 2)
    assert (
        prepared.rows(  # annotations of rows are columns like any other
            "test.annotated-rows",
            lambda depth: annotated(depth).values_list("twice"),
            2,
        )
        == [(4,)] * Page.objects.filter(depth=2).count()
    )
