from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import SiteNavigation

register_snippet(SiteNavigation)


@hooks.register("register_admin_urls")
def register_jobs_urls():
    from . import jobs

    return jobs.admin_urls()


@hooks.register("register_reports_menu_item")
def register_jobs_menu_item():
    from . import jobs

    return jobs.menu_item()
