"""A virtual tour in real Chromium: nothing of the viewer (nor any panorama)
is requested before the visitor starts the tour, then only this site; the
tour works with the keyboard; the text version is there without JavaScript;
editors place arrows by clicking the flat panorama."""

import re
from urllib.parse import urlsplit

import pytest

from .test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOUR = "/en/centres/cdm-paris-villette/virtual-tour/"


def test_the_viewer_loads_only_on_request_and_only_from_this_site(page, demo_server):
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(demo_server.url + TOUR)
    page.wait_for_load_state("networkidle")
    host = urlsplit(demo_server.url).netloc
    assert all(urlsplit(url).netloc == host for url in requests), requests
    assert not [u for u in requests if "pannellum" in u or "max-2048" in u]
    assert page.locator(".tour-viewer__still").is_visible()

    requests.clear()
    page.get_by_role("button", name="Start the 360° tour").click()
    status = page.locator(".tour-viewer__status")
    status.filter(has_text="Scene 1 of 5: Reception").wait_for()
    page.locator(".pnlm-container canvas").wait_for(state="attached")
    assert [u for u in requests if u.endswith("pannellum.js")]
    assert [u for u in requests if "panorama" in u and ".jpg" in u]
    assert all(
        urlsplit(url).netloc == host or url.startswith("blob:") for url in requests
    ), requests

    # The keyboard reaches the hot spots: an information point opens its text.
    # (once the scene has loaded and shows it, as a visitor would see it)
    page.locator(".pnlm-load-box").wait_for(state="hidden")
    spot = page.locator(".tour-hotspot--info").first
    spot.wait_for(state="visible")
    spot.focus()
    page.keyboard.press("Enter")
    point = page.locator("#tour-point")
    point.wait_for(state="visible")
    assert "Welcome to Cité des métiers" in point.inner_text()
    # Turning brings the door to the self-service area into view; its arrow,
    # reached with the keyboard, leads there.
    page.get_by_role("button", name="Turn right").click()
    page.get_by_role("button", name="Turn right").click()
    arrow = page.locator(
        ".tour-hotspot--arrow[aria-label='Self-service information area']"
    )
    arrow.wait_for(state="visible")
    arrow.focus()
    page.keyboard.press("Enter")
    status.filter(has_text="Scene 2 of 5: Self-service information area").wait_for()
    # The scene buttons lead anywhere.
    page.locator("[data-scene=workshop]").click()
    status.filter(has_text="Workshop room").wait_for()
    # The Content-Security-Policy allows all of it (panoramas are decoded
    # into blob: images), and nothing went wrong.
    assert errors == []


def test_the_text_version_stands_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + TOUR)
    assert not page.locator(".tour-viewer__load").is_visible()
    assert page.locator(".tour-scene").count() == 5
    page.get_by_role("link", name="Workshop room").first.click()
    assert page.url.endswith("#scene-workshop")
    context.close()


def test_the_tour_pages_have_no_wcag_aa_violations(browser, demo_server):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = []
    for path in (
        "/en/centres/virtual-tours/",
        "/fr/centres/visites-virtuelles/",
        "/fr/centres/cdm-paris-villette/visite-virtuelle/",
        TOUR,
    ):
        found += violations(page, demo_server.url + path)
    # And with the viewer running.
    page.get_by_role("button", name="Start the 360° tour").click()
    page.locator(".tour-viewer__status").filter(has_text="Scene 1 of 5").wait_for()
    found += violations(page)
    context.close()
    assert found == [], "\n".join(found)


def test_a_page_without_a_tour_loads_nothing_of_the_viewer(page, demo_server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo_server.url + "/en/centres/cdm-paris-villette/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "pannellum" in u or "tour.js" in u]


def test_an_editor_places_an_arrow_by_clicking_the_panorama(browser, demo_server):
    from django.contrib.auth import get_user_model

    from tours.models import VirtualTourPage

    get_user_model().objects.create_superuser(
        "placer", "placer@example.org", "placer-pass-1"
    )
    tour = next(p for p in VirtualTourPage.objects.live() if p.url == TOUR)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(demo_server.url + "/admin/login/")
    page.fill("#id_username", "placer")
    page.fill("#id_password", "placer-pass-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(f"{demo_server.url}/admin/pages/{tour.pk}/edit/")
    page.wait_for_load_state("networkidle")
    yaw = page.locator('input[name="scenes-0-value-links-0-value-yaw"]')
    yaw.click()
    preview = page.locator(".tour-placer img").first
    preview.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.tour-placer img').naturalWidth > 0"
    )
    box = preview.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.25)
    assert yaw.input_value() == "-90"
    pitch = page.locator('input[name="scenes-0-value-links-0-value-pitch"]')
    assert abs(float(pitch.input_value()) - 45) < 1
    assert page.locator(".tour-placer__mark.is-active").count() == 1
    page.locator("footer").get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    tour.refresh_from_db()
    draft = tour.get_latest_revision_as_object()
    assert draft.scenes[0].value["links"][0]["yaw"] == -90
    # The live tour is unchanged until the draft is published.
    assert tour.scenes[0].value["links"][0]["yaw"] == 60
    # The preview panel shows the draft tour, with its text version.
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    assert (
        frame.locator("h1").first.inner_text(timeout=20000).startswith("Virtual tour")
    )
    assert frame.locator(".tour-scene").count() == 5
    context.close()
