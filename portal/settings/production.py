"""Production: everything from the environment; refuses to start without a key.

Several stateless app servers can run behind a load balancer: the database
(DATABASE_URL), the cache (REDIS_URL), media (AWS_STORAGE_BUCKET_NAME + AWS_*),
search (ELASTICSEARCH_URL / OPENSEARCH_URL / WAGTAILSEARCH_URLS) and the CDN
purger (CLOUDFLARE_* / FRONTEND_CACHE_PURGE_URL / CLOUDFRONT_DISTRIBUTION_ID)
are chosen from the environment alone. See the README's deployment section.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")


def env_flag(name, default):
    return os.environ.get(name, "true" if default else "false").lower() in (
        "1",
        "true",
        "yes",
        "on",
    )


DEBUG = False
STORAGES["staticfiles"] = {"BACKEND": "portal.static_storage.StaticStorage"}
WHITENOISE_MAX_AGE = (
    60 * 60 * 24 * 365 if env_flag("WHITENOISE_IMMUTABLE", True) else 60
)

# --- HTTPS behind a TLS-terminating proxy --------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# --- Cache: Redis shared by every app server, else a per-machine file cache ---------
# (a per-process memory cache would keep serving a page that another worker
# has just invalidated).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "keepinpact"),
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.file_cache.FileCache",
            "LOCATION": os.environ.get(
                "PORTAL_CACHE_DIR", str(BASE_DIR / ".cache" / "django")
            ),
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Image renditions: Wagtail writes the rendition to its cache on every use, so
# they get a memory cache of their own in each process (a rendition is keyed by
# the image file's hash: a copy never goes stale, it is only dropped).
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PORTAL_PAGE_CACHE_TIMEOUT", "600"))

# --- Media on S3-compatible storage (django-storages) ------------------------------
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_QUERYSTRING_AUTH = env_flag("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=86400"}
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Documents keep going through Wagtail's serve view (privacy respected).
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # A custom domain that is the site's own host (nginx passes /media/ to the
    # bucket) keeps image URLs on the site, so the CSP needs no other origin;
    # it is served over the scheme the site uses.
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
elif env_flag("DJANGO_SENDFILE_NGINX", False):
    # Behind deploy/nginx/keepinpact.conf: Wagtail's serve view checks a
    # document's privacy and answers X-Accel-Redirect; nginx sends the bytes
    # from an internal location (Range requests and slow clients included)
    # and never serves /media/documents/ to a direct request.
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = MEDIA_URL.rstrip("/")

# --- Search: Elasticsearch / OpenSearch when a URL is given -----------------------
_search_urls = env_list("WAGTAILSEARCH_URLS") or env_list("ELASTICSEARCH_URL")
_opensearch_urls = env_list("OPENSEARCH_URL")
if _search_urls or _opensearch_urls:
    _engine = os.environ.get(
        "WAGTAILSEARCH_BACKEND",
        "opensearch3" if _opensearch_urls else "elasticsearch9",
    )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{_engine}",
            "URLS": _search_urls or _opensearch_urls,
            "INDEX_PREFIX": os.environ.get("WAGTAILSEARCH_INDEX_PREFIX", "keepinpact_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }

# --- CDN / reverse-proxy purge on publish (Wagtail's frontend cache) ---------------
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_API_TOKEN") and os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, nginx proxy_cache_purge, ...: a PURGE request per changed URL.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
    # Shared caches may keep public pages until the purge on publish.
    PORTAL_PAGE_SHARED_MAX_AGE = int(
        os.environ.get("PORTAL_PAGE_SHARED_MAX_AGE", "3600")
    )
