import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile locale/*/LC_MESSAGES/*.po into .mo files with Babel, so that no "
        "system gettext is needed to run the site. Fuzzy entries are left out."
    )

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, locale=po_path.parent.parent.name)
                # Written aside then renamed: a process starting meanwhile
                # (a second test run, a server) never reads half a file.
                mo_path = po_path.with_suffix(".mo")
                partial = mo_path.with_name(f".{mo_path.name}.{os.getpid()}")
                with partial.open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                os.replace(partial, mo_path)
                count += 1
        if options["verbosity"]:
            self.stdout.write(f"Compiled {count} catalogue(s).")
