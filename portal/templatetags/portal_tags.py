import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import dateformat, formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale

from portal import navigation, versioned_cache
from portal.models import SiteNavigation

register = template.Library()

SITE_NAME = "Keep In Pact"


@register.filter(is_safe=True)
def with_site_name(title):
    """A page's `<title>`: its own title followed by the site's name, which is
    never said twice (a title that names the site already stays as it is)."""
    title = " ".join(str(title).split())
    if not title:
        return SITE_NAME
    if SITE_NAME.casefold() in title.casefold():
        return title
    return f"{title} | {SITE_NAME}"


@register.simple_tag(takes_context=True)
def page_chrome(context):
    """Menus, footer, contact links and language homes (portal.navigation)."""
    request = context.get("request")
    if isinstance(context.get("object"), SiteNavigation):  # previewing a navigation
        data = dict(navigation.chrome(request))
        preview = context["object"]  # shown as a visitor in its language sees it
        data["navigation"] = navigation.navigation_data(
            preview, request, preview.locale.language_code
        )
        return data
    return navigation.chrome(request)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per configured language: where the language switcher leads and
    whether the current page exists in that language (for hreflang)."""
    request = context.get("request")
    current = get_language()
    page = page or None  # a view without a page passes "" (undefined variable)
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = navigation.page_data(request, page)["translations"]
    roots = navigation.chrome(request)["roots"]
    query = _kept_query(request, translations.get(current))
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            url, available = translation["url"], True
            full_url = translation["full_url"] or _on_site(request, url)
            url += query
        elif page is None and _is_app_view(request):
            # the same view in that language, with the same query (search)
            url, available = translate_url(request.get_full_path(), code), True
            full_url = _on_site(request, url)
        else:
            url = roots.get(code) or f"/{code}/"
            if page is not None and getattr(page, "pk", None):
                url = f"{url}?untranslated={page.pk}"
            available = False
            full_url = _on_site(request, url)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "available": available,
                "current": code == current,
            }
        )
    return links


def _kept_query(request, this_page):
    """The query of a request for the page itself (a listing's filters and
    page, whose values are the same in every language) for the switcher to
    keep; not the note about an untranslated page, nor an admin preview's."""
    if request is None or not request.GET or this_page is None:
        return ""
    if request.path != this_page["url"]:
        return ""
    query = request.GET.copy()
    query.pop("untranslated", None)
    return "?" + query.urlencode() if query else ""


def _is_app_view(request):
    """A view of the site's own (the search) rather than Wagtail's page serving,
    which has no page here only when it answers "not found"."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


def _on_site(request, url):
    """`url` made absolute on the request's Wagtail site, as Wagtail builds full
    URLs: never on the Host header sent (pages are cached per site)."""
    if request is None or not url.startswith("/"):
        return url
    site = navigation.site_for_request(request)
    if site is None:
        return request.build_absolute_uri(url)
    return site.root_url + url


@register.simple_tag(takes_context=True)
def language_home_url(context):
    roots = navigation.chrome(context.get("request"))["roots"]
    return roots.get(get_language()) or roots.get(settings.LANGUAGE_CODE) or "/"


@register.filter(expects_localtime=True)
def day_and_date(value):
    """'Monday 28 March 2022': the day of the week, then the date in the
    language's own format (DATE_FORMAT), in the current time zone."""
    if not value:
        return ""
    return f"{dateformat.format(value, 'l')} {formats.date_format(value)}"


@register.simple_tag
def json_ld(data):
    """Render schema.org data as a JSON-LD script, safe inside HTML."""
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, default=str)
    payload = (
        payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    script = '<script type="application/ld+json">{}</script>'
    return format_html(script, mark_safe(payload))  # noqa: S308 - escaped above


@register.filter
def filesize_label(document):
    """'PDF, 1.2 MB' for a Wagtail document, without touching storage twice."""
    from django.template.defaultfilters import filesizeformat

    extension = (document.file_extension or "").upper()
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            size = None
    return f"{extension}, {filesizeformat(size)}" if size else extension


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.simple_tag(takes_context=True)
def head_links(context):
    """`<link>` elements every page of a language announces (feeds, calendars,
    GeoJSON...). Apps add theirs with the `portal_head_links` hook: a function
    (request) -> list of dicts with rel, type, href and title."""

    request = context.get("request")
    return navigation.chrome(request)["head_links"]


@register.simple_tag(takes_context=True)
def page_neighbours(context, page):
    """The page's translations and breadcrumbs (portal.navigation.page_data)."""
    if page is None or not getattr(page, "pk", None):
        return {"translations": {}, "breadcrumbs": [], "notices": []}
    return navigation.page_data(context.get("request"), page)


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, page):
    """BreadcrumbList structured data for a page below the language root."""
    request = context.get("request")
    crumbs = [
        *navigation.page_data(request, page)["breadcrumbs"],
        {"title": page.title, "full_url": page.get_full_url(request)},
    ]
    if len(crumbs) < 2:
        return ""
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb["title"],
            "item": crumb["full_url"],
        }
        for position, crumb in enumerate(crumbs, start=1)
    ]
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }
    )


@register.inclusion_tag("includes/europe_map.html")
def europe_map(label, countries=(), points=(), extra_class=""):
    """A small map of Europe as inline SVG over the static outline: the given
    countries (alpha-2 codes) highlighted, points as dots. No request beyond
    one cached static file; `label` is its text alternative."""
    from portal.europe_map import drawing

    return {"label": label, "extra_class": extra_class, **drawing(countries, points)}


@register.filter
def country_label(code):
    """A country's name in the visitor's language, from its alpha-2 code."""
    from portal.countries import country_name

    return country_name(code)


@register.simple_tag(takes_context=True)
def chrome_fragment(context, template_name):
    """A part of the chrome that is the same on every page of a site in a
    language (the footer, the main menu), rendered once per version in this
    process: only the link to the page being read (aria-current) differs."""
    template = context.template.engine.get_template(template_name)
    request = context.get("request")
    if request is None or isinstance(context.get("object"), SiteNavigation):
        return template.render(context)  # a navigation being previewed
    menus = (context.get("chrome") or {}).get("navigation") or {}
    urls = {
        link["url"]
        for group in ("primary", "project", "resources", "footer")
        for link in menus.get(group) or ()
    }
    current = request.path if request.path in urls else ""
    site_id = navigation.site_id_for_request(request)
    key = f"fragment:{template_name}:{site_id}:{get_language()}:{current}"
    return versioned_cache.in_process(key, lambda: template.render(context))
