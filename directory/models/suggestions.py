"""Centres suggested by visitors, waiting for a moderator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .centres import CentrePage
from .directory import DirectoryPage


class CentreSuggestion(models.Model):
    """What a visitor sent through the "suggest or update a centre" form, kept
    apart from the pages: a suggested update never becomes a revision of the
    centre by itself (moderation would then publish a stranger's text over an
    editor's pending work); a moderator applies it on top of the page's latest
    draft. A suggested new centre is a draft page in moderation, linked here.
    Records are deleted once DIRECTORY_SUGGESTION_RETENTION_DAYS have passed
    (directory.tasks.purge_expired_suggestions)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")

    created_at = models.DateTimeField(
        _("sent at"), auto_now_add=True, db_index=True, help_text=_("When.")
    )
    directory = models.ForeignKey(
        DirectoryPage,
        verbose_name=_("directory"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The directory whose form it came from."),
    )
    centre = models.ForeignKey(
        CentrePage,
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The centre to update or, for a new centre, the draft page made for it."
        ),
    )
    is_update = models.BooleanField(
        _("update"), default=False, help_text=_("An update of an existing centre.")
    )
    data = models.JSONField(
        _("suggested values"),
        default=dict,
        blank=True,
        help_text=_("The centre's fields as the visitor sent them."),
    )
    contact_name = models.CharField(
        _("contact name"), max_length=200, blank=True, help_text=_("Who sent it.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("How to reach them about it.")
    )
    message = models.TextField(
        _("message"), blank=True, help_text=_("What they told moderators.")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Whether a moderator has applied or rejected it."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The moderator who applied or rejected it."),
    )
    reviewed_at = models.DateTimeField(
        _("reviewed at"), null=True, blank=True, help_text=_("When they did.")
    )

    class Meta:
        verbose_name = _("centre suggestion")
        verbose_name_plural = _("centre suggestions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.suggested_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def suggested_name(self):
        return self.data.get("name") or (self.centre.title if self.centre else "")

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def has_contact_data(self):
        return bool(self.contact_name or self.contact_email or self.message)
