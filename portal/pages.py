"""What every page type of the portal shares."""

from django.utils.functional import cached_property
from modelcluster.queryset import FakeQuerySet
from wagtail.models import PageViewRestriction

from portal import navigation


class PortalPageMixin:
    """Breadcrumbs and structured data for any page of the portal."""

    @cached_property
    def breadcrumbs(self):
        """Ancestors from the language home down, in order, as dicts with title,
        url and full_url (cached with the page chrome, see portal.navigation)."""
        return navigation.page_data(None, self)["breadcrumbs"]

    def get_view_restrictions(self):
        """Wagtail's check costs two queries per page view; skip them when no
        ancestor (nor the page) carries a restriction or is an alias."""
        steplen = self.steplen
        lineage = {
            self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)
        }
        if self.alias_of_id or lineage & navigation.restricted_paths():
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_json_ld(self, request):
        """Structured data for this page, as a list of schema.org dicts."""
        return []

    def relations_in_memory(self, *names):
        """Whether any of these child or many-to-many relations is held in
        memory: a draft rebuilt from a revision, or a preview of the form. Its
        values cannot be queried then (they are not the database rows), only
        iterated."""
        return not self.pk or any(
            isinstance(getattr(self, name).all(), FakeQuerySet) for name in names
        )
