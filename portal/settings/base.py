"""Settings shared by every environment. Secure by default: DEBUG is off and every
secret comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "events",
    "guide",
    "directory",
    "tours",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Wagtail's, without the routes of an API v3 the site does not serve
    # (portal/wagtail_apps.py: 22 MB less in every process).
    "portal.wagtail_apps.RedirectsConfig",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "portal.wagtail_apps.SnippetsConfig",
    "portal.wagtail_apps.DocumentsConfig",
    "portal.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    # Both connect to apps above once they are loaded: the page cache's
    # signals; translations' guard on wagtail-localize.
    "portal.cache.PageCacheConfig",
    "translations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An anonymous page hit (portal.cache) is answered here, before the rest.
    "portal.cache.PageCacheMiddleware",
    "portal.security.CSPMiddleware",  # django-csp's, previews framed by the admin
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.language.LocaleMiddleware",  # no language prefix for the API (404s)
    "django.middleware.common.CommonMiddleware",
    "portal.security.PasswordFormRateLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Documents that nginx sends (X-Accel-Redirect) lose the file's length.
    "portal.sendfile.XAccelRedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # must be last
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # Rich text is sanitised on output (portal.security.safe_rich_text,
            # used by templates/wagtailcore/shared/richtext.html).
            "builtins": ["portal.security"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes share the file (app servers, the task worker, a shell):
    # WAL lets reads go on during a write, IMMEDIATE transactions wait their
    # turn (up to `timeout` seconds) instead of failing at once with "database
    # is locked" when two of them read and then write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source. Add a language by adding one line here; its
# Locale row is created on the next `migrate` (portal.apps) and its catalogue lives
# in locale/<code>/LC_MESSAGES/django.po.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("hr", "Hrvatski"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language, the locale's (portal/formats where Django's own
# does not fit): templates write dates with `date:"DATE_FORMAT"`.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Keep In Pact"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, handed words only (search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Documents carry their language (search.forms): the site search lists them
# under it.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "search.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "pptx",
    "docx",
    "xlsx",
    "odt",
    "odp",
    "ods",
    "csv",
    "zip",
    # Recordings of virtual-tour information points.
    "mp3",
    "m4a",
    "ogg",
    "oga",
    "wav",
    "mp4",
    "webm",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar from a third party in the admin (Gravatar would learn who edits).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# wagtail-localize: translations made from the admin start as drafts that go
# through moderation, whatever the state of the source page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# No cookie is set on public pages: sessions and CSRF cookies only appear in the
# admin and on forms that need them.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Admin (and any front-end) login: 5 wrong passwords per username and address
# lock that pair for an hour (429 with a clear message).
AUTHENTICATION_BACKENDS = [
    "portal.security.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "portal.security.axes_username"  # cut to axes' column
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("PORTAL_TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = PORTAL_TRUSTED_PROXY_COUNT or None
# Private-page password form: 10 wrong passwords per address per 15 minutes.
PORTAL_PASSWORD_FORM_LIMIT = 10
PORTAL_PASSWORD_FORM_WINDOW = 15 * 60

# Content-Security-Policy on public pages (the admin has its own inline code).
# Hosts of 360° tours that centres publish elsewhere, which their pages may
# embed (click-to-load): the frame-src of the Content-Security-Policy. Tours
# made in the portal need none of them.
VIRTUAL_TOUR_EMBED_ORIGINS = env_list(
    "VIRTUAL_TOUR_EMBED_ORIGINS", "https://my.matterport.com,https://kuula.co"
)
VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Scripts only from our origin or carrying the per-response nonce
# ({{ request.csp_nonce }}); map tiles and media may come from https hosts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # blob: the tour viewer decodes panoramas from this site into blob URLs.
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, "https:"],
        "frame-src": [*VIDEO_EMBED_ORIGINS, *VIRTUAL_TOUR_EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Page cache for anonymous visitors (portal/cache.py): off unless a number of
# seconds is given (production turns it on); the browser may keep pages a minute.
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PORTAL_PAGE_CACHE_TIMEOUT", "0"))
PORTAL_PAGE_BROWSER_MAX_AGE = 60
# Corrupt or truncated image uploads get a form error, never a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.security.SafeImageForm"

# Machine translation only when configured from the environment; with none the
# "Machine translate" button is not shown.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
# Work that must not hold a request (a document's text extraction, bulk
# translation of a section) runs as tasks of Wagtail's task framework on the
# "background" backend: queued in the database and run by `manage.py db_worker
# --backend background` (`make run` starts one; production runs it as a service
# next to the app servers). Wagtail's own small tasks (search index and
# reference index of one object) stay immediate, so a publish reaches the site
# search on the next request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Bulk translation of a section (wagtail-localize's "include subtree") runs as a
# task of Wagtail's task framework (TASKS setting), outside the request.
WAGTAILLOCALIZE_JOBS = {"BACKEND": "translations.tasks.WagtailTasksBackend"}

# Visitors' suggestions, with their name and e-mail, are deleted this many days
# after they were sent (the public form says so; `purge_suggestions` from cron,
# and every new suggestion and every opening of the admin listing, delete them).
DIRECTORY_SUGGESTION_RETENTION_DAYS = int(
    os.environ.get("DIRECTORY_SUGGESTION_RETENTION_DAYS", "180")
)
