from django import template
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def document_text_state(document):
    """The state of a document's text for editors: status, label and reason."""
    from search.models import DocumentText

    entry = DocumentText.objects.filter(document=document).first()
    if entry is None:
        return {"status": "none", "label": gettext("Text not read yet"), "reason": ""}
    return {
        "status": entry.status,
        "label": entry.get_status_display(),
        "reason": entry.get_reason_display() if entry.reason else "",
    }
