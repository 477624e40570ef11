from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from . import views


@hooks.register("centre_has_tour")
def centre_has_tour(centre):
    from .models import VirtualTourPage

    return VirtualTourPage.objects.child_of(centre).live().public().exists()


@hooks.register("centre_page_context")
def centre_page_context(centre, request, context):
    from .viewer import centre_tour

    context["own_tour"] = centre_tour(centre)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "tours/panorama/<int:image_id>/",
            views.panorama_preview,
            name="tours_panorama_preview",
        )
    ]


@hooks.register("insert_editor_js")
def editor_js():
    # Placing arrows and points by clicking a scene's panorama (any editor
    # with a tour's scenes on the page; nothing happens elsewhere).
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer data-preview-url="{}" '
        'data-help="{}" data-placing="{}" data-first="{}" data-arrow="{}" data-point="{}" '
        'data-alt="{}"></script>',
        static("css/tour-editor.css"),
        static("js/tour-editor.js"),
        reverse("tours_panorama_preview", args=[0]),
        _(
            "Click a field of an arrow or information point, then click the panorama "
            "where it should be."
        ),
        _("Click the panorama to place:"),
        _("First click a field of the arrow or point to place."),
        _("arrow"),
        _("information point"),
        _(
            "The panorama of this scene, flat: click to place the selected arrow or point"
        ),
    )
