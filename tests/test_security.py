"""Security as an attacker and a visitor meet it: production headers and cookies,
CSP nonces, login and password-form throttling, upload limits, rich text
sanitising, open redirects, Host validation and the version floor."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail import blocks
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from portal.security import sanitize_html
from tests.conftest import live_pages
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "x7$k2!qP9@vL4#mN8&rT1*wZ6^yB3%cF5(hJ0)dG-sA_eU+iO=oK",
    "DJANGO_ALLOWED_HOSTS": "keepinpact.example.org",
    "PORTAL_CACHE_DIR": "/tmp/keepinpact-test-cache",  # noqa: S108
}


def production_settings(names, **env):
    """Values of settings as `portal.settings.production` computes them from
    the given environment (a fresh interpreter, nothing from this process)."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {names!r}}}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def content_page(home):
    """An English page two levels below the home page."""
    section = StandardPageFactory(parent=home, title="Guidance services")
    return StandardPageFactory(parent=section, title="Opening hours")


# --- Production settings and headers ---------------------------------------------


def test_production_settings_are_https_only():
    values = production_settings(
        [
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_SSL_REDIRECT",
            "SECURE_PROXY_SSL_HEADER",
            "SECURE_CONTENT_TYPE_NOSNIFF",
            "SECURE_REFERRER_POLICY",
            "X_FRAME_OPTIONS",
            "CONTENT_SECURITY_POLICY",
            "ALLOWED_HOSTS",
            "DEBUG",
        ]
    )
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["ALLOWED_HOSTS"] == ["keepinpact.example.org"]
    assert values["DEBUG"] is False
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"]


PRODUCTION_LIKE = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@override_settings(**PRODUCTION_LIKE)
def test_plain_http_is_redirected_to_https_behind_the_proxy(client, content_page):
    page = content_page
    response = client.get(page.url)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{page.url}"
    # The proxy says the visitor used HTTPS: served, with HSTS.
    response = client.get(page.url, headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]


@override_settings(**PRODUCTION_LIKE)
def test_health_endpoint_is_exempt_from_the_https_redirect(client):
    with override_settings(SECURE_REDIRECT_EXEMPT=[r"^healthz$"]):
        assert client.get("/healthz").status_code == 200


def test_public_pages_send_security_headers_and_a_csp_with_a_fresh_nonce(
    client, content_page
):
    page = content_page
    nonces = []
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        csp = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "object-src 'none'" in csp
        assert "'unsafe-inline'" not in csp
        nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
        html = response.content.decode()
        # Scripts come from our origin ('self'); the site script and any inline
        # script carry the header's nonce.
        assert re.search(
            rf'<script src="[^"]*portal\.js" nonce="{re.escape(nonce)}"', html
        )
        for tag in re.findall(r"<script\b[^>]*>", html):
            if "application/ld+json" not in tag and "src=" not in tag:
                assert f'nonce="{nonce}"' in tag, tag
            src = re.search(r'src="([^"]*)"', tag)
            assert not src or src.group(1).startswith("/"), tag
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.usefixtures("demo_site")
def test_no_inline_script_or_style_attribute_on_public_pages(client):
    for page in list(live_pages())[:40]:
        html = client.get(page.url).content.decode()
        assert " style=" not in html, page.url
        for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, re.S):
            # JSON data blocks (structured data, a tour's configuration) are
            # never executed.
            data = "application/ld+json" in tag or 'type="application/json"' in tag
            assert "src=" in tag or data or not body.strip(), page.url


# --- Throttling -----------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="right-password-42"
    )


def test_admin_login_is_locked_after_five_wrong_passwords(client, editor):
    url = reverse("wagtailadmin_login")
    for _ in range(4):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(url, {"username": "editor", "password": "wrong"})
    assert response.status_code == 429
    response = client.post(url, {"username": "editor", "password": "right-password-42"})
    assert response.status_code == 429
    assert b"locked" in response.content.lower()
    # Another address with the right password is not affected.
    response = client.post(
        url,
        {"username": "editor", "password": "right-password-42"},
        REMOTE_ADDR="10.9.8.7",
    )
    assert response.status_code == 302


def test_force_login_and_login_still_work(client, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.logout()
    assert client.login(username="editor", password="right-password-42")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_private_page_password_form_is_rate_limited(client, content_page):
    page = content_page
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="letmein"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert b'type="password"' in response.content
    with translation.override("en"):
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
    for _ in range(10):
        response = client.post(url, {"password": "nope", "return_url": page.url})
        assert response.status_code == 200
    response = client.post(url, {"password": "letmein", "return_url": page.url})
    assert response.status_code == 429
    assert b"Too many wrong passwords" in response.content
    # Someone else is not blocked, and the right password opens the page.
    response = client.post(
        url, {"password": "letmein", "return_url": page.url}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302
    assert response["Location"] == page.url


# --- Uploads ----------------------------------------------------------------------


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, url, name, content, content_type):
    return client.post(
        url,
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": 1,
        },
    )


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("setup.exe", "application/octet-stream"),
        ("page.html", "text/html"),
        ("image.svg", "image/svg+xml"),
    ],
)
def test_document_extensions_outside_the_allow_list_are_refused(
    client, editor, name, content_type
):
    client.force_login(editor)
    response = upload(
        client, reverse("wagtaildocs:add"), name, b"<html>x</html>", content_type
    )
    assert response.status_code == 200
    assert b"Not a supported document extension" in response.content or (
        response.context["form"].errors.get("file")
    )


def test_allowed_document_uploads_and_oversized_one_is_refused(client, editor):
    client.force_login(editor)
    response = upload(
        client,
        reverse("wagtaildocs:add"),
        "report.pdf",
        b"%PDF-1.4\n",
        "application/pdf",
    )
    assert response.status_code == 302
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024):
        response = upload(
            client,
            reverse("wagtaildocs:add"),
            "big.pdf",
            b"%PDF-1.4\n" + b"0" * 2048,
            "application/pdf",
        )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("corrupt.png", b"\x89PNG\r\n\x1a\nthis is not a picture", "image/png"),
        ("truncated.png", png_bytes((64, 64))[:60], "image/png"),
        ("fake.jpg", b"GIF89a not really", "image/jpeg"),
    ],
)
def test_svg_corrupt_and_truncated_images_get_a_form_error(
    client, editor, name, content, content_type
):
    client.force_login(editor)
    response = upload(client, reverse("wagtailimages:add"), name, content, content_type)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_images_are_capped_in_pixels_and_size(client, editor):
    client.force_login(editor)
    with override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100):
        response = upload(
            client,
            reverse("wagtailimages:add"),
            "huge.png",
            png_bytes((20, 20)),
            "image/png",
        )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    response = upload(
        client, reverse("wagtailimages:add"), "ok.png", png_bytes(), "image/png"
    )
    assert response.status_code == 302


# --- Rich text, StreamField, redirects, Host ----------------------------------------

HOSTILE = (
    '<p><a href="javascript:alert(1)">a</a> <a href=" JaVa&#115;cript:alert(2)">b</a>'
    " <a href='vbscript:x'>c</a> <a href=\"data:text/html,<b>\">d</a>"
    ' <a href="https://example.org/" onclick="alert(3)">e</a>'
    '<img src="x.png" onerror="alert(4)"><script>alert(5)</script></p>'
)


def test_rich_text_never_renders_javascript_links_or_scripts():
    for rendered in (str(RichText(HOSTILE)), sanitize_html(HOSTILE)):
        lowered = rendered.lower()
        assert "javascript" not in lowered
        assert "vbscript" not in lowered
        assert "data:text" not in lowered
        assert "onclick" not in lowered and "onerror" not in lowered
        assert "<script" not in lowered
        assert '<a href="https://example.org/">e</a>' in rendered


def test_a_page_body_with_a_hostile_link_renders_it_harmless(client, home):
    from home.models import StandardPage

    page = home.add_child(
        instance=StandardPage(
            title="Hostile body",
            slug="hostile-body",
            body=[("paragraph", RichText(HOSTILE))],
        )
    )
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode().lower()
    assert '<a href="https://example.org/">e</a>' in html
    assert "javascript:alert" not in html
    assert "alert(5)" not in html
    assert "onerror" not in html


def test_streamfield_url_blocks_refuse_javascript():
    with pytest.raises(ValidationError):
        blocks.URLBlock().clean("javascript:alert(1)")


@pytest.mark.parametrize(
    "path",
    ["//evil.example/", "/\\evil.example/", "/en//evil.example/"],
)
def test_paths_never_redirect_to_another_host(client, path):
    response = client.get(path)
    location = response.get("Location", "")
    assert not location.startswith(("//", "/\\")), location
    assert not location.startswith(("//evil", "http://evil", "https://evil"))


def test_login_and_password_form_ignore_foreign_next_urls(client, editor, content_page):
    response = client.post(
        reverse("wagtailadmin_login") + "?next=https://evil.example/",
        {
            "username": "editor",
            "password": "right-password-42",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]

    page = content_page
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="letmein"
    )
    with translation.override("en"):
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
    response = client.post(
        url, {"password": "letmein", "return_url": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_wagtail_redirects_resolve_on_this_host(client, content_page):
    from wagtail.contrib.redirects.models import Redirect

    page = content_page
    Redirect.objects.create(old_path="/old-page", redirect_page=page)
    response = client.get("/old-page")
    assert response.status_code in (301, 302)
    assert response["Location"].startswith(("/", "http://testserver/"))


@override_settings(ALLOWED_HOSTS=["keepinpact.example.org"])
def test_host_header_is_validated(client, content_page):
    page = content_page
    assert client.get(page.url, HTTP_HOST="evil.example").status_code == 400
    assert client.get(page.url, HTTP_HOST="keepinpact.example.org").status_code in (
        200,
        404,
    )


# --- Version floor ----------------------------------------------------------------


def version_tuple(text):
    parts = [int(part) for part in re.findall(r"\d+", text)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def test_minimum_versions_of_the_framework():
    from importlib.metadata import version

    floors = {
        "Django": (5, 2, 8),
        "wagtail": (8, 0, 1),
        "wagtail-localize": (1, 14, 0),
        "django-csp": (4, 0, 0),
        "django-axes": (8, 0, 0),
        "Pillow": (10, 3, 0),
    }
    for package, floor in floors.items():
        assert version_tuple(version(package)) >= floor, package


def test_documents_go_through_the_serve_view_and_respect_privacy(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    Document = get_document_model()
    public = Document.objects.create(
        title="Public report", file=ContentFile(b"%PDF-1.4\n", name="public-report.pdf")
    )
    response = client.get(public.url)
    assert public.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public-report" in response["Content-Disposition"]

    private_collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private_collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    private = Document.objects.create(
        title="Minutes",
        file=ContentFile(b"%PDF-1.4 secret\n", name="minutes.pdf"),
        collection=private_collection,
    )
    response = client.get(private.url)
    assert response.status_code == 302
    assert b"secret" not in response.content
