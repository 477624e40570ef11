"""No input answers 500. A walk requests every URL pattern of the URLconf (and,
for Wagtail's catch-all, one live page of each type in English and French with
its sub-routes) with hostile values in each parameter the views read, as GET and
as POST for every form it meets; the API's errors must be JSON and stay outside
the language prefixes. Targeted tests follow for each input an attacker's run
found answering 500."""

import itertools
import logging
import re
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from directory.models import CentrePage
from home.models import NewsIndexPage
from portal.api import api_router
from portal.params import DB_INT_MAX, id_param, int_param

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]
BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_APPS = ("portal", "home", "events", "guide", "directory", "search")
PROJECT_ADMIN_APPS = ("translations", *PROJECT_APPS)
LANGUAGES = ("en", "fr")
TWENTY_DIGITS = "99999999999999999999"
FIVE_THOUSAND_DIGITS = "9" * 5000

# Query-string fragments, already percent-encoded as an attacker sends them.
HOSTILE = [
    ("double quote", "%22"),
    ("NUL", "%00"),
    ("space", "%20"),
    ("plus (a space once decoded)", "+"),
    ("plus", "%2B"),
    ("tab", "%09"),
    ("non-breaking space", "%C2%A0"),
    ("apostrophe", "%27"),
    ("script tag", quote("<script>alert(1)</script>", safe="")),
    ("path traversal", quote("../../etc/passwd", safe="")),
    ("-1", "-1"),
    ("0", "0"),
    ("20 digits", "99999999999999999999"),
    ("5,000 digits", FIVE_THOUSAND_DIGITS),
    ("abc", "abc"),
    ("1e10", "1e10"),
    ("[]", "%5B%5D"),
    ("3,000 characters", "x" * 3000),
    ("invalid UTF-8", "%FF"),
    ("truncated UTF-8", "%C3%28"),
]

# Every query parameter a view of ours reads; the API's own come from its
# endpoints (see api_parameters). test_every_parameter_read_is_walked keeps the
# list complete.
PARAMETERS = [
    "q",
    "page",
    "year",
    "topic",
    "tag",
    "type",
    "when",
    "country",
    "theme",
    "competence",
    "untranslated",
    "centre",
    "service",
    "language",
    "tour",
    "lat",
    "lng",
    "near",
    "bbox",
    "section",
    "p",
    "mine",
    "next",
    "status",
]
# Fields POSTed to every URL, beside those of the forms the walk finds.
POST_FIELDS = ["centre", "password", "username", "return_url", "next", "q"]


def api_parameters():
    names = set()
    for _name, endpoint in api_router._endpoints.items():
        names |= set(endpoint.known_query_parameters)
        names |= set(endpoint.find_query_parameters)
        names |= set(endpoint.get_available_fields(endpoint.model, db_fields_only=True))
    return sorted(names)


# Building a URL for each pattern ---------------------------------------------


def url_patterns(patterns=None, prefix=()):
    """(patterns from the root, URLPattern) for every view of the URLconf."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry.url_patterns, (*prefix, entry.pattern))
        else:
            yield (*prefix, entry.pattern), entry


def view_module(view):
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    return (view_class or view).__module__


# Values put in a URL's own path: hostile first, then plain ones so that the
# view behind the path is reached too.
HOSTILE_SEGMENTS = [
    "99999999999999999999",
    "%3Cscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%FF",
]
PLAIN_SEGMENTS = ["1", "abc", "abc/", "", "abc.pdf"]


def converter_value(converter, hostile):
    if isinstance(converter, UUIDConverter):
        return str(uuid.uuid4())
    if isinstance(converter, IntConverter):
        return "99999999999999999999" if hostile else "1"
    if isinstance(converter, PathConverter):
        return "..%2F..%2Fetc%2Fpasswd" if hostile else "abc/def"
    if converter.regex == "[-a-zA-Z0-9_]+":  # slug
        return "-1" if hostile else "abc"
    return "%3Cscript%3E" if hostile else "abc"


def top_level_groups(regex):
    """Split a regular expression into literal text and its top-level groups."""
    pieces, depth, start, i = [], 0, 0, 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = regex.index("]", i + 2) + 1
            continue
        if char == "(":
            if depth == 0:
                pieces.append(("text", regex[start:i]))
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                end = i + 1
                if end < len(regex) and regex[end] in "?*+":
                    end += 1
                pieces.append(("group", regex[start:end]))
                start, i = end, end
                continue
        i += 1
    pieces.append(("text", regex[start:]))
    return pieces


def regex_samples(regex):
    """Strings the regular expression matches whole: hostile then plain."""
    body = regex.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    pieces = top_level_groups(body)
    groups = sum(kind == "group" for kind, _ in pieces)
    samples = []
    for fills in (HOSTILE_SEGMENTS + PLAIN_SEGMENTS, PLAIN_SEGMENTS):
        for combination in itertools.product(fills, repeat=groups):
            values = iter(combination)
            text = "".join(
                next(values) if kind == "group" else re.sub(r"\\(.)", r"\1", piece)
                for kind, piece in pieces
            )
            if re.fullmatch(body, unquote(text)):
                samples.append(text)
                break
    return list(dict.fromkeys(samples))


def pattern_samples(pattern, language):
    if isinstance(pattern, LocalePrefixPattern):
        return [f"{language}/"]
    if isinstance(pattern, RoutePattern):
        samples = []
        for hostile in (True, False):
            samples.append(
                re.sub(
                    r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>",
                    lambda match, hostile=hostile: converter_value(
                        pattern.converters[match["parameter"]], hostile
                    ),
                    str(pattern),
                )
            )
        return list(dict.fromkeys(samples))
    return regex_samples(pattern.regex.pattern)


def urls_for(parts, url_pattern):
    """Paths that resolve to this pattern (hostile and plain), per language."""
    languages = LANGUAGES if isinstance(parts[0], LocalePrefixPattern) else ("en",)
    found = []
    for language in languages:
        choices = [pattern_samples(part, language) for part in parts]
        for combination in itertools.product(*choices):
            url = "/" + "".join(combination)
            with translation.override(language):
                try:
                    match = resolve(unquote(url))
                except Resolver404:
                    continue
            if match.func is url_pattern.callback:
                found.append(url)
    return list(dict.fromkeys(found))


def page_urls():
    """One live page of each type per walked language, with its sub-routes
    (in English only: they run the same code in every language)."""
    urls, seen = [], set()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    for page in pages.filter(locale__language_code__in=LANGUAGES).order_by("path"):
        key = (type(page), page.locale.language_code)
        if key in seen:
            continue
        seen.add(key)
        url = page.get_url()
        urls.append(url)
        if isinstance(page, RoutablePageMixin) and key[1] == LANGUAGES[0]:
            for route in type(page).get_subpage_urls():
                for sample in pattern_samples(route.pattern, "en"):
                    urls.append(url + sample)
    return list(dict.fromkeys(urls))


def api_object_urls():
    """Detail URLs of real objects, so hostile `fields` etc. reach a serializer."""
    urls = []
    page = Page.objects.live().public().filter(depth__gt=2).first()
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    for name, obj in (("pages", page), ("images", image), ("documents", document)):
        if obj is not None:
            urls.append(f"/api/v2/{name}/{obj.pk}/")
    return urls


# Requests ---------------------------------------------------------------------


class FormFinder(HTMLParser):
    """The POST forms of a page: (action, [field names])."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current = (attrs.get("action") or "", [])
            self.forms.append(self._current)
        elif (
            tag in ("input", "select", "textarea")
            and self._current is not None
            and attrs.get("name")
            and attrs.get("type") not in ("submit", "button")
        ):
            self._current[1].append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


class Walk:
    """Sends the requests, counts them and keeps what went wrong."""

    def __init__(self, client, admin):
        self.client, self.admin = client, admin
        self.sent = 0
        self.failures = []
        self.forms = {}
        self._rotation = itertools.cycle(HOSTILE)

    def rotate(self):
        return next(self._rotation)

    def request(self, method, url, pairs, client=None):
        """The response and what is wrong with it (None when nothing is)."""
        client = client or self.client
        encoded = "&".join(f"{name}={value}" for name, value in pairs)
        # Each request from its own address, so that no rate limit (login,
        # password forms, suggestions) answers 429 in place of the view.
        address = (
            f"127.{self.sent >> 16 & 255}.{self.sent >> 8 & 255}.{self.sent & 255}"
        )
        self.sent += 1
        if method == "GET":
            full = f"{url}?{encoded}" if encoded else url
            response = client.get(full, REMOTE_ADDR=address)
        else:
            response = client.post(
                url,
                encoded,
                content_type="application/x-www-form-urlencoded",
                REMOTE_ADDR=address,
            )
        return response, self.problem(url, response)

    def problem(self, url, response):
        try:
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
        except Exception as error:  # noqa: BLE001 (any error is the finding)
            return f"error while streaming: {error!r:.160}"
        status = response.status_code
        if status >= 500:
            error = (getattr(response, "exc_info", None) or (None, None))[1]
            return f"answered {status} ({error!r:.160})"
        if url.startswith("/api/"):
            location = response.get("Location", "")
            if 300 <= status < 400 and not location.startswith(
                ("/api/", "http://testserver/api/")
            ):
                return f"redirected to {location}"
            if status >= 400 and "json" not in response.get("Content-Type", ""):
                return f"{status} without a JSON body"
        return None

    def send(self, method, url, pairs, what, client=None):
        response, problem = self.request(method, url, pairs, client)
        if problem:
            self.failures.append(f"{method} {url} {what}: {problem}")
        return response

    def every_value(self, method, url, names, client=None):
        """Each hostile value in every parameter at once; a failure is then
        narrowed down to the parameters that fail on their own."""
        for label, value in HOSTILE:
            _response, problem = self.request(
                method, url, [(name, value) for name in names], client
            )
            if problem is None:
                continue
            culprits = len(self.failures)
            for name in names:
                self.send(method, url, [(name, value)], f"{name}={label}", client)
            if len(self.failures) == culprits:
                self.failures.append(
                    f"{method} {url} every parameter={label}: {problem}"
                )

    def each_parameter(self, method, url, names, values=1, client=None):
        """Each parameter alone, with the next values of the corpus."""
        for name in names:
            for _ in range(values):
                label, value = self.rotate()
                self.send(method, url, [(name, value)], f"{name}={label}", client)

    def find_forms(self, url, response):
        if response.status_code != 200:
            return
        if "html" not in response.get("Content-Type", ""):
            return
        finder = FormFinder()
        finder.feed(response.content.decode("utf-8", "replace"))
        for action, fields in finder.forms:
            target = urlsplit(urljoin(url, action)).path
            if not target.startswith("/admin/"):
                self.forms.setdefault(target, set()).update(fields)


def endpoint_parameters(url):
    """The parameters an API endpoint accepts (others answer 400 at once)."""
    name = url.split("/")[3]
    endpoint = api_router._endpoints[name]
    names = set(endpoint.known_query_parameters) | set(
        endpoint.get_available_fields(endpoint.model, db_fields_only=True)
    )
    if url.endswith("/find/"):
        names |= set(endpoint.find_query_parameters)
    return sorted(names)


def collect_urls():
    """(public URLs, admin patterns as (URLs, whether the view is ours),
    patterns no URL reaches, patterns shadowed by an earlier one)."""
    public, admin, unreached, shadowed, routes = [], [], [], [], set()
    for parts, url_pattern in url_patterns():
        route = "".join(str(part) for part in parts)
        urls = urls_for(parts, url_pattern)
        if not urls:
            # A pattern registered again under the same route is never reached.
            (shadowed if route in routes else unreached).append(route)
        elif str(parts[0]) == "admin/":
            mine = view_module(url_pattern.callback).startswith(PROJECT_ADMIN_APPS)
            admin.append((urls, mine))
        else:
            public.extend(urls)
        routes.add(route)
    public.extend(page_urls())
    public.extend(api_object_urls())
    return list(dict.fromkeys(public)), admin, unreached, shadowed


def run_walk(superuser):
    """Walk the whole site; returns the Walk (its failures and count)."""
    admin = Client(raise_request_exception=False)
    admin.force_login(superuser)
    walk = Walk(Client(raise_request_exception=False), admin)
    public, admin_urls, walk.unreached, walk.shadowed = collect_urls()
    walk.public_urls, walk.admin_urls = public, admin_urls
    for url in public:
        walk.find_forms(url, walk.send("GET", url, [], "(no parameter)"))
        if url.startswith("/api/"):
            # The API stops at the first invalid parameter: each one alone,
            # with the next values of the corpus (the 13 API URLs share their
            # code, so together they give each parameter every value).
            walk.each_parameter("GET", url, endpoint_parameters(url), values=2)
        else:
            walk.every_value("GET", url, PARAMETERS)
        label, value = walk.rotate()
        walk.send(
            "POST",
            url,
            [(name, value) for name in POST_FIELDS],
            f"every POST field={label}",
        )
    for url, fields in walk.forms.items():
        walk.every_value("POST", url, sorted(fields))
    for urls, mine in admin_urls:
        if mine:  # our admin views, as a superuser
            for url in urls:
                walk.every_value("GET", url, PARAMETERS, client=admin)
        else:
            # Wagtail's, anonymous: the login redirect comes before any
            # parameter is read.
            label, value = walk.rotate()
            walk.send(
                "GET",
                urls[0],
                [(name, value) for name in PARAMETERS],
                f"every parameter={label}",
            )
    return walk


def test_no_url_answers_500_to_hostile_input(django_user_model, caplog):
    chief = django_user_model.objects.create_superuser(
        "walker", "walker@example.org", "pw"
    )
    started = time.monotonic()
    # Thousands of 4xx warnings would only slow the walk down: it keeps what
    # went wrong itself, with the exception raised.
    with caplog.at_level(logging.CRITICAL, logger="django.request"):
        walk = run_walk(chief)
    elapsed = time.monotonic() - started
    print(  # the walk's size, shown with pytest -s
        f"hostile walk: {walk.sent} requests, {len(walk.public_urls)} public URLs, "
        f"{len(walk.admin_urls)} admin patterns ({len(walk.shadowed)} shadowed), "
        f"{len(walk.failures)} failures, {elapsed:.0f}s"
    )
    assert not walk.unreached, "patterns the walk found no URL for:\n" + (
        "\n".join(walk.unreached)
    )
    assert walk.sent > 2000  # a walk that silently shrank would prove little
    assert not walk.failures, f"{len(walk.failures)} of {walk.sent} failed:\n" + (
        "\n".join(walk.failures)
    )


def test_every_parameter_read_is_walked():
    """A parameter a view reads by name, anywhere in our code, is in the walk."""
    read = set()
    pattern = re.compile(r"""\.(?:GET|POST)(?:\.get(?:list)?\(|\[)\s*["']([^"']+)""")
    for app in PROJECT_ADMIN_APPS:
        for path in (BASE_DIR / app).rglob("*.py"):
            read.update(pattern.findall(path.read_text()))
    for path in (BASE_DIR / "templates").rglob("*.html"):
        read.update(re.findall(r"request\.GET\.(\w+)", path.read_text()))
    walked = set(PARAMETERS) | set(POST_FIELDS) | set(api_parameters())
    # Fields of the translation forms in the admin, which the walk reads with
    # GET only.
    admin_forms = {"locales", "include_subtree", "publish_translations", "alias"}
    admin_forms |= {"new_parent_page", "action", "comment", "confirm_missing"}
    assert read - walked - admin_forms == set()


# Whole numbers in the query string -------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("+12", 12),
        ("0", None),
        ("-1", None),
        (str(DB_INT_MAX), DB_INT_MAX),
        (str(DB_INT_MAX + 1), None),
        (TWENTY_DIGITS, None),
        (FIVE_THOUSAND_DIGITS, None),
        ("1e10", None),
        ("1_000", None),
        ("²", None),
        ("١٢", None),
        ("abc", None),
        ("", None),
        (None, None),
    ],
)
def test_id_param_reads_plain_integers_in_range_only(value, expected):
    assert id_param(value) == expected


def test_int_param_bounds_and_default():
    assert int_param("5", minimum=1, maximum=10) == 5
    assert int_param("11", minimum=1, maximum=10, default=3) == 3
    assert int_param("-4", minimum=-5) == -4
    assert int_param("x", default=7) == 7


@pytest.mark.parametrize("value", [TWENTY_DIGITS, FIVE_THOUSAND_DIGITS, "²", "-1"])
def test_untranslated_with_a_huge_number_shows_the_home_page(client, value):
    response = client.get("/en/", {"untranslated": value})
    assert response.status_code == 200
    assert "Continue reading" not in response.content.decode()


@pytest.mark.parametrize("value", [FIVE_THOUSAND_DIGITS, TWENTY_DIGITS, "²"])
def test_news_year_too_large_says_there_is_no_news_from_it(client, value):
    news = NewsIndexPage.objects.get(locale__language_code="en")
    response = client.get(news.url, {"year": value})
    assert response.status_code == 200
    assert "showing every year" in response.content.decode()


@pytest.mark.parametrize("value", [TWENTY_DIGITS, FIVE_THOUSAND_DIGITS, "-1"])
def test_suggestion_form_with_a_huge_centre_is_a_new_suggestion(client, value):
    response = client.get("/en/centres/suggest/", {"centre": value})
    assert response.status_code == 200
    assert "Suggest a centre" in response.content.decode()
    posted = client.post("/en/centres/suggest/", {"centre": value})
    assert posted.status_code == 400  # the form's errors, shown to the visitor
    assert "Name of the centre" in posted.content.decode()


def test_a_suggestion_naming_a_huge_centre_becomes_a_new_centre(client):
    data = {
        "centre": TWENTY_DIGITS,
        "name": "Hostile centre",
        "centre_type": "guidance_centre",
        "country": "FR",
        "city": "Paris",
        "contact_name": "Eve",
        "contact_email": "eve@example.org",
    }
    response = client.post("/en/centres/suggest/", data)
    assert response.status_code == 200
    assert "waiting for a moderator" in response.content.decode()
    assert not CentrePage.objects.get(title="Hostile centre").live


def test_directory_and_search_page_numbers_past_any_integer(client):
    for url in ("/en/centres/", "/en/search/?q=project&"):
        separator = "&" if "?" in url else "?"
        response = client.get(f"{url}{separator}page={FIVE_THOUSAND_DIGITS}")
        assert response.status_code == 200


# Searches reduced to words (search/backend.py) --------------------------------

SEARCH_SYNTAX = ['"', "\x00", " ", "+", "\t", "\u00a0", "'", '"project', "a AND"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", [q for q in SEARCH_SYNTAX if q != "\x00"])
def test_api_search_with_query_syntax_answers_json(client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_api_search_still_finds_words_between_quotes(client):
    plain = client.get("/api/v2/pages/", {"search": "project"}).json()
    quoted = client.get("/api/v2/pages/", {"search": '"project'}).json()
    assert plain["meta"]["total_count"] > 0
    assert quoted["meta"]["total_count"] == plain["meta"]["total_count"]


@pytest.mark.parametrize("query", SEARCH_SYNTAX)
def test_admin_search_boxes_with_query_syntax(client, django_user_model, query):
    chief = django_user_model.objects.create_superuser("chief", "c@example.org", "pw")
    client.force_login(chief)
    for url in ("/admin/news_articles/", "/admin/pages/search/"):
        assert client.get(url, {"q": query}).status_code == 200


# The API: 400 with a JSON message, never 500 ---------------------------------


def api_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    message = response.json()["message"]
    assert message
    return message


@pytest.mark.parametrize(
    ("url", "mentions"),
    [
        ("/api/v2/pages/find/?id=abc", "id"),
        ("/api/v2/images/find/?id=" + TWENTY_DIGITS, "id"),
        ("/api/v2/pages/?offset=" + TWENTY_DIGITS, "offset"),
        ("/api/v2/pages/?offset=-1", "offset"),
        ("/api/v2/documents/?limit=" + FIVE_THOUSAND_DIGITS, "limit"),
        ("/api/v2/pages/?limit=101", "limit"),
        ("/api/v2/pages/?first_published_at=x", "first_published_at"),
        ("/api/v2/pages/?alias_of=" + TWENTY_DIGITS, "alias_of"),
        ("/api/v2/pages/?alias_of=abc", "alias_of"),
        ("/api/v2/images/?width=" + TWENTY_DIGITS, "width"),
        ("/api/v2/pages/?search=a&search_operator=xx", "search_operator"),
        ("/api/v2/pages/?search=%00", "search"),
        ("/api/v2/pages/find/?html_path=%00", "html_path"),
        ("/api/v2/pages/?locale=%00", "locale"),
        ("/api/v2/pages/?fields=" + "a(" * 600 + "b" + ")" * 600, "fields"),
    ],
)
def test_api_refuses_bad_parameters_with_a_json_message(client, url, mentions):
    assert mentions in api_error(client.get(url), 400)


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_search_with_a_nul_is_refused_with_a_message(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "a\x00b"})
    assert response.status_code == 400
    assert "null characters" in response.json()["message"]


def test_api_offset_past_the_end_is_an_empty_page(client):
    response = client.get("/api/v2/pages/", {"offset": str(10**15)})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["meta"]["total_count"] > 0


def test_api_valid_parameters_still_work(client):
    listing = client.get("/api/v2/pages/", {"offset": 1, "limit": 2}).json()
    assert len(listing["items"]) == 2
    page_id = listing["items"][0]["id"]
    found = client.get("/api/v2/pages/find/", {"id": page_id})
    assert found.status_code == 302
    assert found["Location"].endswith(f"/api/v2/pages/{page_id}/?")
    date = client.get(f"/api/v2/pages/{page_id}/").json()["meta"]["first_published_at"]
    same_date = client.get("/api/v2/pages/", {"first_published_at": date}).json()
    assert page_id in [item["id"] for item in same_date["items"]]
    assert client.get("/api/v2/pages/", {"search_operator": "OR"}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/nope/",
        "/api/v2/pages/?locale=xx",
        "/api/v2/pages/abc/",
        "/api/v2/pages/" + TWENTY_DIGITS + "/",
        "/api/v2/pages/?format=xx",
        "/api/",
        "/api",
        "/api/v1/pages/",
    ],
)
def test_api_not_found_is_json_and_never_redirected_into_a_language(client, url):
    response = client.get(url)
    api_error(response, 404)
    assert "Location" not in response


def test_other_unprefixed_paths_are_not_redirected_into_a_language(client):
    assert client.get("/documents/nope").status_code == 404
    # Public pages still get their language prefix.
    response = client.get("/about/")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


# The site search: logging the query never costs the results -------------------


def test_search_shows_results_when_logging_the_query_fails(client):
    from wagtail.contrib.search_promotions.models import Query

    with mock.patch.object(
        Query, "add_hit", side_effect=OperationalError("database is locked")
    ):
        response = client.get("/en/search/", {"q": "project"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "could not run this search" not in html
    assert 'class="search-result' in html


# Logins: a username longer than any account's ---------------------------------


@pytest.mark.parametrize("url", ["/en/_util/login/", "/admin/login/"])
def test_login_with_a_huge_username_is_a_wrong_login(client, url):
    """django-axes stores the username of each failed login; PostgreSQL refused
    one longer than its column (500) and SQLite stored it whole."""
    from axes.models import AccessAttempt

    username = "x" * 3000
    response = client.post(
        url, {"username": username, "password": "wrong"}, REMOTE_ADDR="127.0.0.9"
    )
    assert response.status_code == 200  # the form again, with its error
    # (Wagtail's admin form refuses the username before authenticating.)
    attempts = AccessAttempt.objects.filter(ip_address="127.0.0.9")
    assert [attempt.username for attempt in attempts] in ([], [username[:255]])


@pytest.mark.parametrize(
    "url", ["/api/", "/api/v3/pages/", "/api/v2/nothing/", "/api/v2/pages/x/y/"]
)
def test_unknown_api_routes_answer_json_404_without_a_language_prefix(client, url):
    response = client.get(url)
    assert response.status_code == 404  # never a redirect into /en/api/...
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"] == "not found"
