"""The admin's page API as the translation editor uses it: the editor shows the
title of each page a translated field links to (a menu link, a related
article) by asking this API. Translators may only explore their own
language's tree, so for a link to an English page the API answered 404 and
the editor kept saying "Fetching page information..." for ever. Published
public pages are public anyway: everyone in the admin may read those."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page


class TranslationAwarePagesAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        explorable = super().get_base_queryset()
        public = Page.objects.live().public()
        return Page.objects.filter(
            pk__in=explorable.values("pk")
        ) | Page.objects.filter(pk__in=public.values("pk"))
