"""URL patterns of the directory app, served under the language prefix (/<lang>/...)."""

urlpatterns = []
