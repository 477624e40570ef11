"""URL patterns of the guide app, served under the language prefix (/<lang>/...)."""

urlpatterns = []
