"""No input answers 500: the inputs an attacker's run found, each answering a
page with a message or a clear 4xx (JSON for the API)."""

from unittest import mock

import pytest
from django.db import OperationalError

from directory.models import CentrePage
from home.models import NewsIndexPage
from portal.params import DB_INT_MAX, id_param, int_param

pytestmark = pytest.mark.django_db
TWENTY_DIGITS = "99999999999999999999"
FIVE_THOUSAND_DIGITS = "9" * 5000


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
