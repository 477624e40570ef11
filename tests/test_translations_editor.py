"""Translation work (issue 8): wagtail-localize's editor opens for every
translatable page type and snippet, PO download/upload round trip, sync keeps
what translators wrote for unchanged strings, machine translation hidden when
not configured."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("t-admin", "a@example.org", "pw")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def translate(translate_page, django_capture_on_commit_callbacks):
    def _translate(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_page(*args, **kwargs)

    return _translate


def translatable_page_models():
    return [
        model
        for model in get_page_models()
        if model is not Page and issubclass(model, TranslatableMixin)
    ]


def translatable_snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def opens_translation_editor(response):
    names = {template.name for template in response.templates}
    return (
        response.status_code == 200
        and "wagtail_localize/admin/edit_translation.html" in names
    )


@pytest.mark.usefixtures("demo_site")
def test_editor_opens_for_every_page_type(admin_client, locales, translate):
    """Generic: every Page subclass that has an English instance (the demo has
    one of each type its app creates) is translated into French with
    wagtail-localize and its translation opens in the translation editor."""
    checked = []
    for model in translatable_page_models():
        page = model.objects.filter(locale=locales["en"]).order_by("depth").first()
        if page is None:
            continue
        french = page.get_translation_or_none(locales["fr"])
        if french is None:
            parent = page.get_parent().specific
            if (
                parent.depth > 1
                and parent.get_translation_or_none(locales["fr"]) is None
            ):
                continue
            french = translate(page, "fr", publish=False)
        if not Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale=locales["fr"],
            enabled=True,
        ).exists():
            continue  # translated outside wagtail-localize's synced mode
        response = admin_client.get(
            reverse("wagtailadmin_pages:edit", args=[french.pk])
        )
        assert opens_translation_editor(response), model
        checked.append(model.__name__)
    assert {"HomePage", "StandardPage"} <= set(checked)
    print("translation editor opened for", sorted(checked))


@pytest.mark.usefixtures("demo_site")
def test_editor_opens_for_every_translatable_snippet(admin_client, locales, translate):
    checked = []
    finder = AdminURLFinder(admin_client.user)
    for model in translatable_snippet_models():
        instance = model.objects.filter(locale=locales["en"]).first()
        if instance is None:
            continue
        french = instance.get_translation_or_none(locales["fr"])
        if french is None:
            french = translate(instance, "fr", publish=False)
        if not Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale=locales["fr"],
            enabled=True,
        ).exists():
            continue
        response = admin_client.get(finder.get_edit_url(french))
        assert opens_translation_editor(response), model
        checked.append(model.__name__)
    assert "Partner" in checked
    print("snippet translation editor opened for", sorted(checked))


def new_page(home, slug):
    page = StandardPage(title="Round trip", slug=slug, intro="A sentence to translate.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_po_download_and_upload_round_trip(admin_client, home, locales, translate):
    page = new_page(home, "po-round-trip")
    french = translate(page, "fr", {"Round trip": "Aller-retour"}, publish=False)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )
    response = admin_client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.pk])
    )
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entries = {entry.msgid: entry for entry in po}
    assert entries["Round trip"].msgstr == "Aller-retour"
    assert entries["A sentence to translate."].msgstr == ""
    entries["A sentence to translate."].msgstr = "Une phrase à traduire."
    upload = SimpleUploadedFile(
        "fr.po", str(po).encode(), content_type="text/x-gettext"
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locales["fr"], data="Une phrase à traduire."
    ).exists()
    translation.save_target(publish=True)
    french.refresh_from_db()
    assert french.specific.intro == "Une phrase à traduire."
    assert french.title == "Aller-retour"

    bad = SimpleUploadedFile(
        "bad.po", b"not a po file at all", content_type="text/plain"
    )
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": bad, "next": edit_url},
        follow=True,
    )
    assert response.status_code == 200
    assert "valid PO file" in response.content.decode()


def test_sync_keeps_unchanged_translations(
    admin_client, home, locales, translate, django_capture_on_commit_callbacks
):
    page = new_page(home, "sync-keeps")
    translate(
        page,
        "fr",
        {
            "Round trip": "Aller-retour",
            "A sentence to translate.": "Une phrase à traduire.",
            "sync-keeps": "sync-garde",
        },
    )
    page.intro = "A changed sentence."
    page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    french = page.get_translation(locales["fr"]).specific
    assert french.title == "Aller-retour"  # unchanged string kept
    assert french.slug == "sync-garde"
    assert french.intro == "A changed sentence."  # new string waits for its translation
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    total, done = translation.get_progress()
    assert done == total - 1


def test_machine_translation_hidden_when_unconfigured(
    admin_client, home, locales, translate
):
    page = new_page(home, "machine")
    french = translate(page, "fr", publish=False)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )
    url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    machine_url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    with override_settings():
        from django.conf import settings

        del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
        response = admin_client.get(url)
        assert opens_translation_editor(response)
        assert machine_url not in response.content.decode()
    dummy = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=dummy):
        assert machine_url in admin_client.get(url).content.decode()


def test_machine_translation_settings_follow_the_environment(monkeypatch):
    import importlib

    import portal.settings.base as base

    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert not hasattr(importlib.reload(base), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
        monkeypatch.setenv("DEEPL_API_KEY", "key:fx")
        config = importlib.reload(base).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
        assert config["CLASS"].endswith("deepl.DeepLTranslator")
        assert config["OPTIONS"]["AUTH_KEY"] == "key:fx"
        monkeypatch.delenv("DEEPL_API_KEY")
        monkeypatch.setenv("LIBRETRANSLATE_URL", "http://127.0.0.1:5000")
        monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "secret")
        config = importlib.reload(base).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
        assert config["CLASS"].endswith("libretranslate.LibreTranslator")
        assert config["OPTIONS"]["API_KEY"] == "secret"
        from django.utils.module_loading import import_string

        assert import_string(config["CLASS"])
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_bulk_translation_of_a_section_is_a_task(
    admin_client, home, locales, translate, monkeypatch
):
    """Submitting a page with its subtree translates the page in the request
    and enqueues the rest as a task (run by a worker in production; the
    immediate backend of the tests runs it at once)."""
    from translations import tasks

    translate(home, "pt")
    section = new_page(home, "bulk-section")
    for index in range(3):
        child = StandardPage(title=f"Child {index}", slug=f"child-{index}", intro="x")
        section.add_child(instance=child)
        child.save_revision().publish()
    enqueued = []
    task = tasks.translate_subtree_task

    class Spy:
        def enqueue(self, *args):
            enqueued.append(args)
            return task.enqueue(*args)

    monkeypatch.setattr(tasks, "translate_subtree_task", Spy())
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
        {"locales": [locales["pt"].pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    assert enqueued == [(section.pk, [locales["pt"].pk], admin_client.user.pk)]
    assert all(
        child.get_translation_or_none(locales["pt"]) is not None
        for child in section.get_children()
    )
