"""A visitor searches as they would: from the header on a wide screen, from
the search link on a phone, in two languages, following the links the
results page offers."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def result_titles(page):
    return page.locator(".search__results h3").all_inner_texts()


def test_a_visitor_searches_from_the_header_and_follows_another_language(
    browser, demo_server
):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1366, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/en/")
        page.fill("#site-search-q", "virtual tours")
        page.press("#site-search-q", "Enter")
        page.wait_for_url("**/en/search/?q=virtual+tours")
        plural = result_titles(page)
        assert plural and all(t.startswith("Virtual tour:") for t in plural[:5])

        page.fill("#search-q", "virtual tour")
        page.press("#search-q", "Enter")
        page.wait_for_url("**/en/search/?q=virtual+tour")
        assert result_titles(page)[:5] == plural[:5]

        # A word the French pages use too: offered, in French, by a link.
        page.fill("#search-q", "erasmus")
        page.press("#search-q", "Enter")
        page.wait_for_url("**q=erasmus")
        first = page.locator(".search-result__snippet").first
        assert first.locator("mark").count() >= 1
        assert "Heading" not in page.locator(".search__results").inner_text()
        other = page.locator(".search__other")
        assert other.is_visible()
        other.get_by_role("link", name="Français").click()
        page.wait_for_url("**/fr/search/?q=erasmus")
        assert page.locator("html").get_attribute("lang") == "fr"
        page.fill("#search-q", "partenariats")
        page.press("#search-q", "Enter")
        page.wait_for_url("**/fr/search/?q=partenariats")
        titles = result_titles(page)
        assert titles and any("partenariat" in t.lower() for t in titles)
        page.locator(".search__results h3 a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(f"{demo_server.url}/fr/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()


def test_on_a_phone_a_search_without_accents_finds_the_accented_pages(
    browser, demo_server
):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 375, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/fr/")
        page.locator("a.site-header__search-link").click()
        page.wait_for_url("**/fr/search/")
        page.fill("#search-q", "cite des metiers")
        page.press("#search-q", "Enter")
        page.wait_for_url("**/fr/search/?q=cite+des+metiers")
        titles = result_titles(page)
        assert any("Cité des métiers" in t for t in titles)
        marked = page.locator(".search-result__snippet mark").first.inner_text()
        assert marked.lower() in {"cité", "cités", "métiers", "des"}
        # Nothing wider than the phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        # A typo in a long word is forgiven, and the page says so.
        page.fill("#search-q", "partenairats")
        page.press("#search-q", "Enter")
        page.wait_for_url("**q=partenairats")
        assert result_titles(page)
        assert page.locator(".search__notice").is_visible()
    finally:
        context.close()
