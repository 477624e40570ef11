"""URL patterns of the home app, served under the language prefix (/<lang>/...)."""

urlpatterns = []
