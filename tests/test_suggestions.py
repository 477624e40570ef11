"""Centre suggestions from the public form: kept apart from the pages' revisions,
so moderation never publishes a stranger's text over an editor's; reviewed by
moderators in the admin (compare, apply on top of the latest draft, reject,
delete the contact data); deleted after the retention period."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from directory import suggestions
from directory.models import CentrePage, CentreSuggestion
from tests.factories import DirectoryPageFactory, ServiceFactory
from translations.roles import translator_group_name

pytestmark = pytest.mark.django_db

EN = "/en/centres/"
INDEX = "/admin/centre-suggestions/"
ORIGINAL = "Careers advice for everyone in the town centre."
EDITORS_TEXT = "Reviewed by our editor: open on Saturdays as well."
STRANGERS_TEXT = "A stranger rewrote this description entirely."
FIELDS = {
    "name",
    "centre_type",
    "country",
    "region",
    "city",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "services",
    "languages",
    "description",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def user_in(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def refused(response):
    """Wagtail refuses with 403, by sending the user back to the dashboard with
    a message, or (anonymous) to the login page."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        response.url.rstrip("/").endswith("/admin")
        or response.url.startswith("/admin/login/")
    )


@pytest.fixture(autouse=True)
def directory(home):
    ServiceFactory(name="Guidance and counselling", slug="guidance")
    return DirectoryPageFactory(parent=home)


@pytest.fixture
def moderator():
    return user_in("s-moderator", "Moderators")


@pytest.fixture
def editor():
    return user_in("s-editor", "Editors")


@pytest.fixture
def centre(directory):
    page = CentrePage(
        title="Maison de l'orientation",
        slug="maison-orientation-suggest",
        centre_type="guidance_centre",
        country="FR",
        city="Lyon",
        address="1 rue de la République",
        postcode="69001",
        latitude=45.76,
        longitude=4.83,
        languages="fr, en",
        description=f"<p>{ORIGINAL}</p>",
    )
    directory.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def as_visitor_form(centre, **changes):
    """What the public form sends for `centre` once a visitor has typed."""
    data = {
        "centre": centre.pk,
        "name": centre.title,
        "centre_type": centre.centre_type,
        "country": centre.country,
        "city": centre.city,
        "address": centre.address,
        "postcode": centre.postcode,
        "latitude": str(centre.latitude),
        "longitude": str(centre.longitude),
        "languages": centre.languages,
        "contact_name": "Sam Stranger",
        "contact_email": "sam@example.net",
        "message": "The centre moved last month.",
    }
    data.update(changes)
    return data


def suggest(client, centre, **changes):
    response = client.post(
        EN + f"suggest/?centre={centre.pk}", as_visitor_form(centre, **changes)
    )
    assert response.status_code == 200
    assert "waiting for a moderator" in response.content.decode()
    return CentreSuggestion.objects.get(centre=centre)


def editor_submits(centre, editor, **fields):
    """An editor's draft of the centre, submitted to moderation."""
    draft = centre.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision(user=editor, log_action=True)
    page = CentrePage.objects.get(pk=centre.pk)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page


def detail_url(suggestion, action=""):
    return f"{INDEX}{suggestion.pk}/{action + '/' if action else ''}"


def rows(response):
    table = soup(response).select_one("table.centre-suggestion__comparison")
    return {
        tr["data-field"]: {
            "published": tr.select_one(".centre-suggestion__published").get_text(
                strip=True
            ),
            "suggested": tr.select_one(".centre-suggestion__suggested").get_text(
                strip=True
            ),
            "difference": tr.select_one(".centre-suggestion__difference").get_text(
                strip=True
            ),
            "highlighted": "centre-suggestion__row--changed" in tr["class"],
        }
        for tr in table.select("tbody tr")
    }


# A suggestion never overrides moderation -----------------------------------------
def test_an_update_suggestion_makes_no_revision_and_moderation_publishes_the_editors_text(  # noqa: E501
    client, centre, editor, moderator
):
    page = editor_submits(centre, editor, description=f"<p>{EDITORS_TEXT}</p>")
    revisions = page.revisions.count()

    suggestion = suggest(client, page, description=STRANGERS_TEXT)

    assert page.revisions.count() == revisions
    assert suggestion.is_update and suggestion.data["description"] == STRANGERS_TEXT
    page.refresh_from_db()
    assert page.get_latest_revision().user == editor

    moderation = Client()
    moderation.force_login(moderator)
    task_state = page.current_workflow_state.current_task_state
    response = moderation.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )
    assert response.status_code in (200, 302)
    public = client.get(page.url).content.decode()
    assert EDITORS_TEXT in public
    assert STRANGERS_TEXT not in public


def test_the_suggestion_keeps_exactly_the_form_fields(client, centre):
    suggestion = suggest(client, centre, city="Villeurbanne", services=["guidance"])
    assert set(suggestion.data) == FIELDS
    assert suggestion.data["city"] == "Villeurbanne"
    assert suggestion.data["latitude"] == 45.76
    assert suggestion.data["services"] == ["guidance"]
    assert suggestion.contact_email == "sam@example.net"
    assert suggestion.status == "pending"
    assert suggestion.directory.locale.language_code == "en"


# The moderators' listing and detail ---------------------------------------------
def test_moderator_lists_suggestions_with_contact_data(client, centre, moderator):
    suggest(client, centre, city="Villeurbanne")
    client.force_login(moderator)
    assert INDEX in client.get("/admin/").content.decode()  # the menu item
    response = client.get(INDEX)
    assert response.status_code == 200
    table = soup(response).select_one("table.listing")
    assert table.select_one("caption")
    text = table.get_text(" ", strip=True)
    for expected in (
        centre.title,
        "Sam Stranger",
        "sam@example.net",
        "The centre moved last month.",
        "pending",
    ):
        assert expected in text
    # the centre's name is the link to the record
    (suggestion,) = CentreSuggestion.objects.all()
    link = table.select_one(f'tbody a[href="{detail_url(suggestion)}"]')
    assert link.get_text(strip=True) == centre.title


def test_listing_filters_by_status_newest_first(client, centre, moderator):
    first = suggest(client, centre, city="Villeurbanne")
    second = CentreSuggestion.objects.create(
        directory=first.directory,
        centre=centre,
        is_update=True,
        data=first.data,
        contact_name="Second Sender",
        status="rejected",
    )
    client.force_login(moderator)
    listing = soup(client.get(INDEX)).select("table.listing tbody tr")
    names = [row.get_text(" ", strip=True) for row in listing]
    assert "Second Sender" in names[0] and "Sam Stranger" in names[1]
    pending = soup(client.get(INDEX, {"status": "pending"})).select_one("table.listing")
    assert "Sam Stranger" in pending.get_text()
    assert "Second Sender" not in pending.get_text()
    assert second.pk


def test_the_listing_costs_the_same_queries_for_2_or_50_suggestions(
    client, centre, moderator
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = suggest(client, centre, city="Villeurbanne")

    def add(count):
        CentreSuggestion.objects.bulk_create(
            CentreSuggestion(
                directory=first.directory,
                centre=centre,
                is_update=True,
                data=first.data,
                contact_name=f"Sender {n}",
            )
            for n in range(count)
        )

    def queries():
        client.get(INDEX)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INDEX).status_code == 200
        return len(captured)

    client.force_login(moderator)
    add(1)
    few = queries()
    add(48)
    assert queries() == few


def test_detail_shows_published_and_suggested_values_side_by_side(
    client, centre, moderator
):
    suggestion = suggest(client, centre, name="Maison de l'orientation (Villeurbanne)")
    suggestion.data["city"] = "Villeurbanne"  # as a visitor would type it
    CentreSuggestion.objects.filter(pk=suggestion.pk).update(data=suggestion.data)
    client.force_login(moderator)
    response = client.get(detail_url(suggestion))
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".centre-suggestion__contact-name").get_text() == (
        "Sam Stranger"
    )
    assert (
        "sam@example.net" in page.select_one(".centre-suggestion__contact-email").text
    )
    assert "moved last month" in page.select_one(".centre-suggestion__message").text
    assert page.select_one(".centre-suggestion__status").get_text() == "Pending"
    table = page.select_one("table.centre-suggestion__comparison")
    assert table.select_one("caption").get_text(strip=True)
    assert len(table.select("thead th[scope=col]")) == 4
    compared = rows(response)
    assert compared["city"] == {
        "published": "Lyon",
        "suggested": "Villeurbanne",
        "difference": "Changed",
        "highlighted": True,
    }
    assert compared["name"]["difference"] == "Changed"
    assert compared["country"]["published"] == compared["country"]["suggested"]
    assert compared["country"]["difference"] == "Same"
    assert not compared["country"]["highlighted"]
    assert compared["latitude"]["difference"] == "Same"
    assert compared["languages"]["difference"] == "Same"
    # No description sent: the centre's stays, which is no change.
    assert compared["description"]["published"] == ORIGINAL
    assert compared["description"]["difference"] == "Same"
    buttons = [b.get_text(strip=True) for b in page.select("form button")]
    assert "Apply to a new draft of the centre" in buttons
    assert "Reject the suggestion" in buttons
    assert "Delete the sender's contact data now" in buttons
    for form in page.select("form[method=post]"):
        assert form.select_one("input[name=csrfmiddlewaretoken]")


def test_editors_translators_and_visitors_are_refused(client, centre, editor):
    suggestion = suggest(client, centre, city="Villeurbanne")
    translator = user_in("s-translator", translator_group_name("fr"))
    urls = [INDEX, f"{INDEX}results/", detail_url(suggestion)]
    actions = [detail_url(suggestion, a) for a in ("apply", "reject", "forget")]
    for user in (editor, translator, None):
        visitor = Client()
        if user is not None:
            visitor.force_login(user)
            assert INDEX not in visitor.get("/admin/").content.decode()
        for url in urls:
            assert refused(visitor.get(url)), (user, url)
        for url in actions:
            assert refused(visitor.post(url)), (user, url)
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"
    assert suggestion.contact_email == "sam@example.net"
    assert centre.revisions.count() == 1


def test_missing_or_huge_suggestion_ids_answer_404(client, moderator):
    client.force_login(moderator)
    for pk in ("999999", "99999999999999999999"):
        assert client.get(f"{INDEX}{pk}/").status_code == 404
        assert client.post(f"{INDEX}{pk}/apply/").status_code == 404


def test_update_mail_links_to_the_suggestion(
    client, centre, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        suggestion = suggest(client, centre, city="Villeurbanne")
    assert len(mail.outbox) == 1
    assert moderator.email in mail.outbox[0].to
    assert f"http://testserver{detail_url(suggestion)}" in mail.outbox[0].body
    assert "/admin/pages/" not in mail.outbox[0].body


# Apply, reject, forget ------------------------------------------------------------
def test_apply_keeps_the_editors_draft_and_does_not_publish(
    client, centre, editor, moderator
):
    page = editor_submits(
        centre,
        editor,
        description=f"<p>{EDITORS_TEXT}</p>",
        accessibility="Step-free entrance on the side street.",
    )
    suggestion = suggest(
        client, page, name="Maison de l'orientation Lyon", city="Villeurbanne"
    )
    revisions = page.revisions.count()

    client.force_login(moderator)
    response = client.post(detail_url(suggestion, "apply"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    edit = client.get(response.url)
    assert "The suggestion is in a new draft" in edit.content.decode()

    page = CentrePage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions + 1
    revision = page.get_latest_revision()
    assert revision.user == moderator
    draft = revision.as_object()
    assert draft.city == "Villeurbanne"
    assert draft.title == "Maison de l'orientation Lyon"
    assert EDITORS_TEXT in draft.description
    assert draft.accessibility == "Step-free entrance on the side street."
    # Published text unchanged until someone publishes.
    assert page.live and page.has_unpublished_changes
    assert page.city == "Lyon"
    public = Client().get(page.url).content.decode()
    assert "Lyon" in public and "Villeurbanne" not in public
    assert EDITORS_TEXT not in public
    suggestion.refresh_from_db()
    assert suggestion.status == "applied"
    assert suggestion.reviewed_by == moderator and suggestion.reviewed_at

    # Applied once: a second click changes nothing.
    again = client.post(detail_url(suggestion, "apply"))
    assert again.status_code == 302 and again.url == detail_url(suggestion)
    assert page.revisions.count() == revisions + 1

    revision.publish(user=moderator)
    public = Client().get(page.url).content.decode()
    assert "Villeurbanne" in public and EDITORS_TEXT in public


def test_reject_marks_it_and_applies_nothing(client, centre, moderator):
    suggestion = suggest(client, centre, city="Villeurbanne")
    client.force_login(moderator)
    response = client.post(detail_url(suggestion, "reject"), follow=True)
    assert "marked rejected" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.reviewed_by == moderator
    buttons = [b.get_text(strip=True) for b in soup(response).select("form button")]
    assert "Apply to a new draft of the centre" not in buttons
    client.post(detail_url(suggestion, "apply"))
    assert centre.revisions.count() == 1
    assert CentrePage.objects.get(
        pk=centre.pk
    ).get_latest_revision_as_object().city == ("Lyon")


def test_delete_contact_data_now(client, centre, moderator):
    suggestion = suggest(client, centre, city="Villeurbanne")
    client.force_login(moderator)
    response = client.post(detail_url(suggestion, "forget"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "sam@example.net" not in html and "Sam Stranger" not in html
    assert "moved last month" not in html
    suggestion.refresh_from_db()
    assert (suggestion.contact_name, suggestion.contact_email, suggestion.message) == (
        "",
        "",
        "",
    )
    assert suggestion.data["city"] == "Villeurbanne"
    assert "sam@example.net" not in client.get(INDEX).content.decode()


def test_the_actions_need_post(client, centre, moderator):
    suggestion = suggest(client, centre, city="Villeurbanne")
    client.force_login(moderator)
    for action in ("apply", "reject", "forget"):
        assert client.get(detail_url(suggestion, action)).status_code == 405
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(moderator)
    assert csrf.post(detail_url(suggestion, "forget")).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.contact_email == "sam@example.net"


# Retention -----------------------------------------------------------------------
def age(suggestion, days):
    CentreSuggestion.objects.filter(pk=suggestion.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_public_form_states_the_retention_period(client, settings):
    text = soup(client.get(EN + "suggest/")).select_one("#suggest-retention").text
    assert (
        text.strip() == "We keep your name and e-mail for 180 days, then delete them."
    )
    settings.DIRECTORY_SUGGESTION_RETENTION_DAYS = 30
    text = soup(client.get(EN + "suggest/")).select_one("#suggest-retention").text
    assert "for 30 days" in text


def test_expired_suggestions_are_purged_by_the_command(client, centre, capsys):
    old = suggest(client, centre, city="Villeurbanne")
    age(old, 181)
    recent = CentreSuggestion.objects.create(
        directory=old.directory, centre=centre, is_update=True, data=old.data
    )
    age(recent, 179)
    call_command("purge_suggestions")
    assert "Deleted 1 suggestion(s) older than 180 days." in capsys.readouterr().out
    assert list(CentreSuggestion.objects.filter(centre=centre)) == [recent]


def test_expired_suggestions_never_reach_the_listing(client, centre, moderator):
    old = suggest(client, centre, city="Villeurbanne")
    age(old, 181)
    client.force_login(moderator)
    response = client.get(INDEX)
    assert "Sam Stranger" not in response.content.decode()
    assert not CentreSuggestion.objects.filter(pk=old.pk).exists()
    # Nor a page of its own, even by its address.
    old_again = suggest(Client(), centre, city="Vénissieux")
    age(old_again, 200)
    assert client.get(detail_url(old_again)).status_code == 404


def test_a_new_suggestion_purges_the_expired_ones(client, centre):
    old = suggest(client, centre, city="Villeurbanne")
    age(old, 181)
    suggest_new_centre(client)
    assert not CentreSuggestion.objects.filter(pk=old.pk).exists()


def test_each_suggestion_books_its_purge_with_a_deferring_task_backend(
    client, centre, settings, django_capture_on_commit_callbacks
):
    from django_tasks import task_backends

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    with django_capture_on_commit_callbacks(execute=True):
        suggestion = suggest(client, centre, city="Villeurbanne")
    [booked] = task_backends["background"].results
    assert booked.task.name == "purge_expired_suggestions_task"
    expected = suggestion.created_at + datetime.timedelta(days=180, minutes=1)
    assert abs(booked.task.run_after - expected) < datetime.timedelta(seconds=5)


# A new centre ----------------------------------------------------------------------
def suggest_new_centre(client):
    data = {
        "name": "Centre suggested from scratch",
        "centre_type": "one_stop_shop",
        "country": "IT",
        "city": "Bologna",
        "services": ["guidance"],
        "contact_name": "Nina New",
        "contact_email": "nina@example.net",
    }
    response = client.post(EN + "suggest/", data)
    assert response.status_code == 200
    return CentrePage.objects.get(title=data["name"])


def test_a_new_centre_is_a_draft_in_moderation_with_a_record(client, moderator):
    draft = suggest_new_centre(client)
    assert not draft.live and draft.workflow_in_progress
    suggestion = CentreSuggestion.objects.get(centre=draft)
    assert not suggestion.is_update
    assert set(suggestion.data) == FIELDS
    assert suggestion.contact_name == "Nina New"

    client.force_login(moderator)
    listing = soup(client.get(INDEX)).select_one("table.listing").get_text(" ")
    assert "New centre: Centre suggested from scratch" in listing
    detail = client.get(detail_url(suggestion))
    page = soup(detail)
    assert page.select_one(f'a[href="/admin/pages/{draft.pk}/edit/"]')
    assert "Bologna" in page.select_one("table.centre-suggestion__comparison").text
    response = client.post(detail_url(suggestion, "apply"))
    assert response.url == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    suggestion.refresh_from_db()
    assert suggestion.status == "applied"
    draft.refresh_from_db()
    assert not draft.live and draft.revisions.count() == 1


# Rate limit ------------------------------------------------------------------------
def test_a_suggestion_that_failed_to_save_is_not_counted(client, centre, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(suggestions, "save_suggestion", fail)
    visitor = Client(raise_request_exception=False)
    response = visitor.post(
        EN + f"suggest/?centre={centre.pk}", as_visitor_form(centre, city="X")
    )
    assert response.status_code == 500
    assert cache.get(suggestions.client_key(response.wsgi_request)) is None
    monkeypatch.undo()
    suggest(visitor, centre, city="Villeurbanne")
    assert cache.get(suggestions.client_key(response.wsgi_request)) == 1
