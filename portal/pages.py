"""What every page type of the portal shares."""

from django.utils.functional import cached_property


class PortalPageMixin:
    """Breadcrumbs and structured data for any page of the portal."""

    @cached_property
    def breadcrumbs(self):
        """Ancestors below the language root (the home page), in order."""
        return list(self.get_ancestors().filter(depth__gt=1))

    def get_json_ld(self, request):
        """Structured data for this page, as a list of schema.org dicts."""
        return []
