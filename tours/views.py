from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

# Wide enough to click a direction to within a degree or two.
PREVIEW = "max-1440x720|format-jpeg|jpegquality-70"


def panorama_preview(request, image_id):
    """A scene's panorama, flat, for the editor's placement preview: for any
    editor who may choose, add or change images."""
    Image = get_image_model()
    image = get_object_or_404(Image, pk=image_id)
    policy = policy_registry.get_by_type(Image)
    if not policy.user_has_any_permission(request.user, ["choose", "add", "change"]):
        raise PermissionDenied
    return redirect(image.get_rendition(PREVIEW).url)
