"""What a restore must reproduce, read the same way from the backed-up site and
the restored one. Run inside `manage.py shell` subprocesses by test_backup.py,
each pointed at its own database and media folder."""

import datetime
import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.encoding import is_protected_type

# Not compared table by table: content types and permissions are the target's
# own (compared through what refers to them), sessions and login attempts are
# not backed up, the search index is rebuilt (compared through searches).
NOT_COMPARED = {
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    "portal_search.searchentry",  # rebuilt after a restore (ids differ)
    "portal_search.searchword",
}
# JSON copies of a page that hold its content type id; Wagtail takes the page's
# own content type when it reads them.
CONTENT_TYPE_IN_JSON = {
    ("wagtailcore.revision", "content"),
    ("wagtail_localize.translationsource", "content_json"),
}
KEPT_TEXT = "Text stored for this document: zanzibarquoll survives restores."


def compared_models():
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in NOT_COMPARED or meta.label_lower in NOT_COMPARED:
            continue
        yield model


def natural_ids():
    """{model: {id: natural key}} for the rows every database numbers its own way."""
    return {
        ContentType: {
            ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()
        },
        Permission: {
            perm.pk: f"{perm.content_type.app_label}.{perm.codename}"
            for perm in Permission.objects.select_related("content_type")
        },
    }


def plain(value):
    """A JSON-comparable value; timestamps keep their microseconds."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def table_rows(model, natural):
    label = model._meta.label_lower
    fields = model._meta.concrete_fields
    rows = {}
    for obj in model._base_manager.order_by("pk").iterator(chunk_size=500):
        row = {}
        for field in fields:
            value = field.value_from_object(obj)
            if not is_protected_type(value):  # as serializers do (StreamFields)
                value = field.value_to_string(obj)
            if field.is_relation and field.related_model in natural:
                value = natural[field.related_model].get(value, value)
            elif (label, field.name) in CONTENT_TYPE_IN_JSON and value:
                content = json.loads(value) if isinstance(value, str) else value
                content.pop("content_type", None)
                value = content
            row[field.attname] = plain(value)
        for field in model._meta.local_many_to_many:
            if not field.remote_field.through._meta.auto_created:
                continue
            ids = getattr(obj, field.name).values_list("pk", flat=True)
            mapping = natural.get(field.related_model, {})
            row[field.name] = sorted(str(mapping.get(pk, pk)) for pk in ids)
        pk = obj.pk
        if model._meta.pk.related_model in natural:  # WorkflowContentType
            pk = natural[model._meta.pk.related_model][pk]
        rows[str(pk)] = row
    return rows


def digest(value):
    text = json.dumps(value, sort_keys=True, default=plain)
    return hashlib.sha256(text.encode()).hexdigest()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def page_hashes():
    """{page id: hash of its title, slug, locale, state, type and latest content}."""
    from wagtail.models import Page

    hashes = {}
    for page in Page.objects.select_related(
        "locale", "content_type", "latest_revision"
    ).order_by("path"):
        content = dict(page.latest_revision.content) if page.latest_revision else {}
        content.pop("content_type", None)
        hashes[str(page.pk)] = digest(
            [
                page.title,
                page.draft_title,
                page.slug,
                page.url_path,
                page.locale.language_code,
                page.live,
                page.has_unpublished_changes,
                f"{page.content_type.app_label}.{page.content_type.model}",
                page.specific.get_url(),
                content,
            ]
        )
    return hashes


def search_checks():
    """Queries a visitor could type, each with the object it must find: a word
    of each document's stored text and the title of each live English page."""
    from wagtail.models import Page

    from search.models import DocumentText

    checks = []
    for entry in DocumentText.objects.order_by("document_id"):
        words = [word for word in entry.text.split() if word.isalpha()]
        if words:
            checks.append(("document", max(words, key=len), entry.document_id))
    for page in Page.objects.live().filter(depth__gt=2, locale__language_code="en"):
        checks.append(("page", page.title, page.pk))
    return checks


def search_results(checks):
    from wagtail.models import Page

    from search.models import DocumentText

    results = []
    for kind, query, expected in checks:
        if kind == "document":
            found = DocumentText.objects.search(query)
            ids = [entry.document_id for entry in found]
        else:
            ids = [page.pk for page in Page.objects.live().search(query)]
        results.append([kind, query, expected, expected in ids])
    return results


def snapshot():
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

    from search.models import DocumentText

    natural = natural_ids()
    tables = {
        model._meta.label_lower: table_rows(model, natural)
        for model in compared_models()
    }
    checks = search_checks()
    return {
        "vendor": connection.vendor,
        "content_type_ids": sorted(natural[ContentType]),
        "pages": page_hashes(),
        "page_count": Page.objects.count(),
        "revision_count": Revision.objects.count(),
        "documents": {
            str(entry.document_id): [entry.document.title, entry.text]
            for entry in DocumentText.objects.select_related("document")
        },
        "media": media_files(),
        "log_entries": PageLogEntry.objects.count() + ModelLogEntry.objects.count(),
        "timestamps": [
            plain(value)
            for value in (
                *Page.objects.order_by("pk").values_list(
                    "last_published_at", flat=True
                ),
                *Revision.objects.order_by("pk").values_list("created_at", flat=True),
                *PageLogEntry.objects.order_by("pk").values_list(
                    "timestamp", flat=True
                ),
            )
        ],
        "search_checks": checks,
        "search": search_results(checks),
        "tables": tables,
    }


def site_search(query):
    """The site search page as a visitor gets it (logs the query: run last)."""
    from django.test import Client

    response = Client().get("/en/search/", {"q": query})
    return [response.status_code, response.content.decode()]


def write_snapshot(path, visit_search_page=False):
    state = snapshot()
    if visit_search_page:
        state["site_search"] = site_search("zanzibarquoll")
    Path(path).write_text(json.dumps(state, default=plain), encoding="utf-8")


def enrich():
    """What the demo leaves out, as a working site has it: an editor in a group
    with a permission of their own, a draft waiting on a live page, a page in
    moderation, a workflow for a snippet type, a rendition, a new document, and
    a document whose stored text is not what extraction would give today (it
    must come back as stored)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.models import WorkflowContentType

    from demo.loader import Demo
    from home.models import Partner, StandardPage
    from search.models import DocumentText

    editor = get_user_model().objects.create_user(
        "restore-editor", "editor@example.org", "a long password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="add_document"))
    editor.last_login = timezone.now()
    editor.save()

    pages = list(StandardPage.objects.live().filter(locale__language_code="en")[:2])
    draft, moderated = pages
    draft.title = f"{draft.title} (draft)"
    draft.save_revision(user=editor)
    moderated.title = f"{moderated.title} (to approve)"
    revision = moderated.save_revision(user=editor)
    workflow = moderated.get_workflow()
    workflow.start(moderated, editor)
    assert revision.pk
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Partner),
        defaults={"workflow": workflow},
    )

    get_image_model().objects.order_by("pk").first().get_rendition("fill-80x60")
    Demo().document(
        "Restore check leaflet",
        ["Leaflets about the pangolinarium are searchable."],
        "restore-check.pdf",
    )
    kept = DocumentText.objects.order_by("pk").first()
    kept.text = KEPT_TEXT
    kept.save()


def edit_after_restore():
    """An editor carries on after the restore: new rows get fresh ids."""
    from wagtail.models import Page

    page = Page.objects.live().filter(depth=3).order_by("path").first().specific
    page.title = f"{page.title} (edited after the restore)"
    page.save_revision().publish()
