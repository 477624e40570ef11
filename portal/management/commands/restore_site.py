"""Restore an archive made by backup_site into a migrated database (a freshly
migrated one or the damaged site itself): the media files are written back
first, so that whatever reads a file while the data loads finds it; then the
database is emptied and loaded from the archive in one transaction, with save
signals silenced (portal.backup); then the search index is rebuilt and the
cache cleared. Media files that are not in the archive are left in place."""

import json
import posixpath
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.backup import READABLE_FORMATS, load_database


def safe_media_name(member_name):
    name = posixpath.normpath(member_name[len("media/") :])
    if name.startswith(("/", "..")) or "/../" in f"/{name}/" or name in ("", "."):
        raise CommandError(f"Refusing an unsafe path in the archive: {member_name}")
    return name


def restore_media(tar):
    restored = 0
    for member in tar.getmembers():
        if not member.isfile() or not member.name.startswith("media/"):
            continue
        name = safe_media_name(member.name)
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, File(tar.extractfile(member), name=name))
        if saved != name:
            raise CommandError(f"The storage saved {name} as {saved}.")
        restored += 1
    return restored


class Command(BaseCommand):
    help = "Restore the database and media files from a backup_site archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz made by backup_site.")
        parser.add_argument(
            "--no-input",
            action="store_true",
            dest="no_input",
            help="Do not ask for confirmation (the current content is replaced).",
        )

    def handle(self, archive, no_input=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No such archive: {path}")
        try:
            tar = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"Not a backup archive: {error}") from error
        with tar, tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.json"
            try:
                manifest = json.load(tar.extractfile("manifest.json"))
                with dump.open("wb") as handle:
                    shutil.copyfileobj(tar.extractfile("database.json"), handle)
            except (KeyError, AttributeError, ValueError) as error:
                raise CommandError("Not a backup_site archive.") from error
            if manifest.get("format") not in READABLE_FORMATS:
                raise CommandError(f"Unknown archive format: {manifest.get('format')}")
            if not no_input:
                answer = input(
                    "This replaces the whole site with the archive. Type 'yes': "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled.")

            restored = restore_media(tar)
            load_database(dump, manifest["format"])

        # The search indexes (Wagtail's, and the site search's words in the
        # database's own full-text index) are not in the archive: build them
        # from what was just loaded, documents' stored text included.
        call_command("update_index", verbosity=0)
        call_command("rebuild_search_index", verbosity=0)
        for alias in caches:
            caches[alias].clear()
        self.stdout.write(
            f"Restored {manifest['objects']} database objects and {restored} "
            "media files."
        )
