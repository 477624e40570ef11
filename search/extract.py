"""Extract plain text from uploaded files (PDF, Word, PowerPoint).

The parsing runs in a child process with limits on time and memory, after a
check of how far the file expands when unzipped: a hostile or huge file costs a
failed extraction with a reason, never the memory of the process that asked
(whose memory Python would keep long after) nor a database lock held meanwhile.
This module imports nothing from Django, so the child starts quickly."""

import io
import logging
import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000
MAX_FILE_BYTES = 50 * 1024 * 1024
# Word and PowerPoint files are zip archives of XML: a small file may expand
# to gigabytes. Counted from the archive's own directory, before parsing.
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
TIME_LIMIT = 60  # seconds of the child process
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space of the child

# Why an extraction failed: stored as these codes, shown translated to editors.
TOO_LARGE = "too-large"
TOO_EXPANDED = "too-expanded"
TIMEOUT = "timeout"
MEMORY = "memory"
UNREADABLE = "unreadable"
MISSING = "missing"

_MEMORY_EXIT = 3


def _pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join((page.extract_text() or "") for page in reader.pages[:200])


def _docx(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _pptx(data):
    from pptx import Presentation

    presentation = Presentation(io.BytesIO(data))
    texts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                texts.append(shape.text_frame.text)
    return "\n".join(texts)


EXTRACTORS = {"pdf": _pdf, "docx": _docx, "pptx": _pptx}
ZIPPED = {"docx", "pptx"}


class ExtractionFailed(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def supported(extension):
    return (extension or "").lower() in EXTRACTORS


def _check_expansion(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ExtractionFailed(UNREADABLE) from error
    if expanded > MAX_EXPANDED_BYTES:
        raise ExtractionFailed(TOO_EXPANDED)


def _limit_child():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    seconds = math.ceil(TIME_LIMIT)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))


def extract_bytes(extension, data):
    """The text of a file's bytes, whitespace collapsed; ExtractionFailed with
    a reason code when it cannot be read within the limits."""
    extension = (extension or "").lower()
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionFailed(TOO_LARGE)
    if extension in ZIPPED:
        _check_expansion(data)
    try:
        child = subprocess.run(  # noqa: S603 (our own interpreter and module)
            [
                sys.executable,
                "-c",
                "import search.extract as e; e.child_main()",
                extension,
            ],
            input=data,
            capture_output=True,
            timeout=TIME_LIMIT,
            cwd=Path(__file__).resolve().parent.parent,
            preexec_fn=_limit_child if os.name == "posix" else None,  # noqa: PLW1509
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionFailed(TIMEOUT) from error
    if child.returncode == _MEMORY_EXIT:
        raise ExtractionFailed(MEMORY)
    if child.returncode < 0:
        # Killed by a signal: SIGXCPU/SIGKILL when the CPU limit was reached.
        raise ExtractionFailed(TIMEOUT)
    if child.returncode != 0:
        logger.info(
            "Extraction failed: %s", child.stderr[-2000:].decode("utf-8", "replace")
        )
        raise ExtractionFailed(UNREADABLE)
    text = child.stdout.decode("utf-8", "replace")
    return " ".join(text.replace("\x00", " ").split())[:MAX_CHARS]


def child_main():
    """Entry point of the child process: bytes on stdin, text on stdout."""
    extension = sys.argv[1]
    data = sys.stdin.buffer.read()
    try:
        text = EXTRACTORS[extension](data)
    except MemoryError:
        sys.exit(_MEMORY_EXIT)
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))


def read_file(document):
    try:
        document.file.open("rb")
        try:
            return document.file.read(MAX_FILE_BYTES + 1)
        finally:
            document.file.close()
    except (OSError, ValueError) as error:
        raise ExtractionFailed(MISSING) from error


def extract_text(document):
    """The text of a document's file, or "" when it cannot be read."""
    if not supported(document.file_extension):
        return ""
    try:
        return extract_bytes(document.file_extension, read_file(document))
    except ExtractionFailed as failure:
        logger.warning(
            "Could not extract text from document %s: %s", document.pk, failure
        )
        return ""
