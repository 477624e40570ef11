"""Extract and index the text of documents whose text is not read yet (none,
pending or failed), or of every document with --all (e.g. after adding a file
format). Runs here, not in the task queue: an operator's catch-up."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from wagtail.documents import get_document_model

from search.models import DocumentText
from search.tasks import extract_now


class Command(BaseCommand):
    help = "Extract the text of documents that have none yet (--all: every document)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Re-extract every document."
        )

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            documents = documents.filter(
                Q(search_text__isnull=True)
                | Q(search_text__status__in=[DocumentText.PENDING, DocumentText.FAILED])
            )
        done = 0
        for pk in documents.values_list("pk", flat=True).iterator(chunk_size=100):
            extract_now(pk)
            done += 1
        self.stdout.write(f"Extracted the text of {done} document(s).")
