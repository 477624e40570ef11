"""URL patterns of the events app, served under the language prefix (/<lang>/...)."""

urlpatterns = []
