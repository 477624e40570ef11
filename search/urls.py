"""URL patterns of the search app, served under the language prefix (/<lang>/...)."""

from django.urls import path

from . import views

urlpatterns = [path("search/", views.search, name="search")]
