from wagtail.snippets.models import register_snippet

from .models import SiteNavigation

register_snippet(SiteNavigation)
