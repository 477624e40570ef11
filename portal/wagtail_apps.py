"""Wagtail's app configs for redirects, snippets, documents and images, minus
the registration of Wagtail's API v3.

Each of them, once loaded, hands its routes to Wagtail's API v3 (built on
django-ninja), which imports that stack and builds its schemas in every
process: about 22 MB per process, measured on the demo. The site does not
install `wagtail.api.v3` nor serve its URLs (its API is v2, `portal.api`), so
those routes would never be reached. While Wagtail's own `ready()` runs, the
modules it imports for the registration are stood in for by ones that hold the
same names and do nothing; everything else it does (permissions, signals,
choosers, reference index) runs as written, and upgrades of Wagtail keep
applying. A stand-in holds only the names Wagtail uses today: if a new version
imports another one, starting the site fails with an ImportError rather than
silently doing less. The stand-ins are removed afterwards, so importing the
real modules later still works."""

import contextlib
import sys
import types

from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class _UnservedAPI:
    """Takes routers for an API whose URLs are not served."""

    def add_router(self, prefix, router, **kwargs):
        pass


def _nothing():
    pass


STAND_INS = {
    "wagtail.api.v3.api": {"api": _UnservedAPI()},
    "wagtail.contrib.redirects.api.v3": {"router": None},
    "wagtail.snippets.api.v3": {"register_content_types": _nothing},
    "wagtail.snippets.api.v3.router": {"router": None},
    "wagtail.documents.api.v3.registry": {"register_content_types": _nothing},
    "wagtail.documents.api.v3.router": {"router": None},
    "wagtail.images.api.v3.registry": {"register_content_types": _nothing},
    "wagtail.images.api.v3.router": {"router": None},
}


@contextlib.contextmanager
def api_v3_stood_in():
    placed = {}
    for name, attributes in STAND_INS.items():
        if name in sys.modules:  # already imported for real: nothing to save
            continue
        module = types.ModuleType(name, "Stands in for Wagtail's API v3 at start.")
        module.__dict__.update(attributes)
        sys.modules[name] = placed[name] = module
    try:
        yield
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


class WithoutAPIv3:
    def ready(self):
        with api_v3_stood_in():
            super().ready()


class RedirectsConfig(WithoutAPIv3, WagtailRedirectsAppConfig):
    pass


class SnippetsConfig(WithoutAPIv3, WagtailSnippetsAppConfig):
    pass


class DocumentsConfig(WithoutAPIv3, WagtailDocsAppConfig):
    pass


class ImagesConfig(WithoutAPIv3, WagtailImagesAppConfig):
    pass
