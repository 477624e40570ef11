from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import dashboard


class TranslationSummaryPanel(Component):
    """Admin home panel: per language, how many pages are live, in progress,
    out of date or missing."""

    name = "translation_summary"
    order = 150
    template_name = "portal_translations/summary_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "summary": dashboard.language_summary(),
            "dashboard_url": reverse("portal_translations:dashboard"),
        }
