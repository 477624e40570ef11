"""Demo users (development only) and the demo translations (issue 8)."""

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.test import override_settings
from wagtail.models import Page

from demo import users as roles_demo
from demo.loader import Demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def test_no_demo_users_without_debug():
    assert not settings.DEBUG
    roles_demo.load(Demo())
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="translator-fr").exists()


@override_settings(DEBUG=True)
def test_one_demo_user_per_role_idempotent(client):
    first = Demo()
    roles_demo.load(first)
    assert first.created == 6
    second = Demo()
    roles_demo.load(second)
    assert second.created == 0
    for username, group in roles_demo.demo_users():
        user = authenticate(username=username, password=roles_demo.PASSWORD)
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == [group]
    client.login(username="translator-fr", password=roles_demo.PASSWORD)
    assert client.get("/admin/translations/dashboard/").status_code == 200


def test_demo_content_is_in_french_fully(locales):
    missing = [
        page.url_path
        for page in Page.objects.filter(locale=locales["en"], depth__gte=2)
        if page.get_translation_or_none(locales["fr"]) is None
    ]
    assert missing == []


@pytest.mark.parametrize("code", ["it", "pt", "hr"])
def test_demo_home_and_about_in_other_languages(home, locales, code):
    assert home.get_translation(locales[code]).live
    about = home.get_children().get(slug="about")
    assert about.get_translation(locales[code]).live
