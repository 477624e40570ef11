"""Case studies: an index per language with combinable filters (country,
theme, competence) and the summary report, and the case-study pages."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import prepared, versioned_cache
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.countries import country_choices, country_name
from portal.forms import TaxonomyChoicesPageForm
from portal.listing import Filters, linked_slugs, linking
from portal.localization import in_language, public_pages
from portal.pages import PortalPageMixin

from .resources import resources_by_id
from .taxonomy import SAMPLE_HELP, Competence, Theme

PAGE_SIZE = 12


def taxonomy(language_code):
    """Themes and competences in one language (default-language fallback), keyed
    by slug: cached until a page is published or a theme/competence changes."""

    def build():
        return {
            "themes": {
                t.slug: t
                for t in in_language(Theme.objects.all(), language_code).values()
            },
            "competences": {
                c.slug: c
                for c in sorted(
                    in_language(Competence.objects.all(), language_code).values(),
                    key=lambda c: c.number,
                )
            },
        }

    return versioned_cache.cached(f"guide-taxonomy:{language_code}", build)


class CaseStudyIndexPage(PortalPageMixin, Page):
    """The case studies of one language, filtered by country, theme and
    competence with plain links that combine, and the summary report."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the case studies are and how they were gathered."),
    )
    summary_report = models.ForeignKey(
        "guide.Resource",
        verbose_name=_("summary report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report that sums up every case study, offered for download."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("summary_report"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guide.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case study index")

    def countries(self):
        def build():
            codes = (
                self.case_studies()
                .order_by()
                .values_list("country", flat=True)
                .distinct()
            )
            return sorted(set(codes))

        return versioned_cache.cached(f"guide-countries:{self.pk}", build)

    def case_studies(self):
        return public_pages(CaseStudyPage.objects.live().child_of(self))

    def filtered(self, chosen):
        """The case studies of the `chosen` filters, for their cards."""
        return (
            self.matching(chosen)
            .defer_streamfields()
            .prefetch_related("themes")
            .order_by("path")
        )

    def available_filters(self, filters):
        """Per filter, the values that find case studies combined with the
        other chosen filters (cached until a publish, per combination)."""

        def build():
            def ids(name):
                return self.matching(filters.others(name)).order_by().values("pk")

            return {
                "country": set(
                    self.matching(filters.others("country"))
                    .order_by()
                    .values_list("country", flat=True)
                ),
                "theme": linked_slugs(CaseStudyPage.themes, ids("theme")),
                "competence": linked_slugs(
                    CaseStudyPage.competences, ids("competence")
                ),
            }

        combination = urlencode(sorted(filters.chosen.items()))
        return versioned_cache.cached(
            f"case-study-facets:{self.pk}:{combination}", build
        )

    def matching(self, chosen):
        """The case studies of the `chosen` filters."""
        case_studies = self.case_studies()
        if "country" in chosen:
            case_studies = case_studies.filter(country=chosen["country"])
        if "theme" in chosen:
            case_studies = case_studies.filter(
                pk__in=linking(CaseStudyPage.themes, chosen["theme"])
            )
        if "competence" in chosen:
            case_studies = case_studies.filter(
                pk__in=linking(CaseStudyPage.competences, chosen["competence"])
            )
        return case_studies

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = taxonomy(get_language())
        countries = self.countries()
        filters = Filters(request)
        filters.choose(
            "country",
            countries,
            gettext(
                "There is no case study for the country “%(value)s”; "
                "showing every country."
            ),
            cut=40,
            clean=str.upper,
        )
        filters.choose(
            "theme",
            terms["themes"],
            gettext('There is no theme "%(value)s"; showing every theme.'),
        )
        filters.choose(
            "competence",
            terms["competences"],
            gettext('There is no competence "%(value)s"; showing every competence.'),
        )
        chosen = filters.chosen
        available = self.available_filters(filters)
        case_studies = self.filtered(chosen)
        paginator, results = filters.paginate(case_studies, PAGE_SIZE)

        for case_study in results:
            case_study.localized_themes = [
                terms["themes"][theme.slug]
                for theme in case_study.themes.all()
                if theme.slug in terms["themes"]
            ]

        context.update(
            {
                "case_studies": results,
                "paginator": paginator,
                "messages_list": filters.messages,
                "chosen": chosen,
                "filters": Filters.shown(
                    filters.group(
                        "country",
                        gettext("Country"),
                        [(code, country_name(code)) for code in countries],
                        gettext("All countries"),
                        available["country"],
                    ),
                    filters.group(
                        "theme",
                        gettext("Theme"),
                        [(slug, t.name) for slug, t in terms["themes"].items()],
                        gettext("All themes"),
                        available["theme"],
                    ),
                    filters.group(
                        "competence",
                        gettext("Competence"),
                        [(slug, str(c)) for slug, c in terms["competences"].items()],
                        gettext("All competences"),
                        available["competence"],
                    ),
                ),
                "filter_query": filters.query(),
                "summary_report": resources_by_id([self.summary_report_id]).get(
                    self.summary_report_id
                ),
            }
        )
        return context


class CaseStudyPageForm(TaxonomyChoicesPageForm):
    """Themes, competences and partners are chosen once, on the source page
    (they are synchronised to its translations, and shown in the visitor's
    language), so offer those of the default language, each once."""

    taxonomy_fields = ("themes", "competences", "partners")


class CaseStudyPage(PortalPageMixin, Page):
    """A case study of multi-stakeholder partnership: where, who, on which
    themes, which competences it illustrates and what it teaches."""

    base_form_class = CaseStudyPageForm

    summary = models.TextField(
        _("summary"), help_text=_("The case in two or three sentences, for listings.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=country_choices,
        help_text=_("Where the partnership took place."),
    )
    partners = ParentalManyToManyField(
        "home.Partner",
        verbose_name=_("project partners involved"),
        blank=True,
        related_name="+",
        help_text=_("Keep In Pact partners involved in the case."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="case_studies",
        help_text=_("What the case deals with; visitors filter case studies on them."),
    )
    competences = ParentalManyToManyField(
        Competence,
        verbose_name=_("competences illustrated"),
        blank=True,
        related_name="case_studies",
        help_text=_("The competences of the framework this case illustrates."),
    )
    key_lessons = RichTextField(
        _("key lessons"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What others can learn from the case; a list reads best."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The full case: context, actions, results."),
    )
    resource = models.ForeignKey(
        "guide.Resource",
        verbose_name=_("publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The case study as a document to download, if there is one."),
    )
    is_sample = models.BooleanField(
        _("sample content"), default=False, help_text=SAMPLE_HELP
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                InlinePanel(
                    "centres", label=_("Centre"), heading=_("Centres involved")
                ),
            ],
            heading=_("Where and who"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("key_lessons"),
        FieldPanel("body"),
        FieldPanel("resource"),
        FieldPanel("is_sample"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("key_lessons"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]
    override_translatable_fields = [
        SynchronizedField("country", overridable=False),
        SynchronizedField("partners", overridable=False),
        SynchronizedField("themes", overridable=False),
        SynchronizedField("competences", overridable=False),
        SynchronizedField("is_sample", overridable=False),
    ]

    parent_page_types = ["guide.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def country_label(self):
        return country_name(self.country)

    def get_context(self, request, *args, **kwargs):
        from home.models import Partner

        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        terms = taxonomy(language)
        chosen = self._chosen_terms()
        context["themes"] = [
            t for s, t in terms["themes"].items() if (s, "theme") in chosen
        ]
        context["competences"] = [
            c for s, c in terms["competences"].items() if (s, "competence") in chosen
        ]
        # From the cached partners in this language (published ones only).
        partners = (
            Partner.in_language(int(pk), language)
            for pk, kind in chosen
            if kind == "partner"
        )
        context["partners"] = sorted(
            (partner for partner in partners if partner is not None),
            key=lambda partner: (partner.role, partner.name),
        )
        context["centres"] = self._centres(language)
        context["resource"] = resources_by_id([self.resource_id]).get(self.resource_id)
        url = self.get_url(request) or ""
        context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]  # the parent
        context["page_json_ld"] = self.get_json_ld(request)
        return context

    def _centres(self, language):
        """The centres involved, each {"title", "url"} in `language` (or the
        default language where not translated), in the editor's order: read
        from the directory's index, which holds a row for each live centre
        every visitor may see (one narrow query, not the centre pages)."""
        codes = (language, settings.LANGUAGE_CODE)
        if self._in_memory():  # a draft or a preview
            keys = [
                link.centre.translation_key
                for link in self.centres.all()
                if link.centre_id
            ]
            position = {key: index for index, key in enumerate(keys)}
            rows = [
                (key, code, title, url, position[key])
                for key, code, title, url in _entries(codes)
                .filter(page__translation_key__in=keys)
                .values_list(*ENTRY_FIELDS)
            ]
        else:
            rows = prepared.rows("case-study.centres", _centre_rows, self.pk, *codes)
        chosen = {}
        for key, code, title, url, order in rows:
            if key not in chosen or code == language:
                chosen[key] = (order or 0, title, url)
        return [
            {"title": title, "url": url}
            for _order, title, url in sorted(chosen.values())
        ]

    def _in_memory(self):
        return self.relations_in_memory("themes", "competences", "partners", "centres")

    def _chosen_terms(self):
        """(slug, "theme"|"competence") of the page's themes and competences,
        and (id, "partner") of its partners: one query on a stored page, none
        on a draft."""
        if self._in_memory():
            return (
                {(t.slug, "theme") for t in self.themes.all()}
                | {(c.slug, "competence") for c in self.competences.all()}
                | {(str(p.pk), "partner") for p in self.partners.all()}
            )
        return set(prepared.rows("case-study.terms", _terms_of, self.pk))

    def get_json_ld(self, request):
        return [
            {
                "@context": "https://schema.org",
                "@type": "Article",
                "headline": self.title,
                "description": self.summary,
                "url": self.get_full_url(request),
                "inLanguage": get_language(),
                "contentLocation": {"@type": "Country", "name": self.country_label},
            }
        ]


def _terms_of(page_id):
    partners = CaseStudyPage.partners.through.objects.filter(casestudypage=page_id)
    return (
        Theme.objects.filter(case_studies=page_id)
        .order_by()
        .values_list("slug", Value("theme"))
        .union(
            Competence.objects.filter(case_studies=page_id)
            .order_by()
            .values_list("slug", Value("competence")),
            partners.order_by().values_list(
                Cast("partner_id", models.CharField()), Value("partner")
            ),
            all=True,
        )
    )


ENTRY_FIELDS = ("page__translation_key", "locale__language_code", "title", "url")


def _entries(codes):
    from directory.models import DirectoryEntry

    return DirectoryEntry.objects.filter(locale__language_code__in=codes).order_by()


def _centre_rows(page_id, language, default):
    """The directory's rows of the centres a stored case study links to (in
    any language), with the editor's position of each."""
    links = CaseStudyCentre.objects.filter(page=page_id).order_by()
    return (
        _entries((language, default))
        .filter(page__translation_key__in=links.values("centre__translation_key"))
        .annotate(
            position=Subquery(
                links.filter(
                    centre__translation_key=OuterRef("page__translation_key")
                ).values("sort_order")[:1]
            )
        )
        .values_list(*ENTRY_FIELDS, "position")
    )


class CaseStudyCentre(Orderable):
    """A centre of the directory involved in a case study."""

    page = ParentalKey(
        CaseStudyPage,
        related_name="centres",
        on_delete=models.CASCADE,
        help_text=_("The case study the centre took part in."),
    )
    centre = models.ForeignKey(
        "directory.CentrePage",
        verbose_name=_("centre"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A centre from the directory (its page in any language)."),
    )

    panels = [FieldPanel("centre")]

    class Meta(Orderable.Meta):
        verbose_name = _("centre involved")
        verbose_name_plural = _("centres involved")
