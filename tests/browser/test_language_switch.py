import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_home_page_switches_language(page, demo_server):
    page.goto(f"{demo_server.url}/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text().startswith("Multi-stakeholder")
    page.locator("nav.language-switcher a[hreflang=fr]").click()
    page.wait_for_url("**/fr/")
    assert page.get_attribute("html", "lang") == "fr"
    assert "Gérer les partenariats" in page.locator("h1").inner_text()
    assert (
        page.locator("nav.language-switcher a[aria-current=true]").get_attribute(
            "hreflang"
        )
        == "fr"
    )


def test_skip_link_moves_focus_to_main(page, demo_server):
    page.goto(f"{demo_server.url}/en/about/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_narrow_screen_has_no_horizontal_scroll(page, demo_server):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{demo_server.url}/fr/a-propos/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
