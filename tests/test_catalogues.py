"""The fr, it, pt and hr UI catalogues are complete, real and up to date."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "it", "pt", "hr"]
IGNORED = {
    ".venv",
    ".git",
    "media",
    "staticfiles",
    "node_modules",
    ".pytest_cache",
    ".ruff_cache",
}


def catalogue(code):
    return polib.pofile(str(BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    po = catalogue(code)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:10]}"
    assert po.metadata.get("Language") == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_holds_real_translations_not_copies(code):
    entries = [entry for entry in catalogue(code) if not entry.obsolete]
    copies = [entry.msgid for entry in entries if entry.msgstr == entry.msgid]
    # Names (LinkedIn, Keep In Pact...) may stay as they are, but not much else.
    assert len(copies) <= max(10, len(entries) // 10), f"{code}: {copies}"


def test_makemessages_would_add_no_new_string(tmp_path):
    if not shutil.which("xgettext"):
        pytest.skip(
            "GNU gettext (xgettext) is not installed: apt-get install -y gettext"
        )
    copy = tmp_path / "project"
    shutil.copytree(
        BASE_DIR, copy, ignore=lambda _dir, names: [n for n in names if n in IGNORED]
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    current = {entry.msgid for entry in catalogue("fr")}
    extracted = polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    missing = sorted({entry.msgid for entry in extracted} - current)
    assert not missing, f"run `make messages` and translate: {missing[:20]}"
