"""URL patterns of the guide app, served under the language prefix (/<lang>/...)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "download/resource/<uuid:key>/<slug:language>/",
        views.download_resource,
        name="guide_resource_download",
    ),
]
