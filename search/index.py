"""The site search's own index: one SearchEntry per public page or document,
its words indexed by the database with the analyser of its language.

Wagtail's database search backend indexes every language with one analyser,
so word forms do not meet ("virtual tour" / "virtual tours") and ranking is
left to a score computed row by row. Here:

- PostgreSQL keeps a tsvector per entry made with the language's text-search
  configuration (portal_en ... portal_hr: unaccent, then the Snowball stemmer),
  weighted title A, description B, body C, document text D, under a GIN index
  per language;
  ranking is ts_rank times the entry's boost.
- SQLite keeps an FTS5 table of the same texts, stemmed in Python
  (search.analysis), each stem prefixed by its language ("fr_partenariat") so
  a language's search reads only its own terms; ranking is FTS5's bm25 with
  the same column weights, times the boost.

The rest (which entries exist, their texts, the typo dictionary) is the same
on both, and kept in step with publishing, unpublishing, deleting, moving and
privacy by the signal handlers at the end of this module. The texts of an
entry come from search.entries, the database's index from search.engines.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import F, Q

from portal.migrating import when_schema_is_current

from . import analysis
from .engines import backend
from .entries import document_entry, page_entry
from .models import DocumentText, SearchEntry, SearchWord

# --- the typo dictionary ----------------------------------------------------


def entry_words(entry):
    return {
        w
        for w in analysis.words(f"{entry.title} {entry.description} {entry.body}")
        if len(w) >= analysis.TYPO_MIN_LENGTH and len(w) <= 60 and not w.isdigit()
    }


def _count_words(language, words, delta):
    """Add `delta` (negative: remove) to the entry counts of `words`; a word
    counted down to nothing leaves the dictionary."""
    words = sorted(words)
    for start in range(0, len(words), 500):
        chunk = words[start : start + 500]
        rows = SearchWord.objects.filter(language=language, word__in=chunk)
        if delta > 0:
            known = set(rows.values_list("word", flat=True))
            rows.update(entries=F("entries") + delta)
            SearchWord.objects.bulk_create(
                [
                    SearchWord(language=language, word=w, entries=delta)
                    for w in chunk
                    if w not in known
                ],
                ignore_conflicts=True,
            )
        else:
            rows.update(entries=F("entries") + delta)
            rows.filter(entries__lte=0).delete()


# --- keeping the index in step ------------------------------------------------


def _replace(entries, key):
    """Write entries (each with page_id or document_id set), replacing the
    entries of the same objects, and keep the typo dictionary in step."""
    if not entries:
        return
    ids = [getattr(e, key) for e in entries]
    old = {
        getattr(e, key): e for e in SearchEntry.objects.filter(**{f"{key}__in": ids})
    }
    index = backend()
    with transaction.atomic():
        added, removed = Counter(), Counter()
        for entry in entries:
            previous = old.get(getattr(entry, key))
            new_words = entry_words(entry)
            old_words = entry_words(previous) if previous is not None else set()
            if previous is not None and previous.language != entry.language:
                for w in old_words:
                    removed[(previous.language, w)] += 1
                old_words = set()
            for w in new_words - old_words:
                added[(entry.language, w)] += 1
            for w in old_words - new_words:
                removed[(entry.language, w)] += 1
            if previous is not None:
                entry.pk = previous.pk
        _apply_word_counts(added, 1)
        _apply_word_counts(removed, -1)
        new = [e for e in entries if e.pk is None]
        kept = [e for e in entries if e.pk is not None]
        SearchEntry.objects.bulk_create(new, batch_size=500)
        if kept:
            SearchEntry.objects.bulk_update(
                kept,
                ["language", "kind", "title", "description", "body", "boost", "date"],
                batch_size=500,
            )
        if connection.vendor != "postgresql" or not all(e.pk for e in new):
            new = list(
                SearchEntry.objects.filter(**{f"{key}__in": ids}).only("pk", key)
            )
        index.write([e.pk for e in [*kept, *new]])


def _apply_word_counts(counter, step):
    """Counter of (language, word) -> entries: one update per distinct count."""
    groups = {}
    for (language, word), n in counter.items():
        groups.setdefault((language, n), []).append(word)
    for (language, n), words in groups.items():
        _count_words(language, words, step * n)


def remove_entries(queryset):
    # One by one through the deletion signal (on_entry_deleted), as when a
    # page or document is deleted and its entry goes with it.
    with transaction.atomic():
        queryset.delete()


def index_pages(pages):
    """(Re)index pages: live, public ones get an entry, the others lose theirs."""
    from wagtail.models import Page

    ids = [p.pk for p in pages]
    public = (
        Page.objects.filter(pk__in=ids, depth__gt=1)
        .live()
        .public()
        .specific()
        .select_related("locale")
    )
    entries = [page_entry(p) for p in public]
    shown = {e.page_id for e in entries}
    remove_entries(SearchEntry.objects.filter(page_id__in=set(ids) - shown))
    _replace(entries, "page_id")


def private_collection_ids():
    """The collections under a view restriction, and the ones below them."""
    from wagtail.models import Collection, CollectionViewRestriction

    paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return list(Collection.objects.filter(condition).values_list("pk", flat=True))


def index_documents(documents):
    private = set(private_collection_ids())
    keep = [d for d in documents if d.collection_id not in private]
    texts = {t.document_id: t for t in DocumentText.objects.filter(document__in=keep)}
    hidden = [d.pk for d in documents if d.collection_id in private]
    remove_entries(SearchEntry.objects.filter(document_id__in=hidden))
    _replace([document_entry(d, texts.get(d.pk)) for d in keep], "document_id")


@when_schema_is_current
def build_if_empty(**kwargs):
    """After `migrate`: a site that has pages but no entries yet (the first
    migrate after this index was added, a database restored by hand) gets
    its index at once rather than an empty search."""
    from wagtail.models import Page

    using = kwargs.get("using", "default")
    if using != "default" or SearchEntry.objects.exists():
        return
    if Page.objects.filter(depth__gt=2).live().exists():
        rebuild()


def rebuild():
    """Every entry again, from the pages and documents as they are now."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    with transaction.atomic():
        backend().clear()
        with connection.cursor() as cursor:
            # Everything goes, so no entry needs its words counted out.
            cursor.execute("DELETE FROM portal_search_searchentry")
        SearchWord.objects.all().delete()
        pages = list(Page.objects.filter(depth__gt=1).only("pk"))
        for start in range(0, len(pages), 200):
            index_pages(pages[start : start + 200])
        documents = list(get_document_model().objects.all())
        for start in range(0, len(documents), 200):
            index_documents(documents[start : start + 200])


# --- signal handlers ------------------------------------------------------------


def on_entry_deleted(sender, instance, **kwargs):
    backend().remove([instance.pk])
    removed = Counter((instance.language, w) for w in entry_words(instance))
    _apply_word_counts(removed, -1)


def on_page_published(sender, instance, **kwargs):
    index_pages([instance])


def on_page_unpublished(sender, instance, **kwargs):
    # Also sent before a page is deleted, with the row still live (Wagtail
    # unpublishes without saving): the entry goes whatever the row says.
    remove_entries(SearchEntry.objects.filter(page_id=instance.pk))


def on_page_moved(sender, instance, **kwargs):
    # Moved under a private section (or out of one): the subtree's privacy.
    index_pages(list(instance.get_descendants(inclusive=True).only("pk")))


def on_page_privacy(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone already when deleted along with its page
        index_pages(list(page.get_descendants(inclusive=True).only("pk")))


def on_collection_privacy(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    below = collection.get_descendants(inclusive=True)
    index_documents(list(get_document_model().objects.filter(collection__in=below)))


def on_document_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    index_documents([instance])


def on_document_text_saved(sender, instance, **kwargs):
    """The text was read, its language set, or it was removed."""
    if kwargs.get("raw"):
        return
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(pk=instance.document_id).first()
    if document is not None:
        index_documents([document])


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_published, dispatch_uid="search_index_publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_index_unpublish")
    post_page_move.connect(on_page_moved, dispatch_uid="search_index_move")
    post_delete.connect(
        on_entry_deleted, sender=SearchEntry, dispatch_uid="search_index_delete"
    )
    for signal in (post_save, post_delete):
        name = signal is post_save and "save" or "delete"
        signal.connect(
            on_page_privacy,
            sender=PageViewRestriction,
            dispatch_uid=f"search_index_page_privacy_{name}",
        )
        signal.connect(
            on_collection_privacy,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_index_collection_privacy_{name}",
        )
    post_save.connect(
        on_document_saved,
        sender=get_document_model(),
        dispatch_uid="search_index_document",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_document_text_saved,
            sender=DocumentText,
            dispatch_uid=f"search_index_document_text_{signal is post_save}",
        )
