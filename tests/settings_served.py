"""Production settings for the servers and shells a test starts in other
processes (tests/test_privacy_processes.py): everything as in production,
chosen from the environment (a database, a shared file cache, the page cache
on), except static files, served from the apps without `collectstatic`."""

from portal.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
