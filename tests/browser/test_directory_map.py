"""The directory's maps send nobody else a request until the visitor asks: they
open on the outline of the countries served by this site, with the centres'
markers, and load the tile provider's images only after the "detailed map"
button, which says so. Every request the browser makes is recorded; requests
to the tile host are answered here (page.route) with a small image."""

import io
import re

import pytest
from PIL import Image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TILE_HOST = "https://tile.openstreetmap.org/"
TILE = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")
BUTTON = "Show a detailed map (loads tiles from OpenStreetMap)"

# Yellow (the markers' fill, #ffcc00) somewhere on the map's canvas.
CANVAS_HAS_MARKERS = """(canvas) => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] > 240 && data[i + 1] > 190 && data[i + 1] < 220 && data[i + 2] < 40) return true;
  }
  return false;
}"""


def png_tile():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (170, 211, 223)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def recorded(page, demo_server):
    """The page, the list of every URL it requested, and the tile requests that
    reached the (simulated) tile server. Other hosts are refused."""
    requests, tiles = [], []
    tile = png_tile()
    page.on("request", lambda request: requests.append(request.url))

    def route(route):
        url = route.request.url
        if url.startswith(demo_server.url):
            route.continue_()
        elif url.startswith(TILE_HOST):
            tiles.append(url)
            route.fulfill(status=200, content_type="image/png", body=tile)
        else:
            route.abort()

    page.route("**/*", route)
    return page, requests, tiles


def outside(requests, server):
    return [url for url in requests if not url.startswith(server.url)]


def test_directory_map_is_local_until_the_visitor_asks(recorded, demo_server):
    page, requests, tiles = recorded
    with page.expect_response(re.compile(r"europe-110m\.json$")) as outline_info:
        page.goto(f"{demo_server.url}/en/centres/?country=FI")
        page.locator(".directory-map").scroll_into_view_if_needed()
    outline = outline_info.value
    assert outline.status == 200
    assert outline.headers["content-type"].startswith("application/json")
    box = page.locator(".directory-map")
    page.locator(".directory-map[data-outline=shown]").wait_for()
    assert box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") == "Map of the centres found"
    # The country outlines (SVG paths in their own pane, under any tiles) and the
    # markers (drawn on the canvas of the overlay pane).
    assert page.locator(".leaflet-outline-pane svg path").count() > 100
    canvas = page.locator(".leaflet-overlay-pane canvas")
    page.wait_for_function(CANVAS_HAS_MARKERS, arg=canvas.element_handle())
    assert page.locator(".leaflet-tile-pane img").count() == 0
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".directory-list li").count() == 3  # the list stays
    # Three Finnish centres: the map is zoomed in, so the 1:50m outline
    # replaces the light one.
    page.locator(".directory-map[data-outline-detail=shown]").wait_for()
    assert [url for url in requests if url.endswith("europe-50m.json")]
    page.wait_for_load_state("networkidle")
    assert outside(requests, demo_server) == []
    assert tiles == []

    # The button, by keyboard: its text says a third party is contacted.
    button = page.get_by_role("button", name=BUTTON)
    assert button.is_visible()
    assert "your browser then contacts that service" in (
        page.locator(".map-detail__help").inner_text()
    )
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-tile-pane img.leaflet-tile-loaded").first.wait_for()
    assert tiles and all(TILE.match(url) for url in tiles)
    assert set(outside(requests, demo_server)) == set(tiles)
    assert button.is_hidden()
    status = page.locator(".map-detail [role=status]")
    assert status.inner_text() == "Detailed map from OpenStreetMap shown."
    assert page.evaluate("document.activeElement.id") == "directory-map"
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in attribution
    # Markers still drawn above the tiles.
    page.wait_for_function(CANVAS_HAS_MARKERS, arg=canvas.element_handle())

    # Nothing is remembered: no storage, and the next visit is local again.
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []
    requests.clear()
    tiles.clear()
    page.reload()
    page.locator(".directory-map").scroll_into_view_if_needed()
    page.locator(".directory-map[data-outline=shown]").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name=BUTTON).is_visible()
    assert outside(requests, demo_server) == []


def test_the_whole_of_europe_opens_on_the_light_outline(recorded, demo_server):
    page, requests, _tiles = recorded
    page.goto(f"{demo_server.url}/en/centres/")
    page.locator(".directory-map").scroll_into_view_if_needed()
    page.locator(".directory-map[data-outline=shown]").wait_for()
    page.wait_for_load_state("networkidle")
    outlines = [url.rsplit("/", 1)[1] for url in requests if "world-atlas" in url]
    assert outlines == ["europe-110m.json"]
    assert page.locator(".leaflet-outline-pane svg path").count() > 100


def test_on_a_phone_the_map_loads_when_the_visitor_reaches_it(browser, demo_server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{demo_server.url}/en/centres/")
    page.wait_for_load_state("networkidle")
    # Below the search form: its box is there, its libraries are not yet.
    assert page.locator(".directory-map").is_visible()
    assert not [url for url in requests if "leaflet" in url and url.endswith(".js")]
    page.locator(".directory-map").scroll_into_view_if_needed()
    page.locator(".directory-map[data-outline=shown]").wait_for()
    assert [url for url in requests if url.endswith("leaflet.js")]
    context.close()


def test_centre_map_is_local_until_the_visitor_asks(recorded, demo_server):
    page, requests, tiles = recorded
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{demo_server.url}/en/centres/?country=FI")
    page.locator(".directory-list h3 a", has_text="Ohjaamo Helsinki").click()
    page.wait_for_url("**/en/centres/ohjaamo-helsinki*/")
    box = page.locator(".centre-map")
    box.scroll_into_view_if_needed()
    page.locator(".centre-map[data-outline=shown]").wait_for()
    assert box.get_attribute("aria-label") == "Map showing where Ohjaamo Helsinki is"
    assert page.locator(".leaflet-outline-pane svg path").count() > 100
    assert page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() == 1
    assert page.locator(".leaflet-tile-pane img").count() == 0
    link = page.get_by_role("link", name="Open in OpenStreetMap")
    assert link.get_attribute("href").startswith("https://www.openstreetmap.org/")
    page.wait_for_load_state("networkidle")
    assert outside(requests, demo_server) == []

    page.get_by_role("button", name=BUTTON).click()
    page.locator(".leaflet-tile-pane img.leaflet-tile-loaded").first.wait_for()
    assert tiles and all(TILE.match(url) for url in tiles)
    assert set(outside(requests, demo_server)) == set(tiles)
    # The detailed map shows the street, at once (no glide under reduced motion).
    assert all(url.startswith(f"{TILE_HOST}14/") for url in tiles)
    assert page.locator(".map-detail [role=status]").inner_text() == (
        "Detailed map from OpenStreetMap shown."
    )


# The first pixel of a centre-with-a-tour mark (#07365f) on the markers' canvas.
DARK_MARK = """() => {
  const canvas = document.querySelector('.leaflet-overlay-pane canvas');
  if (!canvas || !canvas.width) return null;  // the map is still loading
  const box = canvas.getBoundingClientRect();
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const scale = canvas.width / box.width;
  for (let y = 0; y < canvas.height; y += 2) for (let x = 0; x < canvas.width; x += 2) {
    const i = (y * canvas.width + x) * 4;
    if (data[i] === 7 && data[i + 1] === 54 && data[i + 2] === 95 && data[i + 3] > 200)
      return [box.left + x / scale, box.top + y / scale];
  }
  return null;
}"""


def test_on_a_phone_a_popup_stays_open_while_the_map_makes_room(browser, demo_server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{demo_server.url}/en/centres/?tour=on")
    page.locator(".directory-map").scroll_into_view_if_needed()
    page.locator(".directory-map[data-outline=shown]").wait_for()
    x, y = page.wait_for_function(DARK_MARK).json_value()
    page.mouse.click(x + 3, y + 3)
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    # The popup pans the map; the marks are not redrawn under it.
    page.wait_for_timeout(2000)
    assert popup.count() == 1
    assert "360° virtual tour" in popup.inner_text()
    context.close()


def test_the_maps_own_controls_speak_the_pages_language(recorded, demo_server):
    page, _requests, _tiles = recorded
    page.goto(f"{demo_server.url}/fr/centres/")
    page.locator(".directory-list h3 a").first.click()
    page.locator(".centre-map[data-outline=shown]").wait_for()
    assert page.get_by_role("button", name="Zoom avant").count() == 1
    assert page.get_by_role("button", name="Zoom arrière").count() == 1
    credit = page.locator(
        ".leaflet-control-attribution a[href='https://leafletjs.com']"
    )
    assert credit.get_attribute("title") == (
        "Une bibliothèque JavaScript pour des cartes interactives"
    )
    assert "Zoom in" not in page.locator(".centre-map").inner_html()
