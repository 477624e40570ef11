import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from portal.cache import PageCacheApplication  # noqa: E402 (settings first)

# Anonymous page-cache hits are answered before Django's request handling.
application = PageCacheApplication(get_wsgi_application())
