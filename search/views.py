"""The site search: live, public pages of the visitor's language and public
documents, with type facets, promotions and a query log without personal data."""

import difflib
import logging
from urllib.parse import urlencode

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page

from portal import navigation
from portal.params import int_param

from .models import DocumentText
from .query import MAX_INPUT, clean_words, snippet

logger = logging.getLogger(__name__)
PER_PAGE = 10

# Facet key -> (model label or None, visible name).
TYPES = [
    ("news", "home.NewsPage", _("News")),
    ("event", "events.EventPage", _("Events")),
    ("guide", "guide.GuideChapterPage", _("Guide")),
    ("case-study", "guide.CaseStudyPage", _("Case studies")),
    ("centre", "directory.CentrePage", _("Centres")),
    ("document", None, _("Documents")),
    ("page", None, _("Other pages")),
]
TYPE_NAMES = {key: name for key, _label, name in TYPES}
DATE_FIELDS = ("date", "start_date", "start", "starts_at")


def type_content_types():
    """{facet key: content type id} for the page models that exist now."""
    from django.contrib.contenttypes.models import ContentType

    mapping = {}
    for key, label, _name in TYPES:
        if not label:
            continue
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        mapping[key] = ContentType.objects.get_for_model(model).pk
    return mapping


def private_collection_ids():
    paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return list(Collection.objects.filter(condition).values_list("pk", flat=True))


def public_documents():
    private = private_collection_ids()
    if not private:
        return DocumentText.objects.all()
    from wagtail.documents import get_document_model

    hidden = list(
        get_document_model()
        .objects.filter(collection_id__in=private)
        .values_list("pk", flat=True)
    )
    return DocumentText.objects.exclude(document_id__in=hidden)


def index_texts(objects):
    """{(content type id, object pk): indexed text} in one query (database
    search backends keep the text beside the index)."""
    from modelsearch.conf import get_app_config

    try:
        IndexEntry = get_app_config().get_model("IndexEntry")
    except LookupError:  # pragma: no cover
        return {}
    field = "body_text" if hasattr(IndexEntry, "body_text") else "body"
    ids = [str(obj.pk) for obj in objects]
    if not ids:
        return {}
    rows = IndexEntry.objects.filter(object_id__in=ids).values_list(
        "content_type_id", "object_id", field
    )
    return {(ct, object_id): text for ct, object_id, text in rows}


def title_suggestions(words, locale):
    # Under the chrome version: a page published, unpublished or made private
    # changes the words at once, in every process.
    key = f"portal_search:vocabulary:{navigation._version()}:{locale.pk}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = Page.objects.live().public().filter(locale=locale, depth__gt=1)
        vocabulary = sorted(
            {
                word.lower()
                for title in titles.values_list("title", flat=True)[:20000]
                for word in title.split()
                if len(word) > 2 and word.isalpha()
            }
        )
        cache.set(key, vocabulary, 300)
    suggestions = []
    for word in words:
        for match in difflib.get_close_matches(
            word.lower(), vocabulary, n=1, cutoff=0.75
        ):
            if match != word.lower():
                suggestions.append(
                    " ".join(match if w == word else w for w in words).lower()
                )
    return list(dict.fromkeys(suggestions))[:3]


def other_languages(words, locale):
    results = (
        Page.objects.live()
        .public()
        .exclude(locale=locale)
        .search(" ".join(words), operator="and", order_by_relevance=False)
    )
    locale_ids = [pk for pk, count in results.facet("locale_id").items() if count]
    return list(Locale.objects.filter(pk__in=locale_ids).order_by("language_code"))


def promotions_for(words, locale):
    picks = list(
        SearchPromotion.objects.filter(query__query_string=" ".join(words).lower())
        .select_related("page")
        .order_by("sort_order")
    )
    if not picks:
        return []
    keys = [p.page.translation_key for p in picks if p.page_id]
    pages = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys)
    }
    promoted = []
    for pick in picks:
        if pick.page_id:
            page = pages.get(pick.page.translation_key)
            if page is not None:
                promoted.append(
                    {
                        "title": page.title,
                        "url": page.url,
                        "page_id": page.pk,
                        "description": pick.description,
                    }
                )
        elif pick.external_link_url:
            promoted.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return promoted


RELEVANCE_LIMIT = 300  # tests patch it to cover both orders


def ranked(pages, words, count):
    """Search results, best first. The database backends score every matching
    row (slow past a few hundred matches: a correlated subquery on SQLite, a
    join and sort of every match on PostgreSQL), so large result sets are
    ordered newest first by creation (the primary key), which both databases
    read backwards from its index, stopping after one page of results."""
    text = " ".join(words)
    if count <= RELEVANCE_LIMIT:
        return pages.search(text, operator="and")
    ordered = pages.order_by("-id")
    return ordered.search(text, operator="and", order_by_relevance=False)


def _page_number(raw):
    return min(int_param(raw, minimum=1, default=1), 10_000)


def search(request):
    raw = request.GET.get("q", "")
    query_text = raw.replace("\x00", "")[:MAX_INPUT]
    words = clean_words(raw)
    active_type = request.GET.get("type", "")
    if active_type not in TYPE_NAMES:
        active_type = ""
    number = _page_number(request.GET.get("page"))
    locale = Locale.get_active()
    context = {
        "search_query": query_text,
        "words": words,
        "active_type": active_type,
        "results": [],
        "facets": [],
        "promotions": [],
        "total": 0,
        "message": "",
    }
    if not raw.strip():
        context["message"] = _("Type one or more words to search the site.")
    elif not words:
        context["message"] = _(
            "Your search contained no words we can look for. Try letters or numbers."
        )
    elif len(raw) > MAX_INPUT:
        context["notice"] = _("Your search was long, so only its start was used.")
    if words:
        try:
            run_search(request, context, words, locale, active_type, number)
        except Exception:
            logger.exception("Search failed")
            context.update(results=[], facets=[], total=0)
            context["message"] = _(
                "Sorry, we could not run this search. Try different words."
            )
        else:
            log_query(" ".join(words))
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def run_search(request, context, words, locale, active_type, number):
    text = " ".join(words)
    type_cts = type_content_types()
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    facet_counts = dict(
        pages.search(text, operator="and", order_by_relevance=False).facet(
            "content_type_id"
        )
    )
    documents = public_documents().search(text, operator="and")
    doc_count = documents.count()

    ct_to_type = {ct: key for key, ct in type_cts.items()}
    counts = dict.fromkeys(TYPE_NAMES, 0)
    for ct, count in facet_counts.items():
        counts[ct_to_type.get(ct, "page")] += count
    counts["document"] = doc_count
    total = sum(counts.values())

    base = {"q": context["search_query"]}
    context["facets"] = [
        {
            "key": key,
            "name": name,
            "count": counts[key],
            "url": "?" + urlencode({**base, "type": key}),
            "active": key == active_type,
        }
        for key, _label, name in TYPES
        if counts[key]
    ]
    context["all_url"] = "?" + urlencode(base)
    context["all_count"] = total

    if active_type == "document":
        page_results = pages.none()
        page_count = 0
    else:
        page_results = pages
        if active_type == "page":
            page_results = pages.exclude(content_type_id__in=type_cts.values())
        elif active_type:
            page_results = pages.filter(content_type_id=type_cts.get(active_type, 0))
        page_count = counts[active_type] if active_type else total - doc_count
    if active_type and active_type != "document":
        doc_count = 0
    shown_total = page_count + doc_count
    last = max(1, -(-shown_total // PER_PAGE))
    number = min(number, last)
    start, stop = (number - 1) * PER_PAGE, number * PER_PAGE

    found_pages = []
    if start < page_count:
        found_pages = list(
            ranked(page_results, words, page_count)[start : min(stop, page_count)]
        )
    found_docs = []
    if stop > page_count and doc_count:
        doc_start = max(0, start - page_count)
        found_docs = list(documents[doc_start : stop - page_count])

    results = []
    if found_pages:
        specific = {
            p.pk: p
            for p in Page.objects.filter(pk__in=[p.pk for p in found_pages])
            .specific(defer=False)
            .defer_streamfields()
        }
        texts = index_texts(found_pages)
        for page in found_pages:
            page = specific.get(page.pk, page)
            key = ct_to_type.get(page.content_type_id, "page")
            body = texts.get((page.content_type_id, str(page.pk)), "") or getattr(
                page, "search_description", ""
            )
            date = next(
                (getattr(page, f) for f in DATE_FIELDS if getattr(page, f, None)), None
            )
            results.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": TYPE_NAMES[key],
                    "snippet": snippet(body, words),
                    "date": date,
                }
            )
    if found_docs:
        doc_model = DocumentText._meta.get_field("document").related_model
        by_id = doc_model.objects.in_bulk([d.document_id for d in found_docs])
        for found in found_docs:
            document = by_id.get(found.document_id)
            if document is None:
                continue
            results.append(
                {
                    "title": found.title,
                    "url": document.url,
                    "type": TYPE_NAMES["document"],
                    "snippet": snippet(found.text, words),
                    "date": document.created_at,
                    "document": document,
                }
            )

    promotions = []
    if number == 1 and not active_type:
        promotions = promotions_for(words, locale)
    context.update(
        results=results,
        total=shown_total,
        promotions=promotions,
        page_number=number,
        last_page=last,
    )
    nav_base = {**base, **({"type": active_type} if active_type else {})}
    if number > 1:
        context["previous_url"] = "?" + urlencode({**nav_base, "page": number - 1})
    if number < last:
        context["next_url"] = "?" + urlencode({**nav_base, "page": number + 1})
    if total == 0 and not promotions:
        context["suggestions"] = [
            {"text": s, "url": "?" + urlencode({"q": s})}
            for s in title_suggestions(words, locale)
        ]
        context["other_locales"] = [
            {
                "locale": other,
                "url": f"/{other.language_code}/search/?"
                + urlencode({"q": context["search_query"]}),
            }
            for other in other_languages(words, locale)
        ]
        context["help_links"] = help_links(locale)


def log_query(text):
    """Count the query for the admin's search terms report (Wagtail's Query and
    QueryDailyHits). A database that refuses the write (locked, read-only)
    costs the report one hit, never the visitor their results; the savepoint
    keeps a failed write from aborting the request's transaction on
    PostgreSQL."""
    try:
        with transaction.atomic():
            Query.get(text.lower()).add_hit()
    except DatabaseError:
        logger.warning("Could not log the search query", exc_info=True)


def help_links(locale):
    """The directory and the guide of this language (kept in the chrome cache)."""

    def build():
        links = []
        for label in ("directory.DirectoryPage", "guide.GuidePage"):
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            page = model.objects.live().public().filter(locale=locale).first()
            if page is not None:
                links.append({"title": page.title, "url": page.url})
        return links

    return navigation._cached(f"search-help:{locale.pk}", build)
