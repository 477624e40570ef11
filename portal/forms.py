"""Admin forms shared by the page types."""

from django.conf import settings
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm


class TaxonomyChoicesPageForm(WagtailAdminPageForm):
    """Limits the choices of translatable snippets (topics, themes, services...)
    to one language, plus whatever the page already has.

    `taxonomy_fields` names the many-to-many fields to limit. With
    `taxonomy_locale = "source"` the default language's snippets are offered
    (the field is synchronised to translations, so it is chosen once on the
    source); with `"page"`, those of the page's own language.

    The instance may be a draft rebuilt from a revision: its relations are then
    in-memory lists (modelcluster), not querysets, so the chosen ids are read
    from the objects and never through a query on the relation.
    """

    taxonomy_fields = ()
    taxonomy_locale = "source"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.taxonomy_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            if self.taxonomy_locale == "page":
                locale_id = getattr(self.instance, "locale_id", None)
                if locale_id is None:
                    continue
                language = models.Q(locale_id=locale_id)
            else:
                language = models.Q(locale__language_code=settings.LANGUAGE_CODE)
            chosen = (
                [obj.pk for obj in getattr(self.instance, name).all()]
                if self.instance.pk
                else []
            )
            field.queryset = field.queryset.model.objects.filter(
                language | models.Q(pk__in=chosen)
            )
