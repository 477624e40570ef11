"""Extract plain text from uploaded files (PDF, Word, PowerPoint), once, on save."""

import io
import logging
import zipfile

logger = logging.getLogger(__name__)
MAX_CHARS = 200_000


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


def extract_text(document):
    """The text of a document's file, or "" when it cannot be read."""
    extension = (document.file_extension or "").lower()
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        document.file.open("rb")
        try:
            data = document.file.read()
        finally:
            document.file.close()
        text = extractor(data)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, Exception):  # noqa: BLE001
        logger.warning("Could not extract text from document %s", document.pk)
        return ""
    return " ".join(text.replace("\x00", " ").split())[:MAX_CHARS]
