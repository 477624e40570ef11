"""WCAG 2.2 A/AA checks, and axe's best practices, with axe-core (vendored
beside this file) in real Chromium: one page of every public page type in
English and French; the home, about and news pages in Italian, Portuguese and
Croatian; listings with filters, search (results and none), the suggestion
form with its errors, and the 404 page. axe finds what a machine can
(contrast, names, labels, landmarks, ARIA, headings, alt text, lang); keyboard
and screen-reader use still need people."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0-2.2 level A and AA rules, and axe's best practices (unique
# landmarks, one main, one h1, heading order, regions).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def first_url(model, code):
    page = model.objects.live().filter(locale__language_code=code).first()
    assert page is not None, (model.__name__, code)
    return page.url


def public_urls():
    from directory.models import CentrePage, DirectoryPage
    from events.models import EventIndexPage, EventPage
    from guide.models import (
        CaseStudyIndexPage,
        CaseStudyPage,
        GuideChapterPage,
        GuidePage,
    )
    from home.models import NewsIndexPage, NewsPage, StandardPage

    urls = []
    for code in ("en", "fr"):
        urls.append(f"/{code}/")
        for model in (
            StandardPage,
            NewsIndexPage,
            NewsPage,
            EventIndexPage,
            EventPage,
            GuidePage,
            GuideChapterPage,
            CaseStudyIndexPage,
            CaseStudyPage,
            DirectoryPage,
            CentrePage,
        ):
            urls.append(first_url(model, code))
    for code in ("it", "pt", "hr"):  # what the demo has in the other languages
        urls += [f"/{code}/", first_url(StandardPage, code)]
        urls.append(first_url(NewsIndexPage, code))
    directory = first_url(DirectoryPage, "en")
    news = first_url(NewsIndexPage, "en")
    urls += [
        f"{news}?topic=training&year=2021",
        f"{first_url(EventIndexPage, 'en')}?when=past",
        f"{directory}?q=cite&country=FR",
        f"{directory}suggest/",
        "/en/search/?q=career+guidance",
        "/fr/search/?q=zzzzqqq",
        "/en/no-such-page/",
    ]
    return urls


def violations(page, url=None):
    """axe's WCAG A/AA violations of `url` (or of the page as it is now)."""
    if url is not None:
        page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        f"{url or page.url}: {item['id']} ({item['impact']}): {item['help']} -> "
        + "; ".join(node["target"][0] for node in item["nodes"][:3])
        for item in result["violations"]
    ]


def test_public_pages_have_no_wcag_aa_violations(browser, demo_server):
    # The pages' Content-Security-Policy rightly refuses injected scripts: the
    # test context alone bypasses it to add axe.
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    urls = public_urls()
    found = []
    for path in urls:
        found += violations(page, demo_server.url + path)
    context.close()
    assert len(urls) == 40
    assert found == [], "\n".join(found)


def test_suggestion_form_errors_have_no_wcag_aa_violations(browser, demo_server):
    from directory.models import DirectoryPage

    context = browser.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.goto(demo_server.url + first_url(DirectoryPage, "en") + "suggest/")
    # The server's messages, not the browser's own validation bubbles.
    page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator("main .errorlist, main [aria-invalid=true]").count() > 0
    found = violations(page)
    context.close()
    assert found == [], "\n".join(found)
