"""URL patterns of the search app, served under the language prefix (/<lang>/...)."""

urlpatterns = []
