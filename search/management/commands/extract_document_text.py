"""Extract and index the text of documents uploaded before the site search
existed, or of every document with --all (e.g. after adding a file format)."""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from search.signals import update_document_text


class Command(BaseCommand):
    help = "Extract the text of documents that have none yet (--all: every document)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Re-extract every document."
        )

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            documents = documents.filter(search_text__isnull=True)
        done = 0
        for document in documents.iterator(chunk_size=100):
            update_document_text(type(document), document)
            done += 1
        self.stdout.write(f"Extracted the text of {done} document(s).")
