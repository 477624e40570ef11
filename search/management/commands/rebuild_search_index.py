from django.core.management.base import BaseCommand

from search import index
from search.models import SearchEntry, SearchWord


class Command(BaseCommand):
    help = (
        "Build the site search's index again from the live, public pages and the "
        "documents outside private collections (after a first migrate, or a restore)."
    )

    def handle(self, *args, **options):
        index.rebuild()
        if options["verbosity"]:
            self.stdout.write(
                f"Indexed {SearchEntry.objects.count()} pages and documents, "
                f"{SearchWord.objects.count()} words."
            )
