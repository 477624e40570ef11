"""Roles (issue 8): the groups every fresh site has, what each role may do,
and wagtail-localize's holes closed (translators cannot translate into another
language, translate what they cannot see, copy a draft or make a live page)."""

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
)
from wagtail_localize.models import Translation, TranslationSource

from home.models import Partner, StandardPage
from tests.factories import PartnerFactory, StandardPageFactory
from translations.roles import apply_roles, group_names, translator_group_name

pytestmark = pytest.mark.django_db

User = get_user_model()


def make_user(username, *group_names_):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.set(Group.objects.filter(name__in=group_names_))
    return user


@pytest.fixture
def editor():
    return make_user("t-editor", "Editors")


@pytest.fixture
def moderator():
    return make_user("t-moderator", "Moderators")


@pytest.fixture
def translator_fr():
    return make_user("t-translator-fr", translator_group_name("fr"))


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


@pytest.fixture(autouse=True)
def site_in_five_languages(home, translate_page, django_capture_on_commit_callbacks):
    """The site open in every language (a home page each, which gives each
    language's translators their tree), with an About page in English, French
    and Italian."""
    about = StandardPageFactory(parent=home, title="About", slug="about")
    with django_capture_on_commit_callbacks(execute=True):
        for code in ("fr", "it", "pt", "hr"):
            translate_page(home, code)
        for code in ("fr", "it"):
            translate_page(about, code)


def login(client, user):
    client.force_login(user)
    return client


def refused(response):
    """Wagtail answers a permission refusal with 403, or by sending the user
    back to the dashboard with a message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.rstrip("/").endswith("/admin")


def new_english_page(home, slug, live=True):
    page = StandardPage(title=f"Page {slug}", slug=slug, intro="<p>Intro</p>")
    home.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        Page.objects.filter(pk=page.pk).update(live=False)
    page.refresh_from_db()
    return page


# Groups, permissions, workflow ---------------------------------------------------
def test_every_role_group_exists():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Editors",
        "Moderators",
        "Translators (fr)",
        "Translators (it)",
        "Translators (pt)",
        "Translators (hr)",
    } <= names
    assert set(group_names()) <= names


def page_permissions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page__depth", "page__locale__language_code", "permission__codename"
        )
    )


def test_editors_add_and_change_everywhere_but_never_publish():
    codenames = {c for depth, _l, c in page_permissions("Editors") if depth == 1}
    assert codenames == {"add_page", "change_page"}


def test_moderators_publish_everywhere():
    codenames = {c for depth, _l, c in page_permissions("Moderators") if depth == 1}
    assert {"add_page", "change_page", "publish_page"} <= codenames


@pytest.mark.parametrize("code", ["fr", "it", "pt", "hr"])
def test_translators_work_only_in_their_language_home_tree(code):
    perms = page_permissions(translator_group_name(code))
    assert perms == {(2, code, "add_page"), (2, code, "change_page")}


def test_moderation_workflow_covers_every_page(home, locales):
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    french_about = home.get_children().get(slug="about").get_translation(locales["fr"])
    assert french_about.get_workflow() == workflow
    assert Workflow.objects.filter(pk=workflow.pk).exists()


def test_roles_are_idempotent():
    from wagtail.snippets.models import get_snippet_models

    before = (GroupPagePermission.objects.count(), Group.objects.count())
    apply_roles(apps, snippet_models=get_snippet_models())
    apply_roles(apps, snippet_models=get_snippet_models())
    assert (GroupPagePermission.objects.count(), Group.objects.count()) == before


def test_a_new_language_home_page_gets_its_translators(locales):
    root = Page.get_first_root_node()
    second_home = root.add_child(
        instance=StandardPage(
            title="Second site", slug="second-site-fr", locale=locales["fr"]
        )
    )
    assert GroupPagePermission.objects.filter(
        group__name="Translators (fr)",
        page=second_home,
        permission__codename="add_page",
    ).exists()


def test_translators_edit_their_language_snippets_only(translator_fr):
    assert translator_fr.has_perm("home.change_partner")
    assert not translator_fr.has_perm("home.add_partner")


# What each role may do ------------------------------------------------------------
def test_editor_edits_but_cannot_publish(client, editor, home):
    about = home.get_children().get(slug="about").specific
    login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    assert client.get(url).status_code == 200
    perms = about.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()
    add_subpage = reverse("wagtailadmin_pages:add_subpage", args=[home.pk])
    assert client.get(add_subpage, follow=True).status_code == 200


def test_publish_button_only_for_moderators(client, editor, moderator, home):
    page = new_english_page(home, "editor-draft", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    login(client, editor)
    assert 'name="action-publish"' not in client.get(url).content.decode()
    assert 'name="action-submit"' in client.get(url).content.decode()
    login(client, moderator)
    assert 'name="action-publish"' in client.get(url).content.decode()


def test_moderator_publishes(moderator, home):
    about = home.get_children().get(slug="about").specific
    assert about.permissions_for_user(moderator).can_publish()


def test_translator_cannot_open_english_or_other_language_pages(
    client, translator_fr, home, locales
):
    about = home.get_children().get(slug="about")
    login(client, translator_fr)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])))
    italian = about.get_translation(locales["it"])
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[italian.pk])))
    french = about.get_translation(locales["fr"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert not french.permissions_for_user(translator_fr).can_publish()


def test_translator_cannot_publish_a_translation(client, translator_fr, home, locales):
    page = new_english_page(home, "to-publish")
    login(client, translator_fr)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    french = page.get_translation(locales["fr"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
    )
    assert refused(response)
    french.refresh_from_db()
    assert not french.live


# The translator attacks ------------------------------------------------------------
def test_translator_translates_a_live_page_into_a_draft(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "translate-me")
    login(client, translator_fr)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    form = client.get(url)
    assert form.status_code == 200
    offered = list(form.context["form"].fields["locales"].queryset)
    assert offered == [locales["fr"]]
    response = client.post(url, {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    french = page.get_translation(locales["fr"])
    assert not french.live  # a draft, to go through moderation
    assert french.get_workflow() is not None


def test_translator_cannot_translate_into_another_language(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "not-italian")
    login(client, translator_fr)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["it"].pk]},
    )
    assert refused(response)
    assert page.get_translation_or_none(locales["it"]) is None


def test_translator_cannot_copy_an_unpublished_draft(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "secret-draft", live=False)
    login(client, translator_fr)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"locales": [locales["fr"].pk]}))
    assert page.get_translation_or_none(locales["fr"]) is None


def test_translator_cannot_translate_a_page_they_could_not_see(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "private-page")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    login(client, translator_fr)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    assert refused(response)
    assert page.get_translation_or_none(locales["fr"]) is None


def test_translator_cannot_translate_below_an_unpublished_page(
    client, translator_fr, home, locales, translate_page
):
    parent = new_english_page(home, "hidden-parent")
    child = StandardPage(title="Child", slug="child", intro="<p>x</p>")
    parent.add_child(instance=child)
    child.save_revision().publish()
    translate_page(parent, "fr")
    parent.unpublish()
    login(client, translator_fr)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[child.pk]),
        {"locales": [locales["fr"].pk]},
    )
    assert refused(response)


def test_translator_cannot_translate_a_whole_subtree(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "with-children")
    draft_child = StandardPage(
        title="Draft child", slug="draft-child", intro="<p>x</p>"
    )
    page.add_child(instance=draft_child)
    login(client, translator_fr)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk], "include_subtree": "on"},
    )
    assert refused(response)
    assert draft_child.get_translation_or_none(locales["fr"]) is None


def test_translator_sync_cannot_publish(client, translator_fr, home, locales):
    page = new_english_page(home, "sync-me")
    login(client, translator_fr)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].fields["publish_translations"].disabled
    response = client.post(url, {"publish_translations": "on"})
    assert refused(response)
    assert not page.get_translation(locales["fr"]).live
    # Syncing without publishing is the translator's job.
    assert client.post(url, {}).status_code == 302
    assert not page.get_translation(locales["fr"]).live


def test_translator_cannot_sync_a_page_of_other_languages(
    client, translator_fr, home, locales, translate_page
):
    page = new_english_page(home, "italian-only")
    translate_page(page, "it", publish=False)
    source = TranslationSource.objects.get_for_instance(page)
    login(client, translator_fr)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(url))


def test_translator_cannot_sync_an_unpublished_source(
    client, translator_fr, home, locales, translate_page
):
    page = new_english_page(home, "unpublished-later")
    translate_page(page, "fr", publish=False)
    page.unpublish()
    source = TranslationSource.objects.get_for_instance(page)
    login(client, translator_fr)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.post(url, {}))


def test_moderator_may_sync_and_publish(
    client, moderator, home, locales, translate_page
):
    page = new_english_page(home, "moderated-sync")
    translate_page(page, "fr", publish=False)
    source = TranslationSource.objects.get_for_instance(page)
    login(client, moderator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert page.get_translation(locales["fr"]).live


# Translation cannot change privacy ------------------------------------------------
def restriction_of(page):
    return list(
        PageViewRestriction.objects.filter(page=page).values_list(
            "restriction_type", "password"
        )
    )


def test_translator_sync_leaves_a_password_on_another_language_alone(
    client, translator_fr, home, locales, translate_page
):
    page = new_english_page(home, "italian-password")
    translate_page(page, "fr", publish=False)
    italian = translate_page(page, "it")
    PageViewRestriction.objects.create(
        page=italian, restriction_type="password", password="solo-italiano"
    )
    logged = PageLogEntry.objects.filter(action__startswith="wagtail.view_restr")
    before = logged.count()
    source = TranslationSource.objects.get_for_instance(page)
    login(client, translator_fr)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {}).status_code == 302
    assert restriction_of(italian) == [("password", "solo-italiano")]
    assert logged.count() == before


def test_translator_work_never_sets_privacy_in_their_own_language(
    client, translator_fr, home, locales, translate_page
):
    page = new_english_page(home, "english-private-later")
    french = translate_page(page, "fr", publish=False)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    login(client, translator_fr)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync, {}).status_code == 302
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    assert client.post(submit).status_code == 302
    assert restriction_of(french) == []  # the source's privacy is a moderator's call


def test_a_new_translation_of_a_private_page_is_private(
    client, translator_fr, home, locales
):
    """Not a sync: Wagtail's copy of the source carries its restriction over."""
    page = new_english_page(home, "private-from-the-start")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    login(client, translator_fr)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    assert restriction_of(page.get_translation(locales["fr"])) == [("login", "")]


def test_moderator_sync_carries_privacy_over_and_logs_it(
    client, moderator, home, locales, translate_page
):
    page = new_english_page(home, "moderator-privacy")
    italian = translate_page(page, "it")
    PageViewRestriction.objects.create(
        page=italian, restriction_type="password", password="solo-italiano"
    )
    source = TranslationSource.objects.get_for_instance(page)
    login(client, moderator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {}).status_code == 302
    assert restriction_of(italian) == []
    entry = PageLogEntry.objects.get(
        page=italian, action="wagtail.view_restriction.delete"
    )
    assert entry.user == moderator


def test_translator_cannot_convert_a_translation_into_a_live_alias(
    client, translator_fr, home, locales, translate_page
):
    page = new_english_page(home, "alias-attack")
    french = translate_page(page, "fr", publish=False)
    login(client, translator_fr)
    response = client.post(
        reverse("wagtail_localize:convert_to_alias", args=[french.pk])
    )
    assert refused(response)
    french.refresh_from_db()
    assert french.alias_of_id is None and not french.live


def test_translation_api_refuses_other_languages(client, translator_fr, home, locales):
    about = home.get_children().get(slug="about")
    source = TranslationSource.objects.get_for_instance(about)
    italian = Translation.objects.get(source=source, target_locale=locales["it"])
    french = Translation.objects.get(source=source, target_locale=locales["fr"])
    segment = source.stringsegment_set.first()
    login(client, translator_fr)

    def put(translation):
        return client.put(
            reverse(
                "wagtail_localize:edit_string_translation",
                args=[translation.pk, segment.pk],
            ),
            "value=Pirate",
            content_type="application/x-www-form-urlencoded",
        )

    assert refused(put(italian))
    assert put(french).status_code in (200, 201)
    po = reverse("wagtail_localize:download_pofile", args=[italian.pk])
    assert refused(client.get(po))


def test_snippets_of_other_languages_are_refused(
    client, translator_fr, locales, translate_page
):
    english = PartnerFactory(name="Guidance network")
    french = translate_page(english, "fr", {"Guidance network": "Réseau d’orientation"})
    login(client, translator_fr)
    edit = "wagtailsnippets_home_partner:edit"
    assert refused(client.get(reverse(edit, args=[english.pk])))
    assert client.get(reverse(edit, args=[french.pk])).status_code == 200
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["home", "partner", english.pk],
        ),
        {"locales": [locales["it"].pk]},
    )
    assert refused(response)
    assert english.get_translation_or_none(locales["it"]) is None


def test_anonymous_api_does_not_show_translator_drafts(
    client, translator_fr, home, locales
):
    page = new_english_page(home, "draft-in-api")
    login(client, translator_fr)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    french = page.get_translation(locales["fr"])
    client.logout()
    response = client.get(f"/api/v2/pages/{french.pk}/", follow=True)
    assert response.status_code == 404


def test_translator_submits_for_moderation_and_moderator_publishes(
    client, translator_fr, moderator, home, locales
):
    page = new_english_page(home, "moderated-translation")
    login(client, translator_fr)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )
    # Every string is translated (only a complete translation is submitted).
    for segment in translation.source.stringsegment_set.select_related("string"):
        text = segment.string.data
        client.put(
            reverse(
                "wagtail_localize:edit_string_translation",
                args=[translation.pk, segment.pk],
            ),
            urlencode({"value": "Page traduite" if text == page.title else text}),
            content_type="application/x-www-form-urlencoded",
        )
    # The translator narrows the dashboard to the page's type, as on a site
    # with more pages than one screen shows.
    dashboard = client.get(
        "/admin/translations/dashboard/",
        {"type": ContentType.objects.get_for_model(page.specific_class).pk},
    ).content.decode()
    submit = reverse("portal_translations:submit_for_moderation", args=[translation.pk])
    assert submit in dashboard
    response = client.post(submit)
    assert response.status_code == 302
    french = page.get_translation(locales["fr"]).specific
    assert french.workflow_in_progress and not french.live
    assert french.get_latest_revision_as_object().title == "Page traduite"
    task_state = french.current_workflow_state.current_task_state
    assert task_state.task.specific.get_actions(french, translator_fr) == []

    italian = make_user("t-translator-it", translator_group_name("it"))
    login(client, italian)
    assert refused(client.post(submit))

    actions = [a[0] for a in task_state.task.specific.get_actions(french, moderator)]
    assert "approve" in actions
    task_state.task.specific.on_action(task_state, moderator, "approve")
    french.refresh_from_db()
    assert french.live and french.title == "Page traduite"


def test_editors_and_moderators_on_snippets_and_media(editor, moderator):
    for perm in ("home.add_partner", "home.change_partner", "wagtailimages.add_image"):
        assert editor.has_perm(perm) and moderator.has_perm(perm)
    assert editor.has_perm("wagtaildocs.add_document")
    assert not editor.has_perm("home.delete_partner")
    assert moderator.has_perm("home.delete_partner")


def test_translator_translates_a_snippet_into_their_language(
    client, translator_fr, locales
):
    english = Partner.objects.create(
        locale=locales["en"],
        name="A partner for the test",
        short_name="TEST",
        country="FR",
    )
    login(client, translator_fr)
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "partner", english.pk],
    )
    form = client.get(url)
    assert list(form.context["form"].fields["locales"].queryset) == [locales["fr"]]
    assert client.post(url, {"locales": [locales["fr"].pk]}).status_code == 302
    french = english.get_translation(locales["fr"])
    edit = reverse("wagtailsnippets_home_partner:edit", args=[french.pk])
    assert client.get(edit).status_code == 200


def test_translator_cannot_make_a_live_alias_by_copying(
    client, translator_fr, home, locales
):
    french_about = home.get_children().get(slug="about").get_translation(locales["fr"])
    assert french_about.live
    login(client, translator_fr)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[french_about.pk]),
        {
            "new_title": "Alias",
            "new_slug": "alias-live",
            "new_parent_page": french_about.get_parent().pk,
            "alias": "on",
        },
    )
    assert refused(response)
    assert not Page.objects.filter(slug="alias-live").exists()
    # A plain copy stays a draft.
    client.post(
        reverse("wagtailadmin_pages:copy", args=[french_about.pk]),
        {
            "new_title": "Copie",
            "new_slug": "copie-brouillon",
            "new_parent_page": french_about.get_parent().pk,
            "publish_copies": "on",
        },
    )
    copy = Page.objects.filter(slug="copie-brouillon").first()
    assert copy is None or not copy.live
