"""Themes, the competence framework and the training modules: translatable
snippets. Their slugs, numbers and codes are the same in every language, so a
filter link or an anchor works whatever the language."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import ModeratedSnippet, TaxonomyTerm

# A note for editors only: public pages never show it, as a visitor-facing
# "sample" banner makes the whole site read as unfinished.
SAMPLE_HELP = _(
    "Tick while this entry is demonstration content that editors still have to "
    "check against the project's published texts. Shown in the admin only; "
    "visitors see no notice."
)


class Theme(TaxonomyTerm):
    """A theme case studies deal with (e.g. networking between partners)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Competence(ModeratedSnippet):
    """One of the seven competences of the framework for multi-partnership
    cooperation management. A snippet rather than a page: it is a taxonomy that
    case studies and modules choose and visitors filter on; it is translated
    like any snippet and linked through its stable anchor on the framework page
    and through the case-study filter."""

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Its number in the framework (1 to 7).")
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The competence, in a few words.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_(
            "A short identifier for links and filters, the same in every language."
        ),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("What a partnership manager with this competence can do."),
    )
    is_sample = models.BooleanField(
        _("sample content"), default=False, help_text=SAMPLE_HELP
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("is_sample"),
    ]
    override_translatable_fields = [
        SynchronizedField("number", overridable=False),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("is_sample", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def anchor(self):
        return f"competence-{self.slug}"


class TrainingModule(ModeratedSnippet, ClusterableModel):
    """A module of the training programme, hosted on the Moodle platform."""

    code = models.CharField(
        _("code"), max_length=4, help_text=_("The module's letter, e.g. A.")
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The module's title.")
    )
    competence = models.ForeignKey(
        Competence,
        verbose_name=_("competence"),
        on_delete=models.PROTECT,
        related_name="modules",
        help_text=_("The competence of the framework this module develops."),
    )
    learning_outcomes = RichTextField(
        _("learning outcomes"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What learners can do after the module; a list reads best."),
    )
    duration_hours = models.PositiveSmallIntegerField(
        _("duration (hours)"),
        help_text=_("The estimated learning time, in hours."),
    )
    is_sample = models.BooleanField(
        _("sample content"), default=False, help_text=SAMPLE_HELP
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("competence"),
        FieldPanel("learning_outcomes"),
        FieldPanel("duration_hours"),
        FieldPanel("is_sample"),
        InlinePanel(
            "course_links",
            heading=_("Course on the e-learning platform, per language"),
            label=_("Course link"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("code", overridable=False),
        SynchronizedField("duration_hours", overridable=False),
        SynchronizedField("is_sample", overridable=False),
        SynchronizedField("course_links", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code}. {self.title}"

    def course_link(self, language=None):
        """The course in the visitor's language, else in English, else any
        (uses prefetched course links)."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        links = {link.language: link for link in self.course_links.all()}
        return (
            links.get(language)
            or links.get(settings.LANGUAGE_CODE)
            or next(iter(links.values()), None)
        )


class CourseLink(Orderable):
    """The module's course on the Moodle platform in one language."""

    module = ParentalKey(
        TrainingModule,
        related_name="course_links",
        on_delete=models.CASCADE,
        help_text=_("The module this course link belongs to."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        help_text=_("The language the course is taught in."),
    )
    url = models.URLField(
        _("course URL"), help_text=_("The course's address on the e-learning platform.")
    )

    panels = [FieldPanel("language"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("course link")
        verbose_name_plural = _("course links")

    def __str__(self):
        return self.url

    @property
    def language_name(self):
        from directory.models import language_name

        return language_name(self.language)
