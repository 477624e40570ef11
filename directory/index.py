"""Keeps the directory's own index (DirectoryEntry, and through its triggers or
generated column the full-text index) in step with live, public centre pages:
publishing, unpublishing, moving or deleting a centre, and adding or removing a
view restriction on it or on an ancestor."""

import math
import unicodedata

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import versioned_cache
from portal.countries import country_name

from . import model
from .languages import parse_language_codes

VERSION_KEY = "directory:index-version"


def fold(text):
    """Lower case without accents: 'Cité des Métiers' -> 'cite des metiers'."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def bump_version():
    """Facet caches (countries, languages on offer) are keyed by this number."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def index_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def facet_token(kind, value):
    """'s', 'social-care' -> 'zzssocialcare': one FTS token per filter value."""
    return "zz" + kind + "".join(c for c in fold(value) if c.isalnum())


# Geographic cells as facet tokens: a box around a point becomes an OR of the
# cells it touches, so FTS5 intersects text, filters and place in one MATCH
# ("near me" with a search then reads only the matches near the visitor).
# 1-degree cells serve boxes up to CELL_RADII[0] degrees of latitude around the
# point, 5-degree cells up to CELL_RADII[1]; larger boxes use no cells.
CELL_SIZES = (1, 5)
CELL_RADII = (2.0, 8.0)


def cell_token(size, latitude, longitude):
    """(1, 45.8, -15.9) -> 'zzk1n45xm16': the cell's south-west corner in
    units of `size` degrees ('m' for minus: tokens are letters and digits)."""

    def number(value):
        value = math.floor(value / size)
        return f"m{-value}" if value < 0 else str(value)

    return f"zzk{size}n{number(latitude)}x{number(longitude)}"


def cell_tokens(size, south, west, north, east):
    """The tokens of every `size`-degree cell a box touches."""
    rows = range(math.floor(south / size), math.floor(north / size) + 1)
    columns = range(math.floor(west / size), math.floor(east / size) + 1)
    return [
        cell_token(size, row * size, column * size)
        for row in rows
        for column in columns
    ]


def facets_of(entry):
    tokens = [
        facet_token("l", str(entry.locale_id)),
        facet_token("c", entry.country),
        facet_token("t", entry.centre_type),
    ]
    tokens += [facet_token("s", slug) for slug in entry.services.split()]
    tokens += [facet_token("g", code) for code in entry.languages.split()]
    if entry.has_tour:
        tokens.append(facet_token("v", "tour"))
    if entry.latitude is not None and entry.longitude is not None:
        tokens += [
            cell_token(size, entry.latitude, entry.longitude) for size in CELL_SIZES
        ]
    return " ".join(tokens)


def build_entry(page, services_by_slug=None, url=None):
    """The unsaved index row of a centre page (`services_by_slug` and `url` may
    be given by bulk callers to save queries)."""
    language = page.locale.language_code if page.locale_id else "en"
    if services_by_slug is None:
        services_by_slug = model("Service").for_locale(page.locale)
        slugs = [service.slug for service in page.services.all()]
    else:
        slugs = getattr(page, "_service_slugs", [])
    names = [services_by_slug[s].name for s in slugs if s in services_by_slug]
    with override(language):
        country_label = country_name(page.country, language)
    text = " ".join(
        part
        for part in [
            page.title,
            page.city,
            page.region,
            page.postcode,
            page.address,
            country_label,
            country_name(page.country, "en"),
            " ".join(names),
            page.publics,
            strip_tags(page.description or ""),
            page.search_description,
        ]
        if part
    )
    entry = model("DirectoryEntry")(
        page_id=page.pk,
        locale_id=page.locale_id,
        directory_id=page.get_parent().pk if url is None else page._directory_id,
        title=page.title[:255],
        sort_title=fold(page.title)[:255],
        url=(url if url is not None else page.get_url())[:500],
        centre_type=page.centre_type,
        country=page.country,
        region=page.region,
        city=page.city,
        city_key=fold(page.city)[:100],
        address=page.address,
        postcode=page.postcode,
        website=page.website,
        email=page.email,
        phone=page.phone,
        latitude=page.latitude,
        longitude=page.longitude,
        services=f" {' '.join(slugs)} " if slugs else "",
        languages=(
            f" {' '.join(parse_language_codes(page.languages))} "
            if page.languages
            else ""
        ),
        has_tour=bool(page.virtual_tour_url) or has_own_tour(page),
        search_text=fold(text),
    )
    entry.facets = facets_of(entry)
    return entry


def has_own_tour(page):
    """Whether an app (tours) publishes a tour of this centre on this site."""
    return any(fn(page) for fn in hooks.get_hooks("centre_has_tour"))


def is_listed(page):
    return page.live and not page.get_view_restrictions().exists()


def index_centre(page):
    page = page.specific
    if not isinstance(page, model("CentrePage")):
        return
    if not is_listed(page):
        unindex(page.pk)
        return
    entry = build_entry(page)
    # Delete then insert: the FTS triggers keep the text index in step.
    model("DirectoryEntry").objects.filter(page_id=page.pk).delete()
    entry.save(force_insert=True)
    bump_version()


def unindex(page_id):
    deleted, _ = model("DirectoryEntry").objects.filter(page_id=page_id).delete()
    if deleted:
        bump_version()


def optimize():
    """Merge the SQLite full-text index into one segment after bulk writes."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO directory_entry_fts(directory_entry_fts) VALUES('optimize')"
            )


def rebuild(stdout=None):
    """Rebuild the whole index from the live centre pages."""
    model("DirectoryEntry").objects.all().delete()
    count = 0
    for page in (
        model("CentrePage")
        .objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("services")
        .iterator(chunk_size=500)
    ):
        build_entry(page).save(force_insert=True)
        count += 1
    optimize()
    bump_version()
    return count


# Signal handlers --------------------------------------------------------------
def on_published(sender, instance, **kwargs):
    index_centre(instance)


def on_unpublished(sender, instance, **kwargs):
    unindex(instance.pk)


def on_deleted(sender, instance, **kwargs):
    unindex(instance.pk)


def on_moved(sender, instance, **kwargs):
    """A moved directory or centre changes URLs: re-index the centres below."""
    for page in (
        model("CentrePage").objects.descendant_of(instance, inclusive=True).live()
    ):
        index_centre(page)


def relist_below(page):
    """Privacy (of a centre or an ancestor) decides whether a centre is listed:
    after a restriction on `page` was added or removed, drop the rows of the
    centres at and below it that are no longer public and build those of the
    public ones that have none (privacy changes no row's content)."""
    centres = model("CentrePage").objects.descendant_of(page, inclusive=True)
    listed = centres.live().public()
    changed, _ = (
        model("DirectoryEntry")
        .objects.filter(page_id__in=centres.values("pk"))
        .exclude(page_id__in=listed.values("pk"))
        .delete()
    )
    missing = (
        listed.exclude(pk__in=model("DirectoryEntry").objects.values("page_id"))
        .select_related("locale")
        .prefetch_related("services")
    )
    for centre in missing.iterator(chunk_size=500):
        build_entry(centre).save(force_insert=True)
        changed += 1
    if changed:
        bump_version()


def on_view_restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone already when deleted along with its page
        relist_below(page)


def on_service_saved(sender, instance, **kwargs):
    """A renamed service changes the searchable text of the centres offering it."""
    if kwargs.get("raw"):  # loading a dump, which holds the index rows
        return
    for page in model("CentrePage").objects.live().filter(services__slug=instance.slug):
        index_centre(page)


def connect():
    centres = model("CentrePage")
    page_published.connect(on_published, sender=centres, dispatch_uid="dir_pub")
    page_unpublished.connect(on_unpublished, sender=centres, dispatch_uid="dir_unpub")
    post_delete.connect(on_deleted, sender=centres, dispatch_uid="dir_delete")
    post_page_move.connect(on_moved, dispatch_uid="dir_move")
    post_save.connect(
        on_service_saved, sender=model("Service"), dispatch_uid="dir_service"
    )
    # The services' names per language are cached (Service.for_locale).
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(
            versioned_cache.bump,
            sender=model("Service"),
            dispatch_uid=f"dir_service_names_{name}",
        )
    post_save.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="dir_privacy_save",
    )
    post_delete.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="dir_privacy_delete",
    )
