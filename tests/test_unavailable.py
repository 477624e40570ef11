"""A database that cannot take a write (locked, read-only) gets 503 with
Retry-After and a "try again" message; forms come back with what was typed and
nothing counts against the visitor."""

from contextlib import contextmanager
from html.parser import HTMLParser

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests.factories import DirectoryPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@contextmanager
def read_only_database():
    """Every write refused as SQLite refuses it on a read-only file."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(WRITES):
            raise OperationalError("attempt to write a readonly database")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


class FormFields(HTMLParser):
    """The fields a browser would post from the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_data(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "ops-admin",
        "ops@example.test",
        "a-long-password",
        first_name="O",
        last_name="P",
    )


def test_login_with_the_database_read_only_answers_503_and_keeps_the_username(
    superuser,
):
    client = Client(raise_request_exception=False)
    url = reverse("wagtailadmin_login")
    with read_only_database():
        response = client.post(
            url, {"username": "ops-admin", "password": "a-long-password"}
        )
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Nothing was saved: please try again in a minute." in html
    assert 'value="ops-admin"' in html
    # Once the database takes writes again, the same login works.
    again = client.post(url, {"username": "ops-admin", "password": "a-long-password"})
    assert again.status_code == 302


@pytest.fixture
def about(home):
    return StandardPageFactory(
        parent=home, title="About the partnership", slug="about", intro="Who we are."
    )


def test_publish_with_the_database_read_only_keeps_the_editors_text(superuser, about):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    page = about
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(edit).content.decode(), "page-edit-form")
    # The body's blocks are posted by Wagtail's JavaScript; this test is about
    # the title, so the body is sent empty (as an editor emptying it would).
    data["body-count"] = ["0"]
    data["title"] = ["About the partnership, retitled"]
    data["action-publish"] = ["action-publish"]
    with read_only_database():
        response = client.post(edit, data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "please try again in a minute" in html
    assert "About the partnership, retitled" in html  # the editor's typing
    page.refresh_from_db()
    assert page.title != "About the partnership, retitled"
    # The same form, sent again when the database is back, publishes.
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.title == "About the partnership, retitled" and page.live


def test_a_suggestion_the_database_refuses_comes_back_typed_and_is_not_counted(
    client, home
):
    from django.core.cache import cache

    from directory.models import CentreSuggestion
    from directory.suggestions import client_key

    url = DirectoryPageFactory(parent=home).url + "suggest/"
    data = {
        "name": "Centre of the typed words",
        "centre_type": client.get(url)
        .context["form"]
        .fields["centre_type"]
        .choices[1][0],
        "country": "FR",
        "city": "Lyon",
        "contact_name": "Sam Stranger",
        "contact_email": "sam@example.net",
        "message": "Opened this spring.",
    }
    with read_only_database():
        response = client.post(url, data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "could not be saved" in html
    assert 'value="Centre of the typed words"' in html
    assert "Opened this spring." in html
    assert not CentreSuggestion.objects.filter(contact_name="Sam Stranger").exists()
    assert cache.get(client_key(response.wsgi_request), 0) == 0
    # Sent again once the database is back, it is kept.
    assert "waiting for a moderator" in client.post(url, data).content.decode()
    assert CentreSuggestion.objects.filter(contact_name="Sam Stranger").exists()


def test_any_other_refused_write_ends_on_the_503_page_not_the_500_page(
    superuser, monkeypatch, about
):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    page = about
    with read_only_database():
        # Unpublishing is one of Wagtail's own views, not wrapped by ours.
        response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again in a minute" in response.content.decode()
    assert Page.objects.get(pk=page.pk).live
