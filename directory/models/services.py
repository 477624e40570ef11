"""The services centres offer (a translatable taxonomy snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from portal import versioned_cache
from portal.localization import in_language
from portal.models import ModeratedSnippet


class Service(ModeratedSnippet):
    """A service a centre offers (information, guidance and counselling...).
    Translatable: visitors filter on it in their own language; its slug is the
    same in every language, so a filter link works across languages."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The service as visitors read it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "A short identifier used in filter links, the same in every language "
            "(e.g. guidance)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"),
        default=100,
        help_text=_("Services are listed by this number, then by name."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale):
        """Every service in `locale`, falling back to the default language for a
        service not yet translated, keyed by slug in sort order. Kept in the
        process until the next change of state (saving or deleting a service
        is one, directory.index)."""
        code = locale.language_code

        def build():
            services = in_language(cls.objects.all(), code).values()
            return {
                service.slug: service
                for service in sorted(services, key=lambda s: (s.sort_order, s.name))
            }

        return versioned_cache.in_process(f"services:{code}", build)
