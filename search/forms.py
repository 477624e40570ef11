"""The document form of the admin, with the document's language: a document
is listed in its language's search results and offered in the others."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect from its text"))] + list(settings.LANGUAGES),
        help_text=_(
            "The language the document is written in. Left to detection, the "
            "text decides, else your own language."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DocumentText

        if self.instance.pk:
            text = DocumentText.objects.filter(document=self.instance).first()
            if text is not None:
                self.fields["language"].initial = text.language

    def save(self, commit=True):
        document = super().save(commit=commit)
        if commit:
            from .models import DocumentText

            text, _created = DocumentText.objects.get_or_create(
                document=document, defaults={"title": document.title}
            )
            language = self.cleaned_data.get("language", "")
            if text.language != language:
                text.language = language
                text.save(update_fields=["language", "updated_at"])
        return document
