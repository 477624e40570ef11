"""Settings for the pytest suite and CI (the same module in both)."""

from .base import *

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/keepinpact-test-media"))  # noqa: S108
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# The suite's SQLite database lives in memory, shared by the browser tests'
# server thread: no journal to choose, and its own locking.
DATABASES["default"].get("OPTIONS", {}).clear()
# Tasks run at once, in the test's transaction; tests of the queue itself
# switch to the database backend (tests/test_document_text.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
