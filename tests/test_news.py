"""News: the index (newest first, combinable filters, pagination that keeps
them, bad input), RSS and Atom per language, the article page (JSON-LD, Open
Graph, share links, related articles, topics in the visitor's language),
scheduled publishing, the home page's latest news, the admin listing, and
query counts flat from 10 to 1,000 articles."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlparse

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model

from home.models import HomePage, NewsIndexPage, NewsPage, Topic
from tests.factories import (
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerFactory,
    StandardPageFactory,
    TopicFactory,
    localized,
)

ATOM = "{http://www.w3.org/2005/Atom}"
ROOT = "http://localhost"  # the site's root URL: full URLs use it
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

EN_TITLES = [  # newest first
    "Report of the final multiplier event",
    "Pilot training at the Cité des métiers in Paris",
    "A community of practitioners for partnership managers",
    "Building on COCADE, the predecessor project",
    "Keep In Pact kicks off in Paris",
]
FR_TITLES = [
    "Compte rendu de l’événement de diffusion final",
    "Formation pilote à la Cité des métiers de Paris",
    "Une communauté de praticiens pour les chargés de partenariat",
    "Dans la continuité de COCADE, le projet précédent",
    "Lancement de Keep In Pact à Paris",
]


PARTNERS = [  # short name, English name, French name
    (
        "RICDM",
        "Cités des métiers International Network",
        "Réseau international des Cités des métiers",
    ),
    (
        "Universcience",
        "Universcience / Cité des métiers de Paris",
        "Universcience / Cité des métiers de Paris",
    ),
    (
        "LLLP",
        "Lifelong Learning Platform",
        "Plateforme pour l’éducation et la formation tout au long de la vie",
    ),
]
TOPICS = [
    ("project-life", "Project life", "Vie du projet"),
    ("training", "Training", "Formation"),
    ("community", "Community of practitioners", "Communauté de praticiens"),
    ("events", "Events", "Événements"),
]
INDEX_SLUGS = {"fr": "actualites", "it": "notizie", "pt": "noticias", "hr": "novosti"}
ARTICLES = [  # oldest first: slug, French slug, date, partner, topics, tags
    (
        "kick-off-meeting-paris",
        "reunion-de-lancement-paris",
        datetime.date(2019, 9, 24),
        "RICDM",
        ["project-life", "events"],
        ["paris", "kick-off", "erasmus-plus"],
    ),
    (
        "cocade-predecessor-project",
        "cocade-projet-precurseur",
        datetime.date(2019, 10, 1),
        "RICDM",
        ["project-life", "training"],
        ["cocade", "erasmus-plus"],
    ),
    (
        "community-of-practitioners-launched",
        "lancement-communaute-de-praticiens",
        datetime.date(2020, 10, 15),
        "RICDM",
        ["community"],
        ["community-of-practice", "peer-learning"],
    ),
    (
        "pilot-training-cite-des-metiers-paris",
        "formation-pilote-cite-des-metiers-paris",
        datetime.date(2021, 12, 6),
        "Universcience",
        ["training"],
        ["paris", "pilot-training"],
    ),
    (
        "final-multiplier-event-report",
        "compte-rendu-evenement-de-diffusion-final",
        datetime.date(2022, 3, 28),
        "LLLP",
        ["events", "project-life"],
        ["multiplier-event", "online"],
    ),
]


@pytest.fixture(scope="module", autouse=True)
def news_site(module_data):
    """A site open in five languages with an About page (English, French), a
    news index in each language and five articles in English and French, with
    topics, tags, partners and a decorative lead image: built once for this
    module, through Wagtail and wagtail-localize as editors and translators
    do."""
    import wagtail_factories

    home = HomePageFactory.as_site_root()
    about = StandardPageFactory(parent=home, title="About the project", slug="about")
    index = NewsIndexPageFactory(parent=home, intro="What the partnership did.")
    image = wagtail_factories.ImageFactory(title="Illustration – news")
    partners = {}
    for short_name, name, french in PARTNERS:
        partners[short_name] = PartnerFactory(short_name=short_name, name=name)
        localized(partners[short_name], "fr", {name: french})
    topics = {}
    for slug, name, french in TOPICS:
        topics[slug] = TopicFactory(slug=slug, name=name)
        localized(topics[slug], "fr", {name: french})
    for code, slug in INDEX_SLUGS.items():
        localized(home, code)
        localized(index, code, {"news": slug})
    localized(
        about, "fr", {"About the project": "À propos du projet", "about": "a-propos"}
    )
    titles = zip(reversed(EN_TITLES), reversed(FR_TITLES), strict=True)
    for (slug, fr_slug, date, partner, topic_slugs, tags), (title, fr_title) in zip(
        ARTICLES, titles, strict=True
    ):
        article = NewsPage(
            slug=slug,
            title=title,
            date=date,
            intro=f"What happened: {title}.",
            lead_image=image,
            partner=partners[partner],
        )
        article.topics = [topics[topic] for topic in topic_slugs]
        article.tags.add(*tags)
        index.add_child(instance=article)
        article.save_revision().publish()
        localized(
            article,
            "fr",
            {
                title: fr_title,
                slug: fr_slug,
                f"What happened: {title}.": f"Ce qui s’est passé : {fr_title}.",
            },
        )
    return home


@pytest.fixture
def home(news_site):
    return news_site


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def card_titles(html):
    titles = re.findall(
        r'<li class="card news-card"[^>]*>.*?<h3><a href="[^"]+"[^>]*>([^<]+)</a>',
        html,
        re.S,
    )
    return [t.replace("&#x27;", "'").replace("&amp;", "&") for t in titles]


def news_index(code):
    # The first index (a module fixture adds a second English one).
    return (
        NewsIndexPage.objects.filter(locale__language_code=code)
        .order_by("path")
        .first()
    )


def json_ld_of(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    items = []
    for block in blocks:
        data = json.loads(block)
        items.extend(data if isinstance(data, list) else [data])
    return items


def make_article(index, number, **fields):
    fields.setdefault("date", datetime.date(2030, 1, 1))
    page = NewsPage(
        title=fields.pop("title", f"Generated article {number}"),
        slug=f"generated-{number}",
        intro="A generated article.",
        **fields,
    )
    index.add_child(instance=page)
    return page


# --- Structure --------------------------------------------------------------


@pytest.mark.django_db
def test_one_news_index_per_language_under_its_home(home):
    assert NewsIndexPage.parent_page_types == ["home.HomePage"]
    assert NewsIndexPage.subpage_types == ["home.NewsPage"]
    assert NewsPage.parent_page_types == ["home.NewsIndexPage"]
    assert NewsPage.subpage_types == []
    assert NewsIndexPage.max_count_per_parent == 1
    assert not NewsIndexPage.can_create_at(home)  # it has one already
    codes = set(
        NewsIndexPage.objects.live().values_list("locale__language_code", flat=True)
    )
    assert codes == {"en", "fr", "it", "pt", "hr"}


def test_every_news_field_has_help_text():
    from wagtail.models import Page

    from home.models import NewsPageRelatedLink, NewsPageTag

    # Wagtail's own fields (publishing, locking, revisions: Page has them all).
    wagtail_fields = {f.name for f in Page._meta.get_fields()}
    for model in (NewsIndexPage, NewsPage, Topic, NewsPageRelatedLink, NewsPageTag):
        own = [
            f
            for f in model._meta.get_fields()
            if f.concrete
            and not f.auto_created
            and f.model is model
            and f.name not in ("translation_key", "locale", "sort_order")
            and f.name not in wagtail_fields
        ]
        for field in own:
            assert field.help_text, f"{model.__name__}.{field.name}"


# --- Index, filters, pagination ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "titles"), [("en", EN_TITLES), ("fr", FR_TITLES)])
def test_index_lists_its_language_newest_first(client, code, titles):
    html = html_of(client, news_index(code).url)
    assert card_titles(html) == titles


@pytest.mark.django_db
def test_filters_are_plain_links_in_the_visitors_language(client):
    html = html_of(client, news_index("fr").url)
    assert '<a href="?topic=training">Formation</a>' in html
    assert '<a href="?topic=community">Communauté de praticiens</a>' in html
    assert '<a href="?tag=paris">paris</a>' in html
    assert '<a href="?year=2021">2021</a>' in html
    assert "<form" not in html.split('class="news-filters"')[1].split("</nav>")[0]
    # "All" agrees with each group's noun (une année, un thème)
    for label in ("Tous les thèmes", "Tous les mots-clés", "Toutes les années"):
        assert f'<a href="?" aria-current="true">{label}</a>' in html
    html = html_of(client, news_index("fr").url + "?year=2021")
    assert '<a href="?" aria-current="true">Toutes les années</a>' not in html
    assert '<a href="?">Toutes les années</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?topic=project-life", [EN_TITLES[0], EN_TITLES[3], EN_TITLES[4]]),
        ("?topic=project-life&year=2019", [EN_TITLES[3], EN_TITLES[4]]),
        ("?topic=project-life&year=2019&tag=paris", [EN_TITLES[4]]),
        ("?tag=paris", [EN_TITLES[1], EN_TITLES[4]]),
        ("?tag=paris&year=2021", [EN_TITLES[1]]),
        ("?topic=community&year=2019", []),
    ],
)
def test_filters_combine(client, query, expected):
    html = html_of(client, news_index("en").url + query)
    assert card_titles(html) == expected
    if not expected:
        assert "No article matches these filters." in html


@pytest.mark.django_db
def test_filters_offer_only_what_finds_articles(client):
    html = html_of(client, news_index("en").url + "?tag=cocade")
    filters = html.split('class="news-filters"')[1].split("</nav>")[0]
    offered = set(re.findall(r'href="\?([^"]*)"', filters))
    # The COCADE article: 2019, project life and training.
    assert "tag=cocade&amp;year=2019" in offered
    assert "tag=cocade&amp;topic=project-life" in offered
    assert "tag=cocade&amp;topic=training" in offered
    assert not {
        option
        for option in offered
        if "year=202" in option
        or "topic=events" in option
        or "topic=community" in option
    }
    assert "tag=paris" in offered  # other tags: no other filter narrows them
    for href in offered - {""}:
        page = html_of(client, news_index("en").url + "?" + href.replace("&amp;", "&"))
        assert card_titles(page), href
    # Chosen directly, a combination that finds nothing stays chosen.
    html = html_of(client, news_index("en").url + "?topic=community&year=2019")
    assert '<a href="?topic=community&amp;year=2019" aria-current="true">2019</a>' in (
        html
    )


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_filters(client):
    html = html_of(client, news_index("en").url + "?tag=paris&year=2021")
    french = news_index("fr").url
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="{french}?tag=paris&amp;year=2021" lang="fr"' in switcher
    # the alternates name the page itself, without the filters
    assert re.search(
        rf'<link rel="alternate" hreflang="fr" href="[^"?]*{french}">', html
    )
    html = html_of(client, news_index("en").url + "?untranslated=1")
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="{french}" lang="fr"' in switcher


@pytest.mark.django_db
def test_a_filter_link_keeps_the_other_filters(client):
    html = html_of(client, news_index("en").url + "?topic=training&year=2021")
    assert 'href="?topic=training&amp;year=2021&amp;tag=paris"' in html
    assert 'href="?topic=training"' in html  # "All years" keeps the topic
    assert 'href="?year=2021"' in html  # "All topics" keeps the year


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client):
    index = news_index("en")
    training = Topic.objects.get(slug="training", locale__language_code="en")
    for number in range(14):
        page = make_article(index, number, date=datetime.date(2023, 1, 1 + number))
        page.topics.set([training])
        page.save()
    make_article(index, 99, date=datetime.date(2023, 6, 1), title="Other topic 2023")
    url = index.url + "?topic=training&year=2023"
    first = html_of(client, url)
    assert len(card_titles(first)) == 12
    assert "Other topic 2023" not in first
    assert "14 articles" in first
    next_link = re.search(r'<a href="([^"]+)" rel="next">', first).group(1)
    next_link = next_link.replace("&amp;", "&")
    assert "topic=training" in next_link
    assert "year=2023" in next_link
    assert "page=2" in next_link
    second = html_of(client, index.url + next_link)
    assert card_titles(second) == ["Generated article 1", "Generated article 0"]
    previous = re.search(r'<a href="([^"]+)" rel="prev">', second).group(1)
    assert "topic=training" in previous
    assert "year=2023" in previous


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message", "count"),
    [
        ("?year=abc", "There is no news from &quot;abc&quot;", 5),
        ("?year=1999", "There is no news from &quot;1999&quot;", 5),
        ("?year=99999999999999999999", "There is no news from", 5),
        ("?topic=unknown", "There is no topic &quot;unknown&quot;", 5),
        ("?tag=nope", "No article is tagged &quot;nope&quot;", 5),
        ("?page=abc", "That page number is not valid", 5),
        ("?page=9999", "There is no page 9999", 5),
        ("?page=-1", "That page number is not valid; showing page 1", 5),
        ("?page=0", "That page number is not valid; showing page 1", 5),
        ("?topic=training&year=abc", "There is no news from", 2),
    ],
)
def test_bad_filter_values_answer_200_with_a_message(client, query, message, count):
    html = html_of(client, news_index("en").url + query)
    assert message in html
    assert len(card_titles(html)) == count


# --- Feeds --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "titles"), [("en", EN_TITLES), ("fr", FR_TITLES)])
def test_rss_feed_parses_with_only_its_language(client, code, titles):
    index = news_index(code)
    response = client.get(index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == code
    assert channel.findtext("link") == ROOT + index.url
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == titles
    for item in items:
        link = urlparse(item.findtext("link"))
        assert link.scheme == "http"
        assert f"{link.scheme}://{link.netloc}" == ROOT
        assert link.path.startswith(index.url)
        assert client.get(link.path).status_code == 200
        assert item.findtext("pubDate")
        assert item.findtext("description")
    first_categories = [c.text for c in items[0].findall("category")]
    expected = {"en": ["Events", "Project life"], "fr": ["Événements", "Vie du projet"]}
    assert first_categories == expected[code]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "titles"), [("en", EN_TITLES), ("fr", FR_TITLES)])
def test_atom_feed_parses_with_only_its_language(client, code, titles):
    index = news_index(code)
    response = client.get(index.url + "atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == code
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == titles
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(ROOT + index.url)
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}summary")
        assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name")
        assert entry.get(XML_LANG) == code


@pytest.mark.django_db
def test_a_language_without_articles_has_an_empty_valid_feed(client):
    response = client.get(news_index("it").url + "rss/")
    root = ET.fromstring(response.content)
    assert root.find("channel").findtext("language") == "it"
    assert root.find("channel").findall("item") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "code"), [("/en/", "en"), ("/fr/a-propos/", "fr"), ("/it/", "it")]
)
def test_every_page_announces_the_feeds_of_its_language(client, url, code):
    html = html_of(client, url)
    feeds = re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml" href="([^"]+)"',
        html,
    )
    index_url = ROOT + news_index(code).url
    assert feeds == [("rss", index_url + "rss/"), ("atom", index_url + "atom/")]
    for _kind, href in feeds:
        assert client.get(urlparse(href).path).status_code == 200


# --- Article page ---------------------------------------------------------------


@pytest.mark.django_db
def test_article_json_ld_is_a_news_article(client):
    article = NewsPage.objects.get(
        slug="formation-pilote-cite-des-metiers-paris", locale__language_code="fr"
    )
    html = html_of(client, article.url)
    items = json_ld_of(html)
    news = [item for item in items if item.get("@type") == "NewsArticle"]
    assert len(news) == 1
    data = news[0]
    assert data["headline"] == "Formation pilote à la Cité des métiers de Paris"
    assert data["datePublished"] == "2021-12-06"
    assert datetime.datetime.fromisoformat(data["dateModified"])
    assert data["inLanguage"] == "fr"
    assert data["image"][0].startswith(ROOT + "/")
    assert data["author"][0]["@type"] == "Organization"
    assert data["author"][0]["name"].startswith("Universcience")
    assert data["publisher"]["name"] == "Keep In Pact"
    assert data["url"] == ROOT + article.url
    assert any(item.get("@type") == "BreadcrumbList" for item in items)


@pytest.mark.django_db
def test_article_has_open_graph_and_twitter_tags(client):
    article = NewsPage.objects.get(
        slug="kick-off-meeting-paris", locale__language_code="en"
    )
    html = html_of(client, article.url)
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Keep In Pact kicks off in Paris">' in html
    )
    assert f'<meta property="og:url" content="{ROOT}{article.url}">' in html
    assert re.search(
        r'<meta property="og:image" content="' + re.escape(ROOT) + "/", html
    )
    # The lead image is a generated, decorative illustration: no alternative
    # text to announce.
    assert "og:image:alt" not in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="article:published_time" content="2019-09-24">' in html


@pytest.mark.django_db
def test_share_links_load_no_third_party_script(client):
    article = NewsPage.objects.get(
        slug="kick-off-meeting-paris", locale__language_code="en"
    )
    html = html_of(client, article.url)
    share = html.split('class="share"')[1].split("</section>")[0]
    links = re.findall(r'href="([^"]+)"', share)
    assert any(link.startswith("mailto:?") for link in links)
    assert any(link.startswith("https://www.linkedin.com/") for link in links)
    assert any("Mastodon" in share for _ in links)
    encoded = quote(ROOT + article.url, safe="")
    assert all(encoded in link for link in links)
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert all(src.startswith("/static/") for src in scripts)
    assert "<iframe" not in html


@pytest.mark.django_db
def test_article_shows_topics_tags_partner_and_alt_text_in_its_language(client):
    article = NewsPage.objects.get(
        slug="compte-rendu-evenement-de-diffusion-final", locale__language_code="fr"
    )
    html = html_of(client, article.url)
    index_url = news_index("fr").url
    assert f'<a href="{index_url}?topic=events">Événements</a>' in html
    assert f'<a href="{index_url}?tag=multiplier-event">multiplier-event</a>' in html
    assert "Plateforme pour l’éducation et la formation tout au long de la vie" in html
    assert re.search(r'<figure class="news-article__image"><img [^>]*alt=""', html)


@pytest.mark.django_db
def test_up_to_three_related_articles_in_the_same_language(client):
    article = NewsPage.objects.get(
        slug="reunion-de-lancement-paris", locale__language_code="fr"
    )
    html = html_of(client, article.url)
    related = html.split('id="related-title"')[1]
    titles = re.findall(r'<h3><a href="([^"]+)">([^<]+)</a>', related)
    assert 1 <= len(titles) <= 3
    for url, title in titles:
        assert url.startswith("/fr/")
        assert title in FR_TITLES
        assert title != "Lancement de Keep In Pact à Paris"


@pytest.mark.django_db
def test_chosen_related_pages_show_in_the_visitors_language(client):
    from home.models import NewsPageRelatedLink

    en_article = NewsPage.objects.get(
        slug="community-of-practitioners-launched", locale__language_code="en"
    )
    about = (
        HomePage.objects.get(locale__language_code="en")
        .get_children()
        .get(slug="about")
    )
    NewsPageRelatedLink.objects.create(page=en_article, related_page=about)
    fr_article = en_article.get_translation(news_index("fr").locale)
    NewsPageRelatedLink.objects.create(page=fr_article, related_page=about)
    html = html_of(client, fr_article.url)
    related = html.split('id="related-title"')[1]
    assert "À propos du projet" in related
    assert "About the project" not in related


# --- Scheduled publishing ---------------------------------------------------------


@pytest.mark.django_db
def test_a_scheduled_article_is_invisible_until_its_time(client):
    index = news_index("en")
    article = NewsPageFactory(
        parent=index,
        title="Scheduled announcement",
        date=datetime.date(2035, 1, 1),  # would be first in the listing
        go_live_at=timezone.now() + datetime.timedelta(days=1),
    )
    revision = article.get_latest_revision()
    assert not article.live

    def visible():
        cache.clear()
        return {
            "index": "Scheduled announcement" in html_of(client, index.url),
            "rss": b"Scheduled announcement" in client.get(index.url + "rss/").content,
            "atom": b"Scheduled announcement"
            in client.get(index.url + "atom/").content,
            "home": "Scheduled announcement" in html_of(client, "/en/"),
            "page": client.get("/en/news/scheduled-announcement/").status_code == 200,
        }

    assert not any(visible().values()), visible()

    # Its time comes: Wagtail's scheduler (run by cron) publishes it.
    revision.refresh_from_db()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert all(visible().values()), visible()


# --- Home page ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "titles"), [("en", EN_TITLES), ("fr", FR_TITLES)])
def test_home_shows_the_three_latest_articles_of_its_language(client, code, titles):
    html = html_of(client, f"/{code}/")
    section = html.split('class="home-news')[1].split("</section>")[0]
    assert card_titles(section) == titles[:3]
    assert f'href="{news_index(code).url}"' in section
    other = FR_TITLES if code == "en" else EN_TITLES
    assert not any(title in section for title in other)


@pytest.mark.django_db
def test_home_without_articles_shows_the_english_ones_marked_as_english(client):
    html = html_of(client, "/pt/")
    section = html.split('class="home-news')[1].split("</section>")[0]
    assert card_titles(section) == EN_TITLES[:3]
    assert section.count('lang="en"') >= 3
    assert f'href="{news_index("en").url}" hreflang="en"' in section


# --- Admin --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_listing_shows_date_and_topics(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editor-news", "editor@example.com", "pw"
    )
    client.force_login(user)
    response = client.get(reverse("news_articles:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pilot training at the Cité des métiers in Paris" in html
    assert "Events, Project life" in html
    assert "Événements, Vie du projet" in html  # a French article's, in French
    assert ">Date<" in html or "Date\n" in html
    assert ">Topics<" in html or "Topics\n" in html


@pytest.mark.django_db
def test_editor_can_create_an_article_with_topics_and_tags(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editor-news2", "editor2@example.com", "pw"
    )
    client.force_login(user)
    index = news_index("en")
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", index.pk))
    form = client.get(url)
    assert form.status_code == 200
    form_html = form.content.decode()
    assert "Project life" in form_html  # topics of the source language only
    assert "Vie du projet" not in form_html
    topic = Topic.objects.get(slug="training", locale__language_code="en")
    data = {
        "title": "Draft from the admin",
        "slug": "draft-from-the-admin",
        "date": "2024-05-02",
        "intro": "A draft.",
        "lead_image_alt": "",
        "body-count": "0",
        "author_name": "",
        "topics": [str(topic.pk)],
        "tags": "draft, admin",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "3",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = NewsPage.objects.get(slug="draft-from-the-admin")
    assert not draft.live
    assert draft.get_latest_revision() is not None
    revision_page = draft.get_latest_revision_as_object()
    assert [t.slug for t in revision_page.topics.all()] == ["training"]
    assert sorted(revision_page.tags.names()) == ["admin", "draft"]
    # The draft is not shown to visitors.
    assert "Draft from the admin" not in html_of(client, index.url)


# --- Query counts ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_news(django_db_setup, django_db_blocker):
    """A second English news index with 10 articles (topics, tags, a lead
    image) and a function that grows it to 1,000; deleted afterwards."""
    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="en")
        index = home.add_child(
            instance=NewsIndexPage(title="Many news", slug="many-news")
        )
        index.save_revision().publish()
        topics = list(Topic.objects.filter(locale__language_code="en")[:2])
        image = (
            get_image_model()
            .objects.filter(title__startswith="Illustration – ")
            .first()
        )

        def grow(total):
            current = NewsPage.objects.child_of(index).count()
            parent = NewsIndexPage.objects.get(pk=index.pk)
            for number in range(current, total):
                page = NewsPage(
                    title=f"Bulk article {number}",
                    slug=f"bulk-{number}",
                    intro="A generated article.",
                    date=datetime.date(2020 + number % 3, 1 + number % 12, 1),
                    lead_image=image,
                    lead_image_alt="Generated",
                    topics=topics,
                    live=True,
                )
                page.tags.add("bulk", f"bulk-{number % 5}")
                parent.add_child(instance=page)

        grow(10)
        yield index, grow
        NewsIndexPage.objects.get(pk=index.pk).delete()
        cache.clear()


def count_queries(client, url):
    client.get(url)  # renditions are created on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_news_index_queries_flat_from_10_to_1000(client, big_news, django_db_blocker):
    index, grow = big_news
    topic = Topic.objects.filter(locale__language_code="en").first().slug
    urls = [
        index.url,
        index.url + f"?topic={topic}&tag=bulk&year=2021",
        index.url + "?page=2",
    ]
    small = [count_queries(client, url) for url in urls]
    with django_db_blocker.unblock():
        grow(1000)
    assert NewsPage.objects.child_of(index).count() == 1000
    cache.clear()
    large = [count_queries(client, url) for url in urls]
    assert small == large
    assert large[0] <= 10, large  # the listing budget
    html = html_of(client, index.url + "?page=2")
    assert len(card_titles(html)) == 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/en/news/", 10),
        ("/fr/actualites/?topic=training&year=2021", 10),
        ("/fr/actualites/reunion-de-lancement-paris/", 12),
        ("/en/news/rss/", 10),
    ],
)
def test_news_pages_stay_within_the_query_budget(client, url, budget):
    assert count_queries(client, url) <= budget


@pytest.mark.django_db
def test_preview_of_an_unsaved_article_with_related_pages_renders():
    from home.models import NewsPageRelatedLink

    index = news_index("fr")
    about = (
        HomePage.objects.get(locale__language_code="en")
        .get_children()
        .get(slug="about")
    )
    page = NewsPage(
        title="Aperçu",
        slug="apercu",
        intro="Un brouillon.",
        date=datetime.date(2024, 1, 1),
        locale=index.locale,
        path=index.path + "9999",
        depth=index.depth + 1,
        related_links=[NewsPageRelatedLink(related_page=about)],
    )
    page.topics = list(Topic.objects.filter(slug="training"))
    page.tags.add("zebrafinch", "aardvark")  # held in memory, as in a preview
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aperçu" in html
    facts = html.split('class="key-facts"')[1].split("</div>")[0]
    assert '?topic=training">Formation</a>' in facts
    assert facts.index("?tag=aardvark") < facts.index("?tag=zebrafinch")
    related = html.split('id="related-title"')[1]
    assert "À propos du projet" in related  # the chosen page, in French
    assert "Formation pilote à la Cité des métiers de Paris" in related


@pytest.mark.django_db
def test_home_news_section_costs_no_query_on_a_warm_cache(client):
    client.get("/fr/")
    with CaptureQueriesContext(connection) as with_news:
        client.get("/fr/")
    with CaptureQueriesContext(connection) as about:
        client.get("/fr/a-propos/")
    # The home page pays its own sections and partners, not the news.
    news_queries = [
        q["sql"] for q in with_news.captured_queries if "home_newspage" in q["sql"]
    ]
    assert news_queries == []
    assert len(about) <= 12


@pytest.mark.django_db
def test_publishing_an_article_refreshes_the_home_page_at_once(client):
    assert "Fresh news" not in html_of(client, "/en/")  # the cache is warm now
    article = make_article(
        news_index("en"), 500, title="Fresh news", date=datetime.date(2031, 1, 1)
    )
    article.save_revision().publish()
    section = html_of(client, "/en/").split('class="home-news')[1]
    titles = card_titles(section.split("</section>")[0])
    assert titles[0] == "Fresh news"
    assert len(titles) == 3
    article.unpublish()
    assert "Fresh news" not in html_of(client, "/en/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "suffix", ["no-such-article/", "rss/extra/", "atom/x/", "rss/?page=abc"]
)
def test_unknown_news_addresses_answer_404_or_the_feed(client, suffix):
    response = client.get(news_index("en").url + suffix)
    if suffix.startswith("rss/?"):
        assert response.status_code == 200  # a feed ignores the query string
    else:
        assert response.status_code == 404


@pytest.mark.django_db
def test_a_new_topic_lists_its_own_articles_once_published(client):
    index = news_index("en")
    topic = TopicFactory(name="Peer learning")
    tagged = NewsPageFactory(parent=index, title="Peer learning in Zagreb")
    NewsPageFactory(parent=index, title="An article on another subject")

    html = html_of(client, index.url)
    assert "Peer learning in Zagreb" in html
    # No article has the topic yet: it is not offered as a filter.
    assert "?topic=peer-learning" not in html
    assert "Peer learning in Zagreb" not in html_of(
        client, index.url + "?topic=peer-learning"
    )

    tagged.topics = [topic]
    tagged.save_revision().publish()
    html = html_of(client, index.url)
    assert '<a href="?topic=peer-learning">Peer learning</a>' in html
    listed = html_of(client, index.url + "?topic=peer-learning")
    assert "Peer learning in Zagreb" in listed
    assert "An article on another subject" not in listed
