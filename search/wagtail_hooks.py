from wagtail import hooks


@hooks.register("register_admin_urls")
def register_zero_results_urls():
    from . import report

    return report.admin_urls()


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    from . import report

    return report.menu_item()
