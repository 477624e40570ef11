"""Security helpers used by the settings:

- `AxesBackend`: django-axes' login throttling, tolerant of `authenticate()` calls
  made without a request (tests, management commands) which it cannot track.
- `PasswordFormRateLimitMiddleware`: limits wrong passwords on the private-page
  password form (Wagtail's `authenticate_with_password` view) per client address.
- `safe_rich_text` (a template builtin, used by the override of Wagtail's
  `wagtailcore/shared/richtext.html`): rich text is rendered without `javascript:`
  (or `vbscript:`, `data:`) links, `<script>` elements or `on*` event attributes,
  whatever was stored in the database (imports, translations, API).
- `CSPMiddleware`: django-csp's, letting the admin frame its own previews.
"""

import html
import re

from csp import middleware as csp_middleware
from csp.constants import SELF
from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

try:
    from axes.backends import AxesStandaloneBackend
except ImportError:  # pragma: no cover - axes is a pinned requirement
    AxesStandaloneBackend = object


class AxesBackend(AxesStandaloneBackend):
    """django-axes' backend; `authenticate()` without a request (nothing to throttle
    by) falls through to the next backend instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(
            request, username=username, password=password, **kwargs
        )


# Axes' column for the username it counts failures by.
AXES_USERNAME_MAX_LENGTH = 255


def axes_username(request, credentials=None):
    """The username django-axes counts failures by (AXES_USERNAME_CALLABLE), cut
    to the length of its column. Login forms accept longer ones (Django's
    AuthenticationForm advertises a maximum length it does not check) and
    PostgreSQL refuses to store them: a 3,000-character username answered 500.
    No account has such a name, so the cut merges nothing that matters."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    if isinstance(username, str):
        return username[:AXES_USERNAME_MAX_LENGTH]
    return username


# --- Private-page password form ------------------------------------------------

PASSWORD_FORM_URL_NAME = "wagtailcore_authenticate_with_password"  # noqa: S105


def client_address(request):
    """The visitor's address: the last hop added by our own proxy when the
    deployment says there is one (PORTAL_TRUSTED_PROXY_COUNT), else REMOTE_ADDR."""
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class PasswordFormRateLimitMiddleware:
    """After PORTAL_PASSWORD_FORM_LIMIT wrong passwords from one address within
    PORTAL_PASSWORD_FORM_WINDOW seconds, further attempts get a 429 with a clear
    message until the window passes. A right password still redirects as usual."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or "authenticate_with_password" not in (
            request.path_info
        ):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.url_name != PASSWORD_FORM_URL_NAME:
            return self.get_response(request)

        limit = getattr(settings, "PORTAL_PASSWORD_FORM_LIMIT", 10)
        window = getattr(settings, "PORTAL_PASSWORD_FORM_WINDOW", 15 * 60)
        key = f"portal:pwform:{client_address(request)}"
        if cache.get(key, 0) >= limit:
            return too_many_attempts(window)
        response = self.get_response(request)
        # The form redisplays (200) on a wrong password; success redirects.
        if response.status_code == 200:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, window)
        return response


def too_many_attempts(window):
    minutes = max(1, window // 60)
    message = _(
        "Too many wrong passwords. For your security, please wait %(minutes)d "
        "minutes before trying again."
    ) % {"minutes": minutes}
    response = HttpResponse(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(message)}'
        f"</title></head><body><main><h1>{html.escape(message)}</h1></main></body></html>",
        status=429,
    )
    response["Retry-After"] = str(window)
    response["Cache-Control"] = "no-store"
    return response


# --- Image uploads ------------------------------------------------------------------


class SafeWagtailImageField(WagtailImageField):
    """Wagtail's image field, plus: a file whose header looks like an image but
    whose data is corrupt or truncated gets "not a valid image" instead of a 500
    (here or later, when renditions are made). The pixel cap is checked first,
    so decoding never meets a decompression bomb."""

    def to_python(self, data):
        try:
            f = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder failure
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        if f is None or f.image.format_name == "svg":
            return f
        source = data if hasattr(data, "read") else None
        if source is not None:
            try:
                source.seek(0)
                with PILImage.open(source) as picture:
                    picture.load()
            except Exception as error:  # noqa: BLE001 - truncated, bad data
                raise ValidationError(
                    self.error_messages["invalid_image"], code="invalid_image"
                ) from error
            finally:
                source.seek(0)
        return f


class SafeImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's image form with the safe field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            field.__class__ = SafeWagtailImageField


# --- Rich text sanitising ----------------------------------------------------

register = template.Library()

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcdoc")
_SCRIPT = re.compile(r"<script\b.*?(</script\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"""<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*>""")
_ATTRIBUTE = re.compile(
    r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_dangerous_url(value):
    cleaned = _INVISIBLE.sub("", html.unescape(html.unescape(value))).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES)


def _clean_attribute(match):
    name = match.group(1).lower()
    value = match.group(2).strip("\"'")
    if name.startswith("on"):
        return ""
    if name in URL_ATTRIBUTES and is_dangerous_url(value):
        return ""
    return match.group(0)


def sanitize_html(value):
    """Remove script elements, event-handler attributes and dangerous URLs."""
    value = _SCRIPT.sub("", str(value))
    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(_clean_attribute, tag.group(0)), value)


@register.filter
def safe_rich_text(value):
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above


# --- Content-Security-Policy -----------------------------------------------------


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's middleware, but a preview may be framed by the admin of the
    same origin: Wagtail renders previews (the editor's preview panel, "View
    draft", moderation) through the whole middleware chain with a dummy request,
    so without this the page's `frame-ancestors 'none'` blanks the panel and its
    accessibility checks run on nothing. Public responses keep 'none'."""

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = [SELF]
            response._csp_replace = replace
        return super().process_response(request, response)
