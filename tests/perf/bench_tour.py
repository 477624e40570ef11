"""What a virtual tour costs a visitor (`make bench-tour`): the bytes of
a tour page before the visitor starts the tour, the viewer and panorama bytes
that the start loads (measured in Chromium, as transferred), the rendition
sizes of every panorama, and a check that pages without a tour load nothing
of the viewer. Figures, not a pass/fail test.

It builds its own SQLite database with the demo in a temporary directory and
serves it with Django's development server (which serves /media/)."""

import gzip
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
PYTHON = sys.executable
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]


def kib(n):
    return f"{n / 1024:8.1f} KiB"


def main():
    from tests.perf.bench_site import free_port

    workdir = Path(tempfile.mkdtemp(prefix="bench-tour-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DATABASE_URL")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
    }
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        measure(base)
        renditions(env)
    finally:
        server.terminate()
        server.wait(10)


def measure(base):
    from playwright.sync_api import sync_playwright

    tour = "/en/centres/cdm-paris-villette/virtual-tour/"
    print("Virtual tour benchmark (Chromium, bytes as transferred)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=ARGS
        )
        for width, height, scale in ((1366, 900, 1), (375, 800, 2), (1920, 1080, 1)):
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=scale
            )
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r, bucket=responses: bucket.append(r))
            page.goto(base + tour)
            page.wait_for_load_state("networkidle")
            before = sum(r.sizes()["responseBodySize"] for r in responses)
            count = len(responses)
            responses.clear()
            page.get_by_role("button", name="Start the 360° tour").click()
            page.locator(".tour-viewer__status").filter(has_text="Scene 1").wait_for()
            page.wait_for_load_state("networkidle")
            viewer = sum(
                r.sizes()["responseBodySize"] for r in responses if "pannellum" in r.url
            )
            panorama = sum(
                r.sizes()["responseBodySize"]
                for r in responses
                if "/media/images/" in r.url
            )
            print(
                f"  {width}x{height}@{scale}x: before the start {count} requests"
                f" {kib(before)}; on start: viewer {kib(viewer)}, first panorama"
                f" {kib(panorama)}"
            )
            context.close()
        context = browser.new_context()
        page = context.new_page()
        for path in ("/en/", "/en/centres/", "/en/centres/biz-bern/", "/en/news/"):
            urls = []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            viewer = [u for u in urls if "pannellum" in u or "tour.js" in u]
            print(f"  {path}: viewer requests {len(viewer)}")
        browser.close()
    static = BASE_DIR / "static" / "vendor" / "pannellum"
    for name in ("pannellum.js", "pannellum.css"):
        data = (static / name).read_bytes()
        print(
            f"  {name}: {kib(len(data))} raw, {kib(len(gzip.compress(data, 9)))} gzip"
        )


def renditions(env):
    os.environ.update(env)
    import django

    django.setup()
    from tours.models import VirtualTourPage
    from tours.viewer import PANORAMA_LARGE, PANORAMA_SMALL

    sizes = {PANORAMA_SMALL: [], PANORAMA_LARGE: []}
    for tour in VirtualTourPage.objects.filter(locale__language_code="en"):
        for scene in tour.scene_list:
            for spec, rendition in scene["panorama"].get_renditions(*sizes).items():
                sizes[spec].append(rendition.file.size)
    for spec, values in sizes.items():
        print(
            f"  panoramas {spec}: {len(values)} files, mean {kib(sum(values) / len(values))},"
            f" max {kib(max(values))}"
        )


if __name__ == "__main__":
    main()
