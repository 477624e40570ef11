"""What every public page shows around its content (menus, footer, the EU notice,
contact links, each language's home URL), resolved once and kept in the cache
per site and language, so a page view does not pay for it in queries.

A version number in the cache is bumped whenever any of it may change: a
navigation snippet or the portal settings saved or deleted, any page published,
unpublished, moved or deleted (link URLs), a site or locale saved, a view
restriction added, changed or removed (portal.privacy).
It is kept with portal.versioned_cache."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import versioned_cache
from portal.versioned_cache import cached


def _links(stream, request, language, label_language):
    """The links of a menu for a visitor reading `language`: a page link leads
    to the page's live translation in that language, else to the page itself,
    with `hreflang` naming the language it is in. `lang` names the language of
    the labels when the menu itself is a fallback in another language."""
    values = [block.value for block in stream]
    pages = [value["page"] for value in values if value.get("page") is not None]
    translations = {}
    codes = {}
    if pages:
        keys = {page.translation_key for page in pages}
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                translation_key__in=keys, locale__language_code=language
            )
        }
        codes = dict(Locale.objects.values_list("pk", "language_code"))
    lang = label_language if label_language != language else ""
    links = []
    for value in values:
        page = value.get("page")
        hreflang = ""
        if page is None:
            url = value.get("url")
        elif page.translation_key in translations:
            url = translations[page.translation_key].get_url(request)
        elif page.live:
            url = page.get_url(request)
            hreflang = codes.get(page.locale_id, "")
            hreflang = hreflang if hreflang != language else ""
        else:
            url = None  # neither the page nor a translation is published
        if url:
            links.append(
                {
                    "label": value["label"],
                    "url": url,
                    "lang": lang,
                    "hreflang": hreflang,
                }
            )
    return links


def url_for_language(queryset, request=None):
    """The URL of the page of `queryset` in the active language, else of the one
    in the default language, and the `hreflang` a link to it then needs ("" in
    the active language); (None, "") when there is neither (one query)."""
    language = get_language() or settings.LANGUAGE_CODE
    codes = [language, settings.LANGUAGE_CODE]
    pages = {
        page.locale.language_code: page
        for page in queryset.filter(locale__language_code__in=codes)
        .select_related("locale")
        .defer_streamfields()
    }
    for code in codes:
        if code in pages:
            url = pages[code].get_url(request)
            if url:
                return url, "" if code == language else code
    return None, ""


def navigation_data(navigation, request=None, language=None):
    """The menus of `navigation` for a visitor reading `language` (the active
    one by default), as plain values."""
    if navigation is None:
        return None
    language = language or get_language() or settings.LANGUAGE_CODE
    label_language = navigation.locale.language_code
    primary = _links(navigation.primary_links, request, language, label_language)
    project = _links(navigation.project_links, request, language, label_language)
    # The footer's resources column is the main menu less the pages its project
    # column lists already: editors keep one list of the site's sections.
    project_urls = {link["url"].split("#")[0] for link in project}
    return {
        "primary": primary,
        "project": project,
        "resources": [
            link for link in primary if link["url"].split("#")[0] not in project_urls
        ],
        "footer": _links(navigation.footer_links, request, language, label_language),
        "lang": label_language if label_language != language else "",
        "funding_statement": navigation.funding_statement,
        "disclaimer": navigation.disclaimer,
    }


def menu_translation_keys():
    """The translation keys of the pages the live menus link: publishing,
    unpublishing or moving any translation of one changes the menus."""

    def build():
        from portal.models import SiteNavigation

        ids = set()
        for menus in SiteNavigation.objects.filter(live=True).values_list(
            "primary_links", "project_links", "footer_links"
        ):
            for stream in menus:
                ids.update(block["value"].get("page") for block in stream.raw_data)
        ids.discard(None)
        return frozenset(
            Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
        )

    return cached("menu-translation-keys", build)


SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def _site_rows(version=None):
    def build():
        return tuple(Site.objects.order_by("pk").values_list(*SITE_FIELDS))

    return cached("sites", build, version)


def _match_site(rows, hostname, port):
    """The row Wagtail's get_site_for_hostname would choose: the hostname and
    port, else the hostname on the default site, else the only other site with
    the hostname, else the default site."""
    ranked = []
    for row in rows:
        _pk, site_hostname, site_port, _name, _root, is_default = row
        if site_hostname == hostname and site_port == port:
            ranked.append((0, row))
        elif site_hostname == hostname and is_default:
            ranked.append((1, row))
        elif is_default:
            ranked.append((2, row))
        elif site_hostname == hostname:
            ranked.append((3, row))
    ranked.sort(key=lambda item: item[0])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (0, 1):
        return ranked[0][1]
    if ranked[0][0] == 2:
        return ranked[len(ranked) == 2][1]
    return None


def _site_row(request, version=None):
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        port = None
    return _match_site(_site_rows(version), hostname, port)


def site_for_request(request):
    """A fresh Site object for the request, matched as Wagtail matches it
    (Site.find_for_request) but against the list of sites kept here: no query,
    and nothing kept per Host header, whatever hosts visitors send."""
    row = _site_row(request)
    return Site(**dict(zip(SITE_FIELDS, row, strict=True))) if row else None


def site_id_for_request(request, version=None):
    """The id of the site site_for_request() would give, or None (the page
    cache's key: no Site object built on a cache hit). `version`: the
    current version when the caller has read it."""
    row = _site_row(request, version)
    return row[0] if row else None


def site_key(request):
    """What cached values that depend on the request's site are keyed by."""
    if request is None:
        return 0
    site = site_for_request(request)
    return site.pk if site is not None else 0


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
    head_links = []
    for hook in hooks.get_hooks("portal_head_links"):
        head_links.extend(hook(request) or [])
    # The footer's open data column: apps add their exports and feeds with the
    # `portal_open_data_links` hook, a function (request) -> list of
    # {"label", "url", "type"} for the active language, sorted by "order".
    open_data = []
    for hook in hooks.get_hooks("portal_open_data_links"):
        open_data.extend(hook(request) or [])
    open_data.sort(key=lambda link: link.get("order", 50))
    return {
        "roots": roots,
        "head_links": head_links,
        "open_data": open_data,
        "navigation": navigation_data(
            SiteNavigation.for_active_locale(), request, language
        ),
        "contact_email": getattr(portal_settings, "contact_email", ""),
        "social_links": getattr(portal_settings, "social_links", []),
    }


def chrome(request):
    """The page chrome for this request's site and the active language."""
    if request is not None and hasattr(request, "_portal_chrome"):
        return request._portal_chrome
    language = get_language()
    version = versioned_cache.version()
    # The site's id from the cached list of sites: no query on a chrome hit.
    site_id = site_id_for_request(request, version) if request is not None else None
    if site_id is None:
        site = _site(request)
        site_id = site.pk if site else 0
    key = f"portal:chrome:{version}:{site_id}:{language}"
    data = versioned_cache.get(key)
    if data is None:
        data = _build(_site(request), language, request)
        versioned_cache.put(key, data)
    if request is not None:
        request._portal_chrome = data
    return data


def page_data(request, page):
    """What a page shows of its neighbours: the URL of each live translation
    (public ones only on a public page: the language switcher and hreflang)
    and its breadcrumbs, as plain values."""
    if request is not None:
        memo = request.__dict__.setdefault("_portal_page_data", {})
        if page.pk in memo:
            return memo[page.pk]
    site = site_key(request)

    def build():
        translations = {}
        live = Page.objects.live().filter(translation_key=page.translation_key)
        if restricted_paths() and not page.get_view_restrictions().exists():
            # A public page's hreflang and switcher never point visitors (nor
            # search engines) at a private translation; on a private page the
            # visitor was let in, and search engines never see it.
            live = live.public()
        for translation in live.select_related("locale"):
            url = translation.get_url(request)
            translations[translation.locale.language_code] = {
                "url": url,
                "full_url": translation.get_full_url(request),
            }
        crumbs = [
            {
                "title": ancestor.title,
                "url": ancestor.get_url(request),
                "full_url": ancestor.get_full_url(request),
            }
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]
        # Notices apps attach to a page (`portal_page_notices` hook: a function
        # (page) -> list of texts), e.g. a translation published incomplete.
        notices = []
        for hook in hooks.get_hooks("portal_page_notices"):
            notices.extend(str(notice) for notice in hook(page) or [])
        return {"translations": translations, "breadcrumbs": crumbs, "notices": notices}

    data = cached(f"page:{site}:{page.pk}", build)
    if request is not None:
        memo[page.pk] = data
    return data


def restricted_paths():
    """Tree paths under which Wagtail must look for view restrictions: pages that
    carry one and aliases (whose source's restrictions apply)."""

    def build():
        paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
        paths.update(
            Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        )
        return frozenset(paths)

    return cached("restricted-paths", build)


def _on_page_save(sender, instance, created, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id and created:
        versioned_cache.bump()


def connect_signals():
    from portal.models import PortalSettings, SiteNavigation

    post_save.connect(_on_page_save, dispatch_uid="chrome_alias_created")
    for model in (SiteNavigation, PortalSettings, Site, Locale):
        post_save.connect(
            versioned_cache.bump,
            sender=model,
            dispatch_uid=f"chrome_save_{model.__name__}",
        )
        post_delete.connect(
            versioned_cache.bump,
            sender=model,
            dispatch_uid=f"chrome_delete_{model.__name__}",
        )
    page_published.connect(versioned_cache.bump, dispatch_uid="chrome_page_published")
    page_unpublished.connect(
        versioned_cache.bump, dispatch_uid="chrome_page_unpublished"
    )
    post_page_move.connect(versioned_cache.bump, dispatch_uid="chrome_page_moved")
    post_delete.connect(_on_page_delete, dispatch_uid="chrome_page_deleted")


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        versioned_cache.bump()
