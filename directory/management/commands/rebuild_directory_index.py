"""Rebuild the directory's own search index from the live centre pages (after a
restore, a bulk change made outside Wagtail, or a change of site domain)."""

from django.core.management.base import BaseCommand

from directory.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the directory index (DirectoryEntry and its full-text index)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Indexed {count} live centre(s).")
