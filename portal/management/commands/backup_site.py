"""Back up the whole site into one archive: the database (every model, through
dumpdata, so it restores on SQLite or PostgreSQL alike; see portal.backup for
what is left out and why) and every media file (images, renditions, documents),
from whichever storage is configured."""

import io
import json
import tarfile
import tempfile
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import connection

from portal.backup import FORMAT, dump_database


def storage_files(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def add_file(tar, name, handle, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(time.time())
    tar.addfile(info, handle)


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz file to write.")

    def handle(self, archive, **options):
        path = Path(archive)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.json"
            dump_database(dump)
            with dump.open(encoding="utf-8") as handle:
                objects = len(json.load(handle))
            media = list(storage_files(default_storage))
            manifest = {
                "format": FORMAT,
                "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "database_vendor": connection.vendor,
                "objects": objects,
                "media_files": len(media),
            }
            manifest_bytes = json.dumps(manifest, indent=2).encode()
            with tarfile.open(path, "w:gz") as tar:
                add_file(
                    tar,
                    "manifest.json",
                    io.BytesIO(manifest_bytes),
                    len(manifest_bytes),
                )
                with dump.open("rb") as handle:
                    add_file(tar, "database.json", handle, dump.stat().st_size)
                for name in media:
                    with default_storage.open(name, "rb") as handle:
                        add_file(
                            tar, f"media/{name}", handle, default_storage.size(name)
                        )
        self.stdout.write(
            f"Backed up {objects} database objects and {len(media)} media files "
            f"to {path}."
        )
