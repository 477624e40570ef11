"""What the home page shows beyond its own fields: an entry point to every
section, the project's key results and its partners' countries. Plain values,
cached until a page is published, so a warm home page costs no query for them."""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from portal import navigation, versioned_cache

# The sections a visitor meets first, in the order of the main menu: the
# guide and its companions, then the events and the directory. News has its
# own row on the home page.
SECTION_TYPES = [
    "guide.GuidePage",
    "guide.CaseStudyIndexPage",
    "guide.CompetenceFrameworkPage",
    "guide.ProjectOutputsPage",
    "events.EventIndexPage",
    "directory.DirectoryPage",
]


def _model(label):
    # Through the app registry: the home page's model imports this module.
    return apps.get_model(label)


def _description(page):
    return getattr(page, "meta_description", "") or ""


def section_cards(request, home_page):
    """One card per section in the home page's language, else the English
    section marked as English; private sections are left out."""

    def build():
        language = home_page.locale.language_code
        cards = []
        for label in SECTION_TYPES:
            pages = (
                _model(label)
                .objects.live()
                .public()
                .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
                .select_related("locale")
                .defer_streamfields()
            )
            by_language = {page.locale.language_code: page for page in pages}
            page = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
            if page is None:
                continue
            lang = page.locale.language_code
            cards.append(
                {
                    "title": page.title,
                    "description": _description(page),
                    "url": page.get_url(request),
                    "lang": lang if lang != language else None,
                    "kind": label.split(".")[1],
                }
            )
        return cards

    return versioned_cache.cached(
        f"home-sections:{navigation.site_key(request)}:{home_page.locale_id}", build
    )


def key_results(request, home_page):
    """The figures the project stands on, counted from the content itself."""

    def build():
        DirectoryEntry = _model("directory.DirectoryEntry")
        CaseStudyPage = _model("guide.CaseStudyPage")
        TrainingModule = _model("guide.TrainingModule")
        Partner = _model("home.Partner")
        default = settings.LANGUAGE_CODE
        partners = Partner.objects.filter(locale__language_code=default)
        return {
            "partners": partners.count(),
            "countries": sorted(set(partners.values_list("country", flat=True))),
            "case_studies": CaseStudyPage.objects.live()
            .public()
            .filter(locale__language_code=default)
            .count(),
            "modules": TrainingModule.objects.filter(
                locale__language_code=default
            ).count(),
            "centres": DirectoryEntry.objects.filter(
                locale__language_code=default
            ).count(),
            "tours": DirectoryEntry.objects.filter(
                locale__language_code=default, has_tour=True
            ).count(),
            "centre_points": list(
                DirectoryEntry.objects.filter(
                    locale__language_code=default,
                    latitude__isnull=False,
                    longitude__isnull=False,
                ).values_list("longitude", "latitude")
            ),
        }

    return versioned_cache.cached(f"home-results:{navigation.site_key(request)}", build)


def about_page(request, home_page):
    """The About page of the home page's language (else English), for the
    hero's second button."""

    def build():
        language = home_page.locale.language_code
        pages = (
            _model("home.StandardPage")
            .objects.live()
            .public()
            .filter(
                depth=home_page.depth + 1,
                locale__language_code__in={language, settings.LANGUAGE_CODE},
                translation_key__in=Page.objects.filter(
                    locale__language_code=settings.LANGUAGE_CODE,
                    slug="about",
                ).values("translation_key"),
            )
            .select_related("locale")
            .defer_streamfields()
        )
        by_language = {page.locale.language_code: page for page in pages}
        page = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        if page is None:
            return None
        lang = page.locale.language_code
        return {
            "title": page.title,
            "url": page.get_url(request),
            "lang": lang if lang != language else None,
        }

    return versioned_cache.cached(
        f"home-about:{navigation.site_key(request)}:{home_page.locale_id}", build
    )
