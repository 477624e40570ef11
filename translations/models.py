"""What the translations app stores of its own. (It also needs a models module
so that post_migrate reaches it: translations.signal_handlers re-applies the
roles after every migrate.)"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncompleteTranslation(models.Model):
    """A translated page published while some of its strings were still
    untranslated (a moderator's explicit choice): those parts show the source
    text, and the page tells its visitors so."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        help_text=_("The translated page."),
    )
    missing = models.PositiveIntegerField(
        help_text=_("How many strings were untranslated when it was published."),
    )

    class Meta:
        verbose_name = _("incomplete translation")

    def __str__(self):
        return f"{self.page_id}: {self.missing} strings missing"
