"""Demo content of the home app: home page, About, Partners, statements, the
partner organisations and the navigation; English source, French through
wagtail-localize, and the home page and About in Italian, Portuguese, Croatian.
The texts are in data/home.yaml; this module makes pages and snippets of them."""

import datetime

from demo.loader import ensure_page_root, read_data, stream, string_pairs
from home.models import HomePage, Partner, StandardPage
from portal.models import PortalSettings, SiteNavigation

from . import news as demo_news

ORDER = 10

_DATA = read_data("home.yaml")
HOME = _DATA["home"]
ABOUT = _DATA["about"]
PARTNERS_PAGE = _DATA["partners_page"]
STATEMENTS = _DATA["statements"]
PARTNERS = _DATA["partners"]
CONTACT = _DATA["contact"]
NAVIGATION = _DATA["navigation"]


EXTRA_LANGUAGES = ["it", "pt", "hr"]


def _page_fields(data):
    return {key: value for key, value in data.items() if key not in ("slug", "body")}


def load(demo):
    en_home = ensure_page_root(demo, HomePage, **HOME["en"])

    about = demo.page(
        en_home,
        StandardPage,
        ABOUT["en"]["slug"],
        **_page_fields(ABOUT["en"]),
        body=stream(*ABOUT["en"]["body"]),
    )
    partners_page = demo.page(
        en_home,
        StandardPage,
        PARTNERS_PAGE["en"]["slug"],
        **_page_fields(PARTNERS_PAGE["en"]),
        list_partners=True,
    )
    statements = [
        demo.page(
            en_home,
            StandardPage,
            data["slug"],
            **_page_fields(data),
            body=stream(*data["body"]),
            review_date=datetime.date(2026, 11, 1)
            if data["slug"] == "accessibility"
            else None,
        )
        for data in STATEMENTS["en"]
    ]

    for data in PARTNERS:
        fields = {k: v for k, v in data.items() if k != "fr"}
        partner = Partner.objects.filter(
            locale=demo.locale("en"), short_name=data["short_name"]
        ).first()
        if partner is None:
            partner = Partner.objects.create(locale=demo.locale("en"), **fields)
            demo.created += 1
        if partner.logo_id is None:
            partner.logo = demo.word_mark(data["name"], data["short_name"])
            partner.save()
        demo.translate(
            partner,
            "fr",
            {
                data["name"]: data["fr"]["name"],
                data["description"]: data["fr"]["description"],
            },
        )

    contact = demo.page(
        en_home,
        StandardPage,
        CONTACT["en"]["slug"],
        **_page_fields(CONTACT["en"]),
        body=stream(*CONTACT["en"]["body"]),
    )

    settings = PortalSettings.for_site(demo.site)
    if not settings.contact_email:
        settings.contact_email = "contact@keepinpact.eu"
        settings.save()

    # French: everything. Italian, Portuguese, Croatian: home page, About, and the
    # navigation (once every section exists: finish() below).
    for code in ["fr", *EXTRA_LANGUAGES]:
        demo.translate(en_home, code, string_pairs(HOME["en"], HOME[code]))
        demo.translate(about, code, string_pairs(ABOUT["en"], ABOUT[code]))
    demo.translate(contact, "fr", string_pairs(CONTACT["en"], CONTACT["fr"]))
    demo.translate(
        partners_page, "fr", string_pairs(PARTNERS_PAGE["en"], PARTNERS_PAGE["fr"])
    )
    for page, en_data, fr_data in zip(
        statements, STATEMENTS["en"], STATEMENTS["fr"], strict=True
    ):
        demo.translate(page, "fr", string_pairs(en_data, fr_data))

    # News: the index (en, fr, it, pt, hr), topics and articles (en, fr).
    demo_news.load(demo, en_home)


def _section(en_home, model):
    """The live English page of this type under the home page, or None (an app
    whose demo did not run)."""
    return model.objects.child_of(en_home).live().first()


def finish(demo):
    """The navigation, created once every app has loaded its sections, so that
    a fresh load links them all (an existing navigation is left as editors made
    it)."""
    from directory.models import DirectoryPage
    from events.models import EventIndexPage
    from guide.models import (
        CaseStudyIndexPage,
        CompetenceFrameworkPage,
        GuidePage,
        ProjectOutputsPage,
    )
    from home.models import NewsIndexPage

    en_home = demo.home("en")
    if en_home is None:
        return
    labels = NAVIGATION["en"]
    navigation = SiteNavigation.objects.filter(locale=demo.locale("en")).first()
    if navigation is None:
        pages = {
            page.slug: page
            for page in en_home.get_children().filter(
                slug__in=[
                    "about",
                    "partners",
                    "contact",
                    "accessibility",
                    "privacy",
                    "legal-notice",
                ]
            )
        }
        sections = [
            ("news", _section(en_home, NewsIndexPage)),
            ("events", _section(en_home, EventIndexPage)),
            ("guide", _section(en_home, GuidePage)),
            ("case_studies", _section(en_home, CaseStudyIndexPage)),
            ("competences", _section(en_home, CompetenceFrameworkPage)),
            ("outputs", _section(en_home, ProjectOutputsPage)),
            ("directory", _section(en_home, DirectoryPage)),
            ("about_partners", pages.get("about")),
            ("contact", pages.get("contact")),
        ]

        def links(*items):
            return [
                {
                    "type": "link",
                    "value": {"label": labels[key], "page": page.pk, "url": ""},
                }
                for key, page in items
                if page is not None
            ]

        navigation = SiteNavigation.objects.create(
            locale=demo.locale("en"),
            name=labels["name"],
            funding_statement=labels["funding_statement"],
            disclaimer=labels["disclaimer"],
            primary_links=links(*sections),
            project_links=links(
                ("about", pages.get("about")),
                ("partners", pages.get("partners")),
                ("contact", pages.get("contact")),
            ),
            footer_links=links(
                ("accessibility", pages.get("accessibility")),
                ("privacy", pages.get("privacy")),
                ("legal", pages.get("legal-notice")),
            ),
        )
        demo.created += 1
    for code in ["fr", *EXTRA_LANGUAGES]:
        demo.translate(
            navigation, code, string_pairs(NAVIGATION["en"], NAVIGATION[code])
        )
