"""The site search: live, public pages of the visitor's language and public
documents, with type facets, promotions and a query log without personal data."""

import difflib
import logging
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from portal import navigation, versioned_cache
from portal.params import int_param

from . import analysis, engines, snippets
from .analysis import MAX_INPUT
from .models import SearchEntry, SearchWord, ZeroResultSearch

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


def title_suggestions(words, locale):
    # Under the content version: a page published, unpublished or made
    # private changes the words at once, in every process.
    def build():
        titles = Page.objects.live().public().filter(locale=locale, depth__gt=1)
        return sorted(
            {
                word.lower()
                for title in titles.values_list("title", flat=True)[:20000]
                for word in title.split()
                if len(word) > 2 and word.isalpha()
            }
        )

    vocabulary = versioned_cache.cached(f"search-vocabulary:{locale.pk}", build)
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


def _page_number(raw):
    return min(int_param(raw, minimum=1, default=1), 10_000)


def search(request):
    raw = request.GET.get("q", "")
    query_text = raw.replace("\x00", "")[:MAX_INPUT]
    query = analysis.parse(raw)
    words = query.all_words
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
            with transaction.atomic():
                found = run_search(request, context, query, locale, active_type, number)
        except Exception:
            logger.exception("Search failed")
            context.update(results=[], facets=[], total=0)
            context["message"] = _(
                "Sorry, we could not run this search. Try different words."
            )
        else:
            log_query(query.text, locale, found)
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def typo_corrections(query, language, index):
    """{folded word: [public words one typo away]} for the words of five
    letters or more that find nothing as typed, the most frequent first (a
    word missing from the dictionary only because another form of it is
    used, "suradnja" beside "suradnje", finds its stem and is left alone)."""
    candidates = {
        analysis.fold(w)
        for w in query.words
        if len(w) >= analysis.TYPO_MIN_LENGTH and not w.isdigit()
    }
    if not candidates:
        return {}
    known = set(
        SearchWord.objects.filter(language=language, word__in=candidates).values_list(
            "word", flat=True
        )
    )
    corrections = {}
    for word in sorted(candidates - known):
        if index.exists(language, analysis.ParsedQuery(words=[word]), {}):
            continue
        close = (
            SearchWord.objects.filter(language=language, word__in=analysis.edits1(word))
            .order_by("-entries", "word")
            .values_list("word", flat=True)[:2]
        )
        if close:
            corrections[word] = list(close)
    return corrections


def _entry_results(request, entry_ids, language):
    """[(entry, url, document or None)] in the order of `entry_ids`, in one
    query (the entry with its page and the page's locale, or its document)."""
    entries = SearchEntry.objects.select_related(
        "page", "page__locale", "document"
    ).in_bulk(entry_ids)
    # The request's site from the cached list (no query per request).
    site = navigation.site_for_request(request)
    found = []
    for pk in entry_ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        if entry.page_id:
            url, document = entry.page.get_url(current_site=site), None
        else:
            document = entry.document
            url = document.url
        found.append((entry, url, document))
    return found


def run_search(request, context, query, locale, active_type, number):
    language = analysis.language_of(locale.language_code)
    index = engines.backend()
    index.prepare()
    corrections = typo_corrections(query, language, index)
    counts = dict.fromkeys(TYPE_NAMES, 0)
    for kind, count in index.counts(language, query, corrections).items():
        counts[kind if kind in counts else "page"] += count
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
    if corrections and total:
        context["corrected"] = sorted({w for ws in corrections.values() for w in ws})

    shown_total = counts[active_type] if active_type else total
    last = max(1, -(-shown_total // PER_PAGE))
    number = min(number, last)
    ids = []
    if shown_total:
        ids = index.ranked(
            language,
            query,
            corrections,
            kind=active_type or None,
            offset=(number - 1) * PER_PAGE,
            limit=PER_PAGE,
        )
    marked = snippets.Highlighter(query.all_words, language, corrections)
    results = [
        {
            "title": entry.title,
            "url": url,
            "type": TYPE_NAMES.get(entry.kind, TYPE_NAMES["page"]),
            "snippet": marked.snippet(entry.description, entry.body),
            "date": entry.date,
            "document": document,
        }
        for entry, url, document in _entry_results(request, ids, language)
    ]

    promotions = []
    if number == 1 and not active_type:
        promotions = promotions_for(query.all_words, locale)
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
    context["other_locales"], context["other_documents"] = other_languages(
        request, query, language, with_documents=number == 1
    )
    if total == 0 and not promotions:
        context["suggestions"] = [
            {"text": s, "url": "?" + urlencode({"q": s})}
            for s in title_suggestions(query.all_words, locale)
        ]
        context["help_links"] = help_links(locale)
    return total


def other_languages(request, query, language, with_documents=True):
    """The other site languages with a match (each searched with its own
    analyser), and the documents of other languages that match, best first."""
    index = engines.backend()
    names = dict(settings.LANGUAGES)
    found, document_ids = [], []
    for code in sorted(names):
        if code == language or code not in analysis.ALGORITHMS:
            continue
        if not index.exists(code, query, {}):
            continue
        other = {"language_code": code, "name": names[code]}
        found.append(
            {
                "locale": other,
                "url": f"/{code}/search/?" + urlencode({"q": query.text}),
            }
        )
        if with_documents and len(document_ids) < 5:
            for pk in index.top(code, query, kind="document", limit=5):
                document_ids.append((pk, other))
    document_ids = document_ids[:5]
    locales = dict(document_ids)
    results = _entry_results(request, [pk for pk, _other in document_ids], language)
    documents = [
        {"title": entry.title, "url": url, "locale": locales[entry.pk], "document": d}
        for entry, url, d in results
    ]
    return found, documents


def log_query(text, locale=None, found=1):
    """Count the query for the admin's search terms report (Wagtail's Query and
    QueryDailyHits). A database that refuses the write (locked, read-only)
    costs the report one hit, never the visitor their results; the savepoint
    keeps a failed write from aborting the request's transaction on
    PostgreSQL."""
    try:
        with transaction.atomic():
            Query.get(text.lower()).add_hit()
            if not found and locale is not None:
                entry, _created = ZeroResultSearch.objects.get_or_create(
                    language=locale.language_code,
                    query_string=text.lower()[:255],
                    date=timezone.localdate(),
                )
                ZeroResultSearch.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)
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

    return versioned_cache.cached(f"search-help:{locale.pk}", build)
