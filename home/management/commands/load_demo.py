from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import load_all


class Command(BaseCommand):
    help = (
        "Load the project's demo content (drawn from its own texts) in English and "
        "its translations. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            demo = load_all(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({demo.created} objects created).")
        )
