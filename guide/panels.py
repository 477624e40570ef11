"""An edit-form panel that shows editors how often each file was downloaded."""

from django.conf import settings
from wagtail.admin.panels import Panel


class DownloadCountsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "guide/admin/download_counts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            counts = self.instance.download_counts() if self.instance.pk else {}
            names = dict(settings.LANGUAGES)
            context["counts"] = [
                {"language": names.get(code, code), "downloads": downloads}
                for code, downloads in sorted(counts.items())
            ]
            context["total"] = sum(counts.values())
            return context
