from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "country", "role"]
    list_filter = ["role"]
    search_fields = ["name", "short_name"]


register_snippet(PartnerViewSet)
