"""Translations go through moderation: a translator submits from the
translation editor itself, an update of a live translation stays a draft
while visitors keep the published text, a moderator approves or asks for
changes there, an incomplete translation is only published when a moderator
says so, and the editor offers no button that ends on a refusal."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerFactory,
    StandardPageFactory,
)
from translations.roles import translator_group_name

pytestmark = pytest.mark.django_db
User = get_user_model()


def make_user(username, group):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.set(Group.objects.filter(name=group))
    return user


@pytest.fixture
def translator_fr():
    return make_user("t-translator-fr", translator_group_name("fr"))


@pytest.fixture
def moderator():
    return make_user("t-moderator", "Moderators")


@pytest.fixture(autouse=True)
def _commit_hooks(django_capture_on_commit_callbacks, monkeypatch):
    """wagtail-localize publishes in transaction.on_commit: run those callbacks
    at the end of each request, as a real commit would."""
    from django.test import Client

    original = Client.request

    def request(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(self, **kwargs)

    monkeypatch.setattr(Client, "request", request)


def _translate_all(translation, suffix=" (fr)", slug_suffix="-fr"):
    for segment in translation.source.stringsegment_set.select_related(
        "string", "context"
    ):
        is_slug = segment.context.path == "slug"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": segment.string.data + (slug_suffix if is_slug else suffix)
            },
        )


@pytest.fixture
def live_french_page(home, locales, translate_page, django_capture_on_commit_callbacks):
    """An English page and its live, complete French translation."""
    english = StandardPage(
        title="Partnership charter", slug="partnership-charter", intro="Our charter."
    )
    home.add_child(instance=english)
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_page(english, "fr", {"Partnership charter": "Charte"})
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    _translate_all(translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french = Page.objects.get(pk=french.pk).specific
    assert french.live
    return english, french, translation


def _editor_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _props(html):
    match = re.search(r'class="js-translation-editor[^"]*" data-props="([^"]*)"', html)
    assert match, "translation editor not rendered"
    import html as html_lib

    return json.loads(html_lib.unescape(match.group(1)))


def test_update_of_a_live_translation_waits_for_the_moderator(
    client, live_french_page, translator_fr, moderator
):
    english, french, translation = live_french_page
    public_before = client.get(french.url).content.decode()
    assert "Our charter. (fr)" in public_before

    # The source changes; the translator syncs and translates the new text.
    english.intro = "Our charter, revised."
    english.save_revision().publish()
    translation.source.update_from_db()
    client.force_login(translator_fr)
    html = _editor_html(client, french)
    assert "Submit for moderation" not in html  # one string still untranslated
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    refused = client.post(submit, {"next": edit_url}, follow=True)
    assert refused.status_code == 200
    assert "not translated yet" in refused.content.decode()
    assert not Page.objects.get(pk=french.pk).specific.workflow_in_progress

    _translate_all(translation, " (révisé)")
    html = _editor_html(client, french)
    assert "Submit for moderation" in html
    response = client.post(submit)
    assert response.status_code == 302

    french = Page.objects.get(pk=french.pk).specific
    assert french.workflow_in_progress
    assert "révisé" in french.get_latest_revision_as_object().intro
    client.logout()
    public = client.get(french.url).content.decode()
    assert "révisé" not in public and "Our charter. (fr)" in public

    # The moderator reviews it in the translation editor and approves.
    client.force_login(moderator)
    html = _editor_html(client, french)
    assert "Awaiting moderation" in html and "Approve and publish" in html
    moderate = reverse(
        "portal_translations:moderate_translation", args=[translation.pk]
    )
    assert client.post(moderate, {"action": "approve"}).status_code == 302
    client.logout()
    assert "révisé" in client.get(french.url).content.decode()


def test_moderator_can_send_a_translation_back_and_the_translator_resubmits(
    client, live_french_page, translator_fr, moderator
):
    english, french, translation = live_french_page
    _translate_all(translation, " (v2)")
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    client.force_login(translator_fr)
    client.post(submit)
    client.force_login(moderator)
    moderate = reverse(
        "portal_translations:moderate_translation", args=[translation.pk]
    )
    client.post(moderate, {"action": "reject", "comment": "Use 'charte'."})
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_state.status == "needs_changes"

    client.force_login(translator_fr)
    html = _editor_html(client, french)
    assert "Changes requested" in html and "Resubmit for moderation" in html
    # A translator cannot approve their own work.
    assert client.post(moderate, {"action": "approve"}).status_code in (302, 403)
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_state.status == "needs_changes"
    client.post(submit)
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_state.status == "in_progress"


def test_an_invalid_translated_slug_gets_a_message_not_an_error(
    client, live_french_page, translator_fr
):
    _english, french, translation = live_french_page
    _translate_all(translation, " (v2)", slug_suffix=" avec espaces!")
    client.force_login(translator_fr)
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    response = client.post(submit, {"next": edit_url}, follow=True)
    assert response.status_code == 200
    assert "slug" in response.content.decode().lower()
    assert not Page.objects.get(pk=french.pk).specific.workflow_in_progress


def test_translator_is_offered_no_button_that_ends_on_a_refusal(
    client, live_french_page, translator_fr
):
    _english, french, _translation = live_french_page
    client.force_login(translator_fr)
    props = _props(_editor_html(client, french))
    assert props["perms"]["canPublish"] is False
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canUnpublish"] is False
    assert props["links"]["convertToAliasUrl"] is None


def test_incomplete_translation_is_published_only_when_the_moderator_says_so(
    client, live_french_page, moderator
):
    english, french, translation = live_french_page
    english.intro = "A new paragraph nobody translated."
    english.save_revision().publish()
    translation.source.update_from_db()
    client.force_login(moderator)
    props = _props(_editor_html(client, french))
    assert props["perms"]["canPublish"] is False  # not the one-click publish
    publish = reverse("portal_translations:publish_translation", args=[translation.pk])
    client.post(publish)
    client.logout()
    assert "nobody translated" not in client.get(french.url).content.decode()
    client.force_login(moderator)
    client.post(publish, {"confirm_missing": "1"})
    client.logout()
    public = client.get(french.url).content.decode()
    assert "nobody translated" in public
    # The page tells its visitors, in their language, that part of it is in the
    # source language.
    assert "Certaines parties de cette page ne sont pas encore traduites" in public
    # Once complete and published again, the notice goes.
    _translate_all(translation, " (fr)")
    client.force_login(moderator)
    client.post(publish)
    client.logout()
    public = client.get(french.url).content.decode()
    assert "Certaines parties de cette page ne sont pas encore traduites" not in public


@pytest.fixture
def partner_in_french(
    home, locales, translate_page, django_capture_on_commit_callbacks
):
    """A partner organisation and its live French translation, on a site
    open in French (its French home page gives the French translators their
    language)."""
    partner = PartnerFactory(name="Guidance network", description="Who we are.")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home, "fr")
        translate_page(partner, "fr", {"Guidance network": "Réseau d’orientation"})
    return partner


def test_translators_snippet_change_stays_a_draft_until_a_moderator_publishes(
    client, locales, translator_fr, moderator, partner_in_french
):
    partner = partner_in_french
    french = partner.get_translation(locales["fr"])
    source = TranslationSource.objects.get_for_instance(partner)
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    _translate_all(translation, " (nouveau nom)")
    client.force_login(translator_fr)
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    assert client.post(submit).status_code == 302
    french.refresh_from_db()
    assert "nouveau nom" not in french.name  # the public row is unchanged
    assert french.live
    assert "nouveau nom" in french.get_latest_revision_as_object().name
    assert french.workflow_in_progress

    client.force_login(moderator)
    moderate = reverse(
        "portal_translations:moderate_translation", args=[translation.pk]
    )
    client.post(moderate, {"action": "approve"})
    french.refresh_from_db()
    assert "nouveau nom" in french.name


def test_editors_snippet_save_is_a_draft(client, home, locales):
    editor = make_user("t-editor", "Editors")
    partner = PartnerFactory(name="Guidance network")
    StandardPageFactory(parent=home, title="Partners", list_partners=True)
    assert not editor.has_perm("home.publish_partner")
    partner.name = "Renamed by an editor"
    partner.save_revision(user=editor)
    partner.refresh_from_db()
    assert partner.name != "Renamed by an editor"
    public = client.get("/en/partners/").content.decode()
    assert "Guidance network" in public
    assert "Renamed by an editor" not in public


def test_dashboard_shows_states_and_only_actions_the_viewer_can_take(
    client, live_french_page, translator_fr
):
    _english, french, translation = live_french_page
    _translate_all(translation, " (v2)")
    client.force_login(translator_fr)
    client.post(
        reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    )
    html = client.get("/admin/translations/dashboard/").content.decode()
    assert "Awaiting moderation" in html
    # Translate links only into the translator's own language.
    for code in ("it", "pt", "hr"):
        assert f"select_locale={code}" not in html
    assert "select_locale=fr" in html or "Live" in html
    mine = client.get("/admin/translations/dashboard/?mine=1").content.decode()
    assert 'lang="it"' not in mine and 'lang="fr"' in mine


def test_translator_reads_the_title_of_a_linked_english_page(
    client, home, translator_fr
):
    """The translation editor asks the admin page API for the title of each
    page a field links to; a translator gets it for public pages too."""
    client.force_login(translator_fr)
    response = client.get(f"/admin/api/main/pages/{home.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == home.title


def test_a_partly_translated_section_is_completed_in_bulk(
    client, home, locales, translate_page, django_capture_on_commit_callbacks
):
    from home.models import NewsPage

    editor = make_user("t-editor", "Editors")
    news = NewsIndexPageFactory(parent=home)
    translated_before = [NewsPageFactory(parent=news) for _ in range(2)]
    NewsPageFactory(parent=news, title="Never translated")
    with django_capture_on_commit_callbacks(execute=True):
        for page in [home, news, *translated_before]:
            translate_page(page, "fr")
    article = NewsPageFactory(parent=news, title="A new article")
    french_news = news.get_translation(locales["fr"])
    french_articles = {
        page.pk: page.latest_revision_id
        for page in NewsPage.objects.filter(locale=locales["fr"])
    }
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    form = client.get(url).content.decode()
    assert f'value="{locales["fr"].pk}"' in form  # still offered for the subtree
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"locales": [locales["fr"].pk], "include_subtree": "on"}
        )
    assert response.status_code == 302
    assert article.get_translation_or_none(locales["fr"]) is not None
    # What was translated already is untouched.
    for page in NewsPage.objects.filter(pk__in=french_articles):
        assert page.latest_revision_id == french_articles[page.pk]
    assert len(french_articles) == 2
    assert french_news.get_children().count() == len(french_articles) + 2


def test_a_translation_missing_only_its_slug_tells_visitors_nothing(
    client, home, translate_page, django_capture_on_commit_callbacks
):
    """The notice is about the text a visitor reads: a slug left in English
    (the address; a language's home page has none in its URL) is not text."""
    english = StandardPage(title="Opening hours", slug="opening-hours", intro="Open.")
    home.add_child(instance=english)
    english.save_revision().publish()
    notice = "Certaines parties de cette page ne sont pas encore traduites"
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home, "fr")
        french = translate_page(english, "fr", {"Opening hours": "Horaires"})
    assert "Open." in client.get(french.url).content.decode()
    assert notice in client.get(french.url).content.decode()
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=french.locale)
    StringTranslation.objects.create(
        translation_of=source.stringsegment_set.get(string__data="Open.").string,
        locale=french.locale,
        context=source.stringsegment_set.get(string__data="Open.").context,
        data="Ouvert.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    html = client.get(french.url).content.decode()
    assert "Ouvert." in html
    assert "opening-hours" in french.url  # the slug is still the English one
    assert notice not in html


def test_unpublishing_the_english_page_unpublishes_its_translations(
    client, live_french_page, moderator
):
    english, french, _translation = live_french_page
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=[english.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "This will also unpublish one translation of the page." in (
        " ".join(confirmation.content.decode().split())
    )
    assert client.get(french.url).status_code == 200

    response = client.post(url)
    assert response.status_code == 302
    english.refresh_from_db()
    french.refresh_from_db()
    assert not english.live and not french.live
    client.logout()
    assert client.get(french.url).status_code == 404


def test_unpublishing_a_translation_leaves_the_english_page(
    client, live_french_page, moderator
):
    english, french, _translation = live_french_page
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=[french.pk])
    confirmation = " ".join(client.get(url).content.decode().split())
    assert "Are you sure you want to unpublish this page?" in confirmation
    assert "also unpublish" not in confirmation
    assert client.post(url).status_code == 302
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.live and not french.live
