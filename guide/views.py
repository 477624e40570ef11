"""The counting download view: one atomic increment per request, then a
redirect to Wagtail's document serve view (which applies collection privacy)."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import DownloadCount, ResourceFile


@never_cache
@require_GET
def download_resource(request, key, language):
    """Count a download of the publication `key` in `language` and send the
    visitor to the file. Nothing about the visitor is read or stored: no
    address, no browser, no cookie, no session."""
    resource_file = (
        ResourceFile.objects.filter(resource__translation_key=key, language=language)
        .select_related("document")
        .order_by("resource__locale_id", "sort_order")
        .first()
    )
    if resource_file is None:
        raise Http404
    DownloadCount.increment(key, language)
    response = redirect(resource_file.document.url)
    response["X-Robots-Tag"] = "noindex"
    return response
