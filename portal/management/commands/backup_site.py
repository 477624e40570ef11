"""Back up the whole site into one archive: the database (every model, through
dumpdata, so it restores on SQLite or PostgreSQL alike) and every media file
(images, renditions, documents), from whichever storage is configured."""

import io
import json
import tarfile
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand

FORMAT = "keepinpact-backup/1"
# Rebuilt or transient: sessions, login-attempt logs.
EXCLUDED = ["sessions.session", "axes"]


def storage_files(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz file to write.")

    def handle(self, archive, **options):
        data = io.StringIO()
        call_command(
            "dumpdata",
            all=True,
            exclude=EXCLUDED,
            stdout=data,
            verbosity=0,
        )
        database = data.getvalue().encode()
        media = list(storage_files(default_storage))
        manifest = {
            "format": FORMAT,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "objects": len(json.loads(database)),
            "media_files": len(media),
        }
        path = Path(archive)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(path, "w:gz") as tar:
            add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
            add_bytes(tar, "database.json", database)
            for name in media:
                with default_storage.open(name, "rb") as handle:
                    add_bytes(tar, f"media/{name}", handle.read())
        self.stdout.write(
            f"Backed up {manifest['objects']} database objects and "
            f"{manifest['media_files']} media files to {path}."
        )
