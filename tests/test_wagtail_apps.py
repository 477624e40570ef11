"""Wagtail's redirects, snippets, documents and images apps start without
loading Wagtail's API v3 (which the site does not serve), and still do all the
rest of their work."""

import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from wagtail.contrib.redirects.signal_handlers import (
    autocreate_redirects_on_page_move,
    autocreate_redirects_on_slug_change,
)
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models.reference_index import ReferenceIndex
from wagtail.signals import page_slug_changed, post_page_move
from wagtail.snippets.models import get_snippet_models

from portal import wagtail_apps

BASE_DIR = Path(__file__).resolve().parents[1]

STARTED = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
print("ninja loaded:", "ninja" in sys.modules)
print("stand-ins left:", [n for n in sys.modules if n.endswith(("api.v3", "api.v3.api", "v3.router", "v3.registry")) and sys.modules[n].__doc__ and "Stands in" in sys.modules[n].__doc__])
from wagtail.api.v3.api import api
print("real API importable:", type(api).__name__)
"""


def test_a_started_site_has_not_loaded_wagtails_api_v3():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", STARTED],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ninja loaded: False" in result.stdout
    assert "stand-ins left: []" in result.stdout
    # Nothing stood in is left behind: the real module loads when asked for.
    assert "real API importable: NinjaAPI" in result.stdout


def test_the_apps_are_wagtails_own_with_their_labels():
    for label, wagtail_config in (
        ("wagtailredirects", wagtail_apps.WagtailRedirectsAppConfig),
        ("wagtailsnippets", wagtail_apps.WagtailSnippetsAppConfig),
        ("wagtaildocs", wagtail_apps.WagtailDocsAppConfig),
        ("wagtailimages", wagtail_apps.WagtailImagesAppConfig),
    ):
        config = apps.get_app_config(label)
        assert isinstance(config, wagtail_config)
        assert isinstance(config, wagtail_apps.WithoutAPIv3)


def receivers(signal):
    return [entry[1]() for entry in signal.receivers]


def test_the_rest_of_their_start_still_runs():
    # Django keeps (key, weak reference, ...) per receiver.
    assert autocreate_redirects_on_page_move in receivers(post_page_move)
    assert autocreate_redirects_on_slug_change in receivers(page_slug_changed)
    snippet_labels = {model._meta.label for model in get_snippet_models()}
    assert {"home.Topic", "home.Partner", "guide.Resource"} <= snippet_labels
    assert ReferenceIndex.is_indexed(get_image_model())
    assert ReferenceIndex.is_indexed(get_document_model())


def test_a_stand_in_lacking_a_name_fails_loudly():
    """If a Wagtail upgrade imports a name the stand-ins do not hold, the
    start fails instead of silently skipping work."""
    with wagtail_apps.api_v3_stood_in():
        try:
            from wagtail.api.v3.api import something_new  # noqa: F401
        except ImportError:
            failed = True
        else:
            failed = False
    assert failed
