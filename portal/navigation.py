"""What every public page shows around its content (menus, footer, the EU notice,
contact links, each language's home URL), resolved once and kept in the cache
per site and language, so a page view does not pay for it in queries.

A version number in the cache is bumped whenever any of it may change: a
navigation snippet or the portal settings saved or deleted, any page published,
unpublished, moved or deleted (link URLs), a site or locale saved."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:chrome-version"
TIMEOUT = 60 * 60 * 24


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _links(stream, request):
    links = []
    for block in stream:
        value = block.value
        page = value.get("page")
        url = page.get_url(request) if page is not None else value.get("url")
        if url:
            links.append({"label": value["label"], "url": url})
    return links


def navigation_data(navigation, request=None):
    if navigation is None:
        return None
    return {
        "primary": _links(navigation.primary_links, request),
        "footer": _links(navigation.footer_links, request),
        "funding_statement": navigation.funding_statement,
        "disclaimer": navigation.disclaimer,
    }


def _site(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = (
            Site.objects.select_related("root_page")
            .filter(is_default_site=True)
            .first()
        )
    return site


def _build(site, language, request):
    from portal.models import PortalSettings, SiteNavigation

    roots = {}
    if site is not None:
        for root in (
            Page.objects.live()
            .filter(translation_key=site.root_page.translation_key)
            .select_related("locale")
        ):
            roots[root.locale.language_code] = root.get_url(request)
    portal_settings = PortalSettings.for_site(site) if site is not None else None
    return {
        "roots": roots,
        "navigation": navigation_data(SiteNavigation.for_active_locale(), request),
        "contact_email": getattr(portal_settings, "contact_email", ""),
        "social_links": getattr(portal_settings, "social_links", []),
    }


def chrome(request):
    """The page chrome for this request's site and the active language."""
    if request is not None and hasattr(request, "_portal_chrome"):
        return request._portal_chrome
    site = _site(request)
    language = get_language()
    key = f"portal:chrome:{_version()}:{site.pk if site else 0}:{language}"
    data = cache.get(key)
    if data is None:
        data = _build(site, language, request)
        cache.set(key, data, TIMEOUT)
    if request is not None:
        request._portal_chrome = data
    return data


def connect_signals():
    from portal.models import PortalSettings, SiteNavigation

    for model in (SiteNavigation, PortalSettings, Site, Locale):
        post_save.connect(
            bump_version, sender=model, dispatch_uid=f"chrome_save_{model.__name__}"
        )
        post_delete.connect(
            bump_version, sender=model, dispatch_uid=f"chrome_delete_{model.__name__}"
        )
    page_published.connect(bump_version, dispatch_uid="chrome_page_published")
    page_unpublished.connect(bump_version, dispatch_uid="chrome_page_unpublished")
    post_page_move.connect(bump_version, dispatch_uid="chrome_page_moved")
    post_delete.connect(_on_page_delete, dispatch_uid="chrome_page_deleted")


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_version()
