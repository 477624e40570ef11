"""A sitemap of every live page in every language, each URL with its alternates.

Wagtail's own sitemap covers the default locale's tree only."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in object_list}
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations[translation.translation_key].append(translation)
        urls = []
        for item in object_list:
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
                for other in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates
                urls.append(url_info)
        return urls
