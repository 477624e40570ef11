"""Drafts as editors and moderators meet them: once a page or a snippet has an
unpublished draft (Wagtail autosaves one as soon as an editor types), every
view of it still answers: the edit form reopens with the draft, "View draft"
and the revision preview render it (the same rendering as the preview panel),
revisions compare and revert, and the live site keeps showing the published
version."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

User = get_user_model()
DRAFT_MARK = "Draft-only words 7Q"


@pytest.fixture
def moderator(client):
    user = User.objects.create_user("t-moderator", "m@example.org", "pw")
    user.groups.set(Group.objects.filter(name="Moderators"))
    return user


@pytest.fixture
def editor():
    user = User.objects.create_user("t-editor", "e@example.org", "pw")
    user.groups.set(Group.objects.filter(name="Editors"))
    return user


def _our_page_models():
    return [
        model
        for model in get_page_models()
        if model is not Page and not model._meta.app_label.startswith("wagtail")
    ]


def _draft_of(page, user):
    """A draft as autosave leaves it: a changed title and, where the page has
    them, a changed choice of topics/themes/services (held in the revision,
    not in the database rows)."""
    page.title = f"{page.title} {DRAFT_MARK}"
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            choices = list(field.related_model.objects.all()[:2])
            getattr(page, field.name).set(choices)
    return page.save_revision(user=user)


@pytest.mark.parametrize("model", _our_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_with_a_draft_reopens_previews_and_compares(
    client, editor, moderator, model
):
    page = model.objects.filter(locale__language_code="en", live=True).first()
    if page is None:
        pytest.skip(f"no {model.__name__} in the demo")
    live_title = page.title
    live_revision = page.live_revision or page.save_revision(user=moderator)
    revision = _draft_of(page, editor)

    for user in (editor, moderator):
        client.force_login(user)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200, model.__name__
        assert DRAFT_MARK in edit.content.decode()
        for name, args in (
            ("wagtailadmin_pages:view_draft", [page.pk]),
            ("wagtailadmin_pages:revisions_view", [page.pk, revision.pk]),
            (
                "wagtailadmin_pages:revisions_compare",
                [page.pk, live_revision.pk, revision.pk],
            ),
            ("wagtailadmin_pages:revisions_revert", [page.pk, live_revision.pk]),
            ("wagtailadmin_pages:history", [page.pk]),
        ):
            response = client.get(reverse(name, args=args))
            assert response.status_code == 200, (model.__name__, name)
        draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert DRAFT_MARK in draft.content.decode()
        # The admin may frame its own preview (the preview panel and its checks).
        assert "frame-ancestors 'self'" in draft["Content-Security-Policy"]

    client.logout()
    public = client.get(page.url)
    assert public.status_code == 200
    assert DRAFT_MARK not in public.content.decode()
    assert live_title in public.content.decode()
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def _our_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if model._meta.app_label in {"home", "events", "guide", "directory", "portal"}
    ]


@pytest.mark.parametrize("model", _our_snippet_models(), ids=lambda m: m.__name__)
def test_every_snippet_type_keeps_a_draft_until_published(
    client, editor, moderator, model
):
    assert issubclass(model, DraftStateMixin), model.__name__
    obj = model.objects.filter(locale__language_code="en").first()
    assert obj is not None, f"no {model.__name__} in the demo"
    text_field = next(
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False)
        and f.get_internal_type() in ("CharField", "TextField")
        and not f.choices
        and (f.max_length or 1000) >= 60
        and f.name not in ("slug", "translation_key")
    )
    original = getattr(obj, text_field)
    setattr(obj, text_field, f"{original} {DRAFT_MARK}"[: 90 if original else 40])
    revision = obj.save_revision(user=editor)

    obj.refresh_from_db()
    assert getattr(obj, text_field) == original, "a draft changed the live row"
    edit_url = AdminURLFinder(moderator).get_edit_url(obj)
    viewset = obj.snippet_viewset
    for user in (editor, moderator):
        client.force_login(user)
        edit = client.get(edit_url)
        assert edit.status_code == 200, model.__name__
        assert DRAFT_MARK in edit.content.decode(), model.__name__
        for url in (
            reverse(viewset.get_url_name("history"), args=[obj.pk]),
            reverse(viewset.get_url_name("revisions_view"), args=[obj.pk, revision.pk]),
        ):
            assert client.get(url).status_code == 200, (model.__name__, url)

    # The moderator publishes: now the row holds the new text.
    revision.publish(user=moderator)
    obj.refresh_from_db()
    assert DRAFT_MARK in getattr(obj, text_field)


def test_event_form_offers_speakers_of_the_source_language_with_organisation(
    client, editor
):
    from events.models import EventPage, Person

    event = EventPage.objects.filter(
        locale__language_code="en", sessions__speakers__isnull=False
    ).first()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content
    html = html.decode()
    english = Person.objects.filter(locale__language_code="en").select_related(
        "organisation"
    )
    with_organisation = next(p for p in english if p.organisation_label)
    assert 'type="checkbox" name="sessions-0-speakers"' in html
    assert f"{with_organisation.name} ({with_organisation.organisation_label})" in (
        html.replace("&#x27;", "'")
    )
    french = Person.objects.filter(locale__language_code="fr").exclude(
        name__in=[p.name for p in english]
    )
    for person in french:
        assert f">{person.name} (" not in html


def test_event_series_is_built_from_every_n_weeks_or_months_until():
    import datetime

    from events.models import EventPage

    event = EventPage.objects.filter(
        locale__language_code="en", series_frequency=EventPage.SERIES_MONTHLY
    ).first()
    assert event.series_rule == "FREQ=MONTHLY;INTERVAL=2;UNTIL=20220331T235959Z"
    event.series_frequency = EventPage.SERIES_WEEKLY
    event.series_interval = 3
    event.series_until = None
    event.full_clean()
    assert event.series_rule == "FREQ=WEEKLY;INTERVAL=3"
    event.series_until = event.local_start.date() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "series_until" in error.value.error_dict
