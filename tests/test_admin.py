"""Editors' side of every content type, whatever app it comes from: the edit and
preview views of every demo page, and the listing of every snippet, answer."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.usefixtures("demo_site")
def test_every_page_type_with_demo_content_can_be_edited_and_previewed(admin_client):
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        if type(page) in seen:
            continue
        seen.add(type(page))
        edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200, type(page).__name__
        preview = admin_client.get(
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        )
        assert preview.status_code in (200, 405), type(page).__name__
    assert len(seen) >= 2


def test_every_page_model_declares_where_it_lives():
    for model in get_page_models():
        if model is Page or model._meta.app_label.startswith("wagtail"):
            continue
        assert "parent_page_types" in model.__dict__, model.__name__
        assert "subpage_types" in model.__dict__ or model.subpage_types is not None, (
            model.__name__
        )


def test_every_field_of_our_models_has_help_text():
    from django.apps import apps

    ours = {"home", "events", "guide", "directory", "portal_search", "portal"}
    skipped = {"id", "page_ptr", "translation_key", "locale", "content_type", "site"}
    for model in apps.get_models():
        if model._meta.app_label not in ours:
            continue
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.auto_created:
                continue
            if (
                field.name in skipped
                or field.name.endswith("_ptr")
                or field.name == "sort_order"
            ):
                continue
            if field.model is not model or field.model._meta.app_label not in ours:
                continue
            if field.name in {f.name for f in Page._meta.get_fields()}:
                continue
            assert field.help_text, f"{model.__name__}.{field.name} has no help_text"


def test_every_snippet_listing_answers(admin_client):
    for model in get_snippet_models():
        url = reverse(
            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list"
        )
        assert admin_client.get(url).status_code == 200, model.__name__


def test_translatable_snippet_listings_say_which_language_each_row_is_in(
    admin_client, home
):
    from wagtail.admin.ui.tables import LocaleColumn
    from wagtail.models import TranslatableMixin

    from tests.factories import (
        NewsIndexPageFactory,
        NewsPageFactory,
        TopicFactory,
        localized,
    )

    topic = TopicFactory(name="Training")
    localized(topic, "fr", {"Training": "Formation"})
    index = NewsIndexPageFactory(parent=home)
    for title in ("First", "Second"):
        article = NewsPageFactory(parent=index, title=title)
        article.topics = [topic]
        article.save_revision().publish()
    html = admin_client.get(reverse("wagtailsnippets_home_topic:list")).content.decode()
    rows = [row for row in html.split("<tr")[1:] if "data-object-id" in row]
    assert len(rows) == 2  # every language, each row saying which
    (english,) = [row for row in rows if "Training" in row]
    (french,) = [row for row in rows if "Formation" in row]
    assert "English" in english
    assert "Français" in french
    # how many articles use it in any language, which Wagtail's "Used n
    # times" does not count
    assert re.search(r">\s*2\s*</td>", english)
    assert re.search(r">\s*2\s*</td>", french)
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin) or model._meta.app_label.startswith(
            ("wagtail", "portal")
        ):
            continue
        columns = model.snippet_viewset.list_display
        assert any(isinstance(c, LocaleColumn) for c in columns), model.__name__


def test_the_competence_listing_opens_a_competence_by_its_name(admin_client, locales):
    from guide.models import Competence

    competence = Competence.objects.create(
        number=3, slug="lead", name="Leading the partnership", summary="Lead."
    )
    html = admin_client.get(
        reverse("wagtailsnippets_guide_competence:list")
    ).content.decode()
    edit = reverse("wagtailsnippets_guide_competence:edit", args=[competence.pk])
    link = re.search(rf'<a href="{edit}">(.*?)</a>', html, re.S)
    assert link and strip_tags(link.group(1)).strip() == "Leading the partnership"
    (row,) = [row for row in html.split("<tr")[1:] if "data-object-id" in row]
    assert ">False<" not in row and ">True<" not in row  # an icon, not Python


@pytest.mark.usefixtures("demo_site")
def test_a_case_study_offers_each_partner_once_in_the_default_language(admin_client):
    from guide.models import CaseStudyPage
    from home.models import Partner

    page = CaseStudyPage.objects.get(
        locale__language_code="en", slug="one-stop-shop-brussels"
    )
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    offered = set(re.findall(r'name="partners" value="(\d+)"', html))
    english = Partner.objects.filter(locale__language_code="en")
    assert offered == {str(pk) for pk in english.values_list("pk", flat=True)}
    french = Partner.objects.get(locale__language_code="fr", short_name="RICDM")
    assert french.name not in html  # "Réseau international des Cités des métiers"
