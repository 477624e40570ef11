"""backup_site / restore_site: a restore reproduces every page, its content in
every language, and the media files."""

import io
import re
import tarfile

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.conftest import live_pages

pytestmark = pytest.mark.django_db


def page_state():
    return sorted(
        (
            page.pk,
            page.path,
            page.url_path,
            page.title,
            page.live,
            page.locale.language_code,
            page.latest_revision_id,
            page.content_type.model,
        )
        for page in Page.objects.select_related("locale", "content_type")
    )


def rendered(client):
    """The HTML of every live page, the CSP nonce blanked out."""
    pages = {}
    for page in live_pages():
        response = client.get(page.url)
        pages[page.url] = (
            response.status_code,
            re.sub(rb'nonce="[^"]*"', b"", response.content),
        )
    return pages


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Backup check", file=ImageFile(buffer, name="backup-check.png")
    )


def test_restore_reproduces_every_page_and_media_file(client, tmp_path):
    image = get_image_model().objects.first() or make_image()
    before_pages = page_state()
    before_html = rendered(client)
    before_media = default_storage.open(image.file.name, "rb").read()
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "database.json" in names
    assert f"media/{image.file.name}" in names

    # Disaster: pages deleted and renamed, a media file lost.
    victim = next(page for page in live_pages() if page.depth > 3)
    victim.delete()
    renamed = next(page for page in live_pages() if page.depth == 3)
    renamed.title = "Vandalised"
    renamed.save_revision().publish()
    default_storage.delete(image.file.name)

    call_command("restore_site", str(archive), no_input=True)

    assert page_state() == before_pages
    assert rendered(client) == before_html
    assert default_storage.open(image.file.name, "rb").read() == before_media


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Not a backup"):
        call_command("restore_site", str(bogus), no_input=True)
    with pytest.raises(CommandError, match="No such archive"):
        call_command("restore_site", str(tmp_path / "missing.tar.gz"), no_input=True)
