"""The header on a phone: one short row, and a Menu that opens and closes from
the keyboard, with or without JavaScript; on a wide screen the menu shows in
full."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 800}


def tab_to(page, selector, limit=15):
    """Press Tab until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return target
    raise AssertionError(f"{selector} never took the focus")


def check_phone_menu(page, url):
    page.goto(url)
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] < 100
    menu = page.locator("details.site-menu")
    nav_link = page.locator("nav.site-nav a").first
    assert not nav_link.is_visible()

    toggle = tab_to(page, "summary.site-menu__toggle")
    page.keyboard.press("Enter")
    assert menu.evaluate("el => el.open")
    assert nav_link.is_visible()
    assert page.locator("nav.site-nav a").count() == 9
    page.keyboard.press("Enter")
    assert not menu.evaluate("el => el.open")
    assert not nav_link.is_visible()

    toggle.press("Space")
    assert menu.evaluate("el => el.open")
    assert page.locator("nav.site-nav a", has_text="Contact").is_visible()
    toggle.press("Space")
    assert not menu.evaluate("el => el.open")
    assert header.bounding_box()["height"] < 100


def test_phone_menu_with_the_keyboard(browser, demo_server):
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    try:
        check_phone_menu(context.new_page(), f"{demo_server.url}/en/")
    finally:
        context.close()


def test_phone_menu_without_javascript(browser, demo_server):
    context = browser.new_context(
        locale="en-GB", viewport=PHONE, java_script_enabled=False
    )
    try:
        check_phone_menu(context.new_page(), f"{demo_server.url}/en/")
    finally:
        context.close()


def test_phone_menu_leads_to_a_section(browser, demo_server):
    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/fr/")
        page.locator("summary.site-menu__toggle").click()
        page.locator("nav.site-nav a", has_text="Études de cas").click()
        page.wait_for_url("**/fr/etudes-de-cas/")
        assert page.locator("h1").inner_text() == "Études de cas"
    finally:
        context.close()


def test_wide_screen_shows_the_menu_without_opening_it(browser, demo_server):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1366, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/en/")
        assert not page.locator("summary.site-menu__toggle").is_visible()
        links = page.locator("nav.site-nav a")
        assert links.count() == 9
        for index in range(links.count()):
            assert links.nth(index).is_visible()
        assert page.locator("#site-search-q").is_visible()
        assert page.locator("nav.language-switcher a[hreflang=fr]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1366])
def test_event_date_badges_hold_their_month_names(browser, demo_server, width):
    # "September", "décembre": the badge widens rather than let them spill out.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in ("/en/events/", "/fr/evenements/"):
            page.goto(f"{demo_server.url}{path}")
            months = page.evaluate(
                "() => [...document.querySelectorAll('.date-block__month')].map("
                "e => [e.innerText, e.scrollWidth <= e.parentElement.clientWidth])"
            )
            assert months, path
            assert all(fits for _month, fits in months), months
    finally:
        context.close()
