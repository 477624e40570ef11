from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router
from .health import health
from .routing import serve
from .sitemaps import MultilingualSitemap
from .unavailable import LoginView, PageEditView
from .views import robots_txt

# Outside the language prefixes: admin, API, documents, sitemap, robots.
urlpatterns = [
    # Wagtail's own views, answering 503 with the form kept when the database
    # cannot take a write (portal/unavailable.py).
    path("admin/login/", LoginView.as_view()),
    path("admin/pages/<int:page_id>/edit/", PageEditView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("robots.txt", robots_txt),
    path("healthz", health, name="health"),  # load balancers (portal/health.py)
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language prefix (/en/, /fr/, ...). Views that
# are not Wagtail pages go before Wagtail's catch-all.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("events.urls")),
    path("", include("guide.urls")),
    path("", include("directory.urls")),
    path("", include("home.urls")),
    # Wagtail's URLs, its page view given the site and the page found from
    # caches (portal/routing.py).
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
    prefix_default_language=True,
)

# JSON under /api/, the site's pages elsewhere (portal/views.py).
handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
