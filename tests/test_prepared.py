"""Pages fetched by SQL compiled once (portal/prepared.py) are the objects the
ORM builds, with what they are served with, in one query, and never stale."""

import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

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
    mine = prepared._local.statements[(StandardPage, ())]
    theirs = []

    def other_thread():
        theirs.append(prepared.Prepared(StandardPage, ()))
        connection.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert mine.connection is connections["default"]
    assert theirs[0].connection is not mine.connection
    assert theirs[0].sql == mine.sql
