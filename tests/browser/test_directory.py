"""The directory in real Chromium: the map, autocomplete and the no-JavaScript
list. Requests leaving the test server are refused: the page must work without
them (the map's tiles load only on request; see test_directory_map.py)."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def offline_page(page, demo_server):
    def only_local(route):
        if route.request.url.startswith(demo_server.url):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_local)
    return page


def test_map_shows_the_filtered_centres(offline_page, demo_server):
    page = offline_page
    with page.expect_response(re.compile(r"/geojson/")) as response_info:
        page.goto(f"{demo_server.url}/en/centres/?country=FI")
        page.locator(".directory-map").scroll_into_view_if_needed()
    response = response_info.value
    assert response.headers["content-type"] == "application/geo+json"
    assert len(response.json()["features"]) == 3
    map_box = page.locator(".directory-map")
    map_box.wait_for(state="visible")
    assert map_box.get_attribute("role") == "region"
    assert page.locator(".leaflet-container").count() == 1
    # The base layer is the local outline of the countries (Natural Earth); the
    # OpenStreetMap tiles come only on request (test_directory_map.py).
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    # The list is still there and complete.
    assert page.locator(".directory-list li").count() == 3


def test_autocomplete_combobox(offline_page, demo_server):
    page = offline_page
    page.goto(f"{demo_server.url}/en/centres/")
    box = page.locator("#id_q")
    assert box.get_attribute("role") == "combobox"
    box.press_sequentially("ohj", delay=50)
    listbox = page.locator("#id_q-listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator("#id_q-listbox [role=option]").count() == 3
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/en/centres/ohjaamo-*/")
    assert page.locator("h1").inner_text().startswith("Ohjaamo")


def test_list_and_filters_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/fr/centres/")
        assert page.locator(".directory-map").is_hidden()
        page.select_option("#id_country", "HR")
        page.locator("form.directory-filters button[type=submit]").click()
        page.wait_for_url("**country=HR**")
        assert page.locator(".directory-list li").count() == 4
        page.locator(".directory-active a.chip").first.click()
        page.wait_for_load_state()
        assert page.locator(".directory-list li").count() > 4
    finally:
        context.close()


def test_the_suggestion_form_fits_a_phone_and_says_what_to_correct(
    browser, demo_server
):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="fr-FR"
    )
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/fr/centres/")
        page.locator("a[href$='/suggest/']").first.click()
        page.wait_for_url("**/suggest/")
        current = page.locator(".breadcrumbs [aria-current=page]")
        assert current.inner_text() == page.locator("h1").inner_text()
        overflow = "document.documentElement.scrollWidth - window.innerWidth"
        assert page.evaluate(overflow) <= 0
        page.locator("form.suggest-form button[type=submit]").click()
        page.wait_for_load_state()
        summary = page.locator("#form-errors")
        assert summary.is_visible()
        # Focus lands on the summary, whose links lead to each field.
        page.wait_for_function("document.activeElement.id === 'form-errors'")
        # French puts a narrow no-break space before the colon.
        assert "\u202f: " in summary.inner_text()
        assert page.evaluate(overflow) <= 0
        field = page.locator("#id_name")
        assert field.get_attribute("aria-invalid") == "true"
    finally:
        context.close()
