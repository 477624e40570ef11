import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage


@pytest.mark.django_db
class TestPageTypes(WagtailPageTestCase):
    def test_home_page_lives_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    @pytest.mark.usefixtures("demo_site")
    def test_demo_pages_render(self):
        for page in StandardPage.objects.live():
            self.assertPageIsRenderable(page)
