"""'Download all presentations': a zip built on request and streamed."""

import zipfile

from django.http import Http404, StreamingHttpResponse
from django.utils.text import slugify


class _Buffer:
    """A write-only file for zipfile whose content is drained after each write."""

    def __init__(self):
        self.chunks = []
        self.position = 0

    def write(self, data):
        self.chunks.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self):
        return self.position

    def flush(self):
        pass

    def drain(self):
        data = b"".join(self.chunks)
        self.chunks = []
        return data


def _names(presentations):
    used = set()
    for number, presentation in enumerate(presentations, start=1):
        document = presentation.document
        extension = (document.file_extension or "bin").lower()
        base = slugify(presentation.label)[:80] or f"presentation-{number}"
        name = f"{number:02d}-{base}.{extension}"
        while name in used:
            name = f"{number:02d}-{base}-{len(used)}.{extension}"
        used.add(name)
        yield name, document


def stream_zip(presentations):
    buffer = _Buffer()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, document in _names(presentations):
            with (
                archive.open(name, "w", force_zip64=True) as target,
                document.file.open("rb") as source,
            ):
                while chunk := source.read(64 * 1024):
                    target.write(chunk)
                    yield buffer.drain()
            yield buffer.drain()
    yield buffer.drain()


def presentations_response(event):
    presentations = event.public_presentations()
    if not presentations:
        raise Http404("No presentations")
    response = StreamingHttpResponse(
        (chunk for chunk in stream_zip(presentations) if chunk),
        content_type="application/zip",
    )
    filename = f"{slugify(event.slug)}-presentations.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
