"""Site-wide settings and the per-language navigation shared by every page."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField


class ModeratedSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    models.Model,
):
    """A snippet visitors see (partner, speaker, topic, service, menus...): an
    editor's or translator's change is a draft revision that goes through the
    moderation workflow; the database row, which the public site reads, only
    changes when a moderator publishes. A snippet never published is not
    shown (`live=False`)."""

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "portal/snippet_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["type_label"] = self._meta.verbose_name
        context["fields"] = [
            (
                field.verbose_name,
                self._get_FIELD_display(field)
                if field.choices
                else getattr(self, field.name),
            )
            for field in self._meta.get_fields()
            if getattr(field, "concrete", False)
            and not field.auto_created
            and field.get_internal_type() in ("CharField", "TextField", "URLField")
            and field.name not in ("translation_key", "slug")
            and getattr(self, field.name)
        ]
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Shown in the footer and on the contact and privacy pages."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Full address of the LinkedIn page.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Full address of the Facebook page.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Full address of the YouTube channel.")
    )
    mastodon_url = models.URLField(
        _("Mastodon"), blank=True, help_text=_("Full address of the Mastodon account.")
    )

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("mastodon_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("LinkedIn", self.linkedin_url),
                ("Facebook", self.facebook_url),
                ("YouTube", self.youtube_url),
                ("Mastodon", self.mastodon_url),
            )
            if url
        ]


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("External URL"),
        required=False,
        help_text=_("Used when no page is chosen."),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        template = "portal/blocks/link_block.html"
        description = _("A menu link to a page of the site or another address.")
        preview_value = {"label": "About", "url": "https://example.org/"}


class TaxonomyTerm(ModeratedSnippet):
    """A term visitors filter by (a news topic, a case-study theme): its name
    in each language, and a slug that is the same in every language so that a
    filter link works across languages."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The name as visitors read it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "A short identifier used in filter links, the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class SiteNavigation(ModeratedSnippet):
    """The header menu and the footer of one language, with the EU funding notice."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("For editors only, e.g. 'Main navigation'."),
    )
    primary_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("header menu"),
        help_text=_(
            "The links of the main menu, in order. The footer repeats them, "
            "without the pages its project column lists."
        ),
    )
    project_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer: the project"),
        help_text=_("About, partners, contact: the footer's first column."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer: legal"),
        help_text=_(
            "Privacy, legal notice, accessibility statement and similar pages."
        ),
    )
    funding_statement = models.CharField(
        _("funding statement"),
        max_length=120,
        default="Co-funded by the European Union",
        help_text=_("Shown beside the EU emblem, in this language."),
    )
    disclaimer = models.TextField(
        _("Erasmus+ disclaimer"),
        help_text=_("The European Commission's disclaimer, in this language."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("primary_links"),
        FieldPanel("project_links"),
        FieldPanel("footer_links"),
        FieldPanel("funding_statement"),
        FieldPanel("disclaimer"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site navigation")
        verbose_name_plural = _("site navigation")

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "portal/site_navigation_preview.html"

    @classmethod
    def for_active_locale(cls):
        """The navigation in the active language, else in the default one."""
        active = Locale.get_active()
        items = {
            item.locale_id: item
            for item in cls.objects.filter(live=True).select_related("locale")
        }
        if active.pk in items:
            return items[active.pk]
        default = next(
            (
                i
                for i in items.values()
                if i.locale.language_code == settings.LANGUAGE_CODE
            ),
            None,
        )
        return default
