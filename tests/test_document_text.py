"""A document's text is read for the site search by a background task, within
limits, and editors see its state on the document."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.pdf import simple_pdf
from search import extract
from search.models import DocumentText

pytestmark = pytest.mark.django_db

QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def docx_bytes(text, padding=0):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    if not padding:
        return buffer.getvalue()
    # The same file with a large member that compresses to almost nothing.
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/padding.xml", b" " * padding)
    return out.getvalue()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "docs-admin", "docs@example.test", "pw", first_name="Ada", last_name="Admin"
    )
    client.force_login(user)
    return client


def upload(client, name, content, title):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title=title)


def state_on_edit_page(client, document):
    html = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    start = html.index("data-document-text-state=")
    return html[start : html.index("</dd>", start)]


def run_queued_tasks():
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    for result in DBTaskResult.objects.ready().order_by("enqueued_at"):
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


@override_settings(TASKS=QUEUED)
def test_the_upload_does_not_wait_for_the_text_and_the_worker_reads_it(admin_client):
    document = upload(
        admin_client,
        "plan.docx",
        docx_bytes("The quokkaphone plan for partnerships."),
        "Partnership plan",
    )
    # The request only queued the work: the editor sees it pending.
    entry = DocumentText.objects.get(document=document)
    assert entry.status == DocumentText.PENDING and entry.text == ""
    assert DBTaskResult.objects.filter(
        task_path="search.tasks.extract_document_text"
    ).exists()
    assert "Text pending" in state_on_edit_page(admin_client, document)

    assert run_queued_tasks() >= 1
    entry.refresh_from_db()
    assert entry.status == DocumentText.EXTRACTED
    assert "quokkaphone" in entry.text
    assert "Text extracted" in state_on_edit_page(admin_client, document)
    found = admin_client.get("/en/search/", {"q": "quokkaphone"}).content.decode()
    assert "Partnership plan" in found


def test_a_file_that_expands_too_far_is_refused_with_its_reason(
    admin_client, monkeypatch
):
    monkeypatch.setattr(extract, "MAX_EXPANDED_BYTES", 1024 * 1024)
    document = upload(
        admin_client,
        "bomb.docx",
        docx_bytes("never read", padding=2 * 1024 * 1024),
        "Expanding file",
    )
    entry = DocumentText.objects.get(document=document)
    assert (entry.status, entry.reason) == (DocumentText.FAILED, extract.TOO_EXPANDED)
    shown = state_on_edit_page(admin_client, document)
    assert "Text extraction failed" in shown
    assert "expands to more than 200 MB" in shown


def test_a_reading_that_takes_too_long_is_stopped(admin_client, monkeypatch):
    monkeypatch.setattr(extract, "TIME_LIMIT", 0.01)
    document = upload(
        admin_client, "slow.pdf", simple_pdf("Slow", ["slow"]), "Slow file"
    )
    entry = DocumentText.objects.get(document=document)
    assert (entry.status, entry.reason) == (DocumentText.FAILED, extract.TIMEOUT)
    assert "longer than a minute" in state_on_edit_page(admin_client, document)


def test_a_damaged_file_and_an_unread_format_say_so(admin_client):
    damaged = upload(admin_client, "broken.pdf", b"%PDF-1.4 not really", "Broken")
    entry = DocumentText.objects.get(document=damaged)
    assert (entry.status, entry.reason) == (DocumentText.FAILED, extract.UNREADABLE)
    assert "damaged" in state_on_edit_page(admin_client, damaged)

    notes = upload(admin_client, "notes.csv", b"plain,words", "Plain notes")
    assert DocumentText.objects.get(document=notes).status == DocumentText.UNSUPPORTED
    assert "format is not read" in state_on_edit_page(admin_client, notes)


def test_a_new_title_keeps_the_text_and_a_new_file_is_read_again(admin_client):
    document = upload(
        admin_client, "one.pdf", simple_pdf("One", ["first wombatine"]), "One"
    )
    assert "wombatine" in DocumentText.objects.get(document=document).text
    document.title = "One, renamed"
    document.save()
    entry = DocumentText.objects.get(document=document)
    assert entry.title == "One, renamed" and "wombatine" in entry.text
    document.file.save("two.pdf", ContentFile(simple_pdf("Two", ["second numbatine"])))
    entry.refresh_from_db()
    assert "numbatine" in entry.text and "wombatine" not in entry.text
