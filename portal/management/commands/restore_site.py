"""Restore an archive made by backup_site: the database is emptied and loaded
from the archive (on an already migrated schema), media files are written back
to the configured storage, and the cache is cleared."""

import json
import posixpath
import tarfile
import tempfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from .backup_site import FORMAT


def set_constraints(mode):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


def safe_media_name(member_name):
    name = posixpath.normpath(member_name[len("media/") :])
    if name.startswith(("/", "..")) or "/../" in f"/{name}/" or name in ("", "."):
        raise CommandError(f"Refusing an unsafe path in the archive: {member_name}")
    return name


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
        with tar:
            try:
                manifest = json.load(tar.extractfile("manifest.json"))
                database = tar.extractfile("database.json").read()
            except (KeyError, AttributeError, ValueError) as error:
                raise CommandError("Not a backup_site archive.") from error
            if manifest.get("format") != FORMAT:
                raise CommandError(f"Unknown archive format: {manifest.get('format')}")
            if not no_input:
                answer = input(
                    "This replaces the whole site with the archive. Type 'yes': "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled.")

            with tempfile.TemporaryDirectory() as folder:
                dump = Path(folder) / "database.json"
                dump.write_bytes(database)
                with transaction.atomic():
                    # PostgreSQL refuses TRUNCATE while deferred foreign-key
                    # checks are pending in the transaction: run them first.
                    set_constraints("IMMEDIATE")
                    call_command(
                        "flush",
                        interactive=False,
                        inhibit_post_migrate=True,
                        verbosity=0,
                    )
                    set_constraints("DEFERRED")
                    call_command("loaddata", str(dump), verbosity=0)

            restored = 0
            for member in tar.getmembers():
                if not member.isfile() or not member.name.startswith("media/"):
                    continue
                name = safe_media_name(member.name)
                content = tar.extractfile(member).read()
                if default_storage.exists(name):
                    default_storage.delete(name)
                default_storage.save(name, ContentFile(content))
                restored += 1

        for alias in caches:
            caches[alias].clear()
        # The content types may have new ids: forget the ones this process knew.
        ContentType.objects.clear_cache()
        self.stdout.write(
            f"Restored {manifest['objects']} database objects and {restored} "
            "media files."
        )
