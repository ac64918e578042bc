"""Settings shared by every environment.

Every environment variable the project reads is read here, in one place, and listed with its
meaning in `.env.example`. The environment modules (dev, test, production) only choose
defaults and switch features on or off.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import vimeo, youtube

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment ----------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = os.environ.get("REDIS_URL", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
# Media on S3-compatible storage when a bucket is named (empty keys: boto3's own credentials).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "plattform@b-b-e.de")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Background tasks (Django's task framework), kept in the database and run by the task
# worker, `manage.py db_worker`: e-mail delivery (home/tasks.py), the text of uploaded files
# (library/tasks.py) and Wagtail's own (search index, reference index; config/caches.py
# makes what shows search results forget again once the index is updated).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
VARNISH_URL = os.environ.get("VARNISH_URL", "")
FRONTEND_CACHE_S_MAXAGE = int(os.environ.get("FRONTEND_CACHE_S_MAXAGE", "300"))
# The app's own copy of visitors' pages (config.middleware.PageCacheMiddleware): off behind
# Varnish, which forgets the same pages at the same moment (README, »Caches«).
PAGE_CACHE = env_bool("PAGE_CACHE", not VARNISH_URL)
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")

# --- Applications ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "home",
    "library",
    "events",
    "community",
    "search",
    "config",  # the cache registry (config/caches.py)
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.contrib.search_promotions",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_comments_xtd",
    "django_comments",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost: one log line per request, then the 503 page while the database is down.
    "config.request_log.RequestLogMiddleware",
    "config.outages.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Visitors' views of public pages from the cache (PAGE_CACHE), then the request's
    # Wagtail site and start page (home/site_cache.py).
    "config.middleware.PageCacheMiddleware",
    "home.site_cache.SiteMiddleware",
    # Cache-Control for Varnish; above sessions and CSRF to see the cookies they set.
    "config.middleware.FrontendCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.platform_name",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL: an unreachable server fails in seconds (503 page, /healthz), not after minutes;
# the planner costs random reads as on SSDs (the usual tuning), so that full-text searches
# use their GIN index for common words instead of reading every file's text.
POSTGRES_OPTIONS = {"connect_timeout": 3, "options": "-c random_page_cost=1.1"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = POSTGRES_OPTIONS | DATABASES["default"].get("OPTIONS", {})
# SQLite (the embedded default): a transaction takes the write lock when it begins, so two
# that count and then insert (posting limits, registrations) wait for each other instead of
# failing with »database is locked«.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bbe",
            # While Redis is down the site serves on without the cache (errors are logged);
            # short timeouts keep a Redis that does not answer from holding up each request.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions in the database, read through the cache: members stay logged in without Redis.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The embedded default: files every process of the machine shares, so that a change made
    # by a command (an import, the shell) makes what the server keeps stale (home/caching.py).
    CACHES = {
        "default": {
            "BACKEND": "home.cache_backends.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Image renditions: each process keeps the ones it used in its own memory, so a page with
# images asks Redis nothing for them (Wagtail writes each one back after reading it). A
# rendition's key names its image, the image file's hash, the focal point and the filter, so
# a kept one never stands for another file; after a rendition is deleted by hand
# (`wagtail_update_image_renditions --purge-only`) other processes use it up to TIMEOUT.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Search (search/backends/): the database backend in German by default, Elasticsearch when
# ELASTICSEARCH_URL is set. After switching, `manage.py update_index` fills the new index.
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "bbe_",
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.database",
            # Used by PostgreSQL full-text search; ignored by SQLite.
            "SEARCH_CONFIG": "german",
        }
    }

# --- Accounts (django-allauth; community/ adds approval and profiles) ------------------------
AUTHENTICATION_BACKENDS = [
    # Editors log in to the admin with their user name, members on the site with e-mail.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
# Members-only pages and files send visitors to allauth's login and back.
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
LOGIN_REDIRECT_URL = "community:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.members.forms.SignupForm"
# Messages name people as »Mira Mitglied«, not by their generated user name.
ACCOUNT_USER_DISPLAY = "community.access.display_name"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Menschen stärken Menschen] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https:") else "http"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The visitor's address, which the rate limits count per IP: a header set by the proxy in
# front (nginx's X-Real-IP) where there is one, else the connection's address.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER or None
# Every rate limit of the site (home/ratelimit.py), allauth's actions and the site's.
# The 4th wrong password for one account within 15 minutes is refused (HTTP 429); other
# accounts from the same address are not affected. Sign-up and password resets are limited.
# Forms that send an e-mail to an address the sender typed are limited per IP address and
# per typed address ("key").
ACCOUNT_RATE_LIMITS = {
    "login_failed": "30/m/ip,3/15m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    # The congress's registration form (events/views.py), per IP and per e-mail address.
    "congress_registration": "10/h/ip,3/h/key",
    # The admin's »Forgot password?« (home/views.py), like the site's.
    "admin_password_reset": "10/h/ip,3/h/key",
    # Adding e-mail addresses to one's account sends a confirmation to each.
    "manage_email": "10/h/user",
}
# The version of the privacy notice members accept at sign-up (stored with their consent).
PRIVACY_NOTICE_VERSION = "2026-11"

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The platform's own words and a word typed twice (community/members/passwords.py).
    {"NAME": "community.members.passwords.SiteWordsValidator"},
    {"NAME": "community.members.passwords.RepetitionValidator"},
]

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_I18N_ENABLED = False

# --- Static files and media -----------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
SERVE_MEDIA = False  # dev and test serve media through Django
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
MEDIA_HOSTS = []  # where media URLs point when they are not on this host (CSP img-src)
if AWS_STORAGE_BUCKET_NAME:
    # A private bucket (django-storages): no ACL makes a file public, every file URL is signed
    # and expires, an upload never replaces a file of the same name. Documents still pass
    # Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD), which streams them from the bucket.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    # Signed image addresses outlive every cached page and fragment (the footer: a day).
    AWS_QUERYSTRING_EXPIRE = 2 * 24 * 60 * 60
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    # Image URLs: https://ENDPOINT/BUCKET/... (path style) or https://BUCKET.s3.amazonaws.com/...
    _parts = urlsplit(AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
    MEDIA_HOSTS = [f"{_parts.scheme}://{_parts.netloc}"]

# --- E-mail ---------------------------------------------------------------------------------
# Every e-mail goes into the outbox first and is delivered by the task worker (home/mail.py)
# through MAIL_DELIVERY_BACKEND: SMTP with the settings above unless EMAIL_DELIVERY_BACKEND
# names another.
EMAIL_BACKEND = "home.mail.OutboxBackend"
MAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Menschen stärken Menschen"
# Dates in the admin as German editors write them; the admin's date picker reads only this
# format (a date typed as 2027-09-24 there turns into today), the server accepts ISO too.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.AdminLoginForm"
# Only staff get a link from the admin's »Forgot password?« (members use the site's form).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.forms.AdminPasswordResetForm"
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
WAGTAILDOCS_DOCUMENT_MODEL = "library.LibraryDocument"
# Every download passes Wagtail's permission check (collection privacy).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.forms.LibraryDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Privacy is by login and group only, never by a shared password.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# The admin would ask wagtail.org for new releases: no calls to other hosts.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# ... nor to gravatar.com, with a hash of each editor's e-mail address (the admin CSP would
# block the picture anyway and show a broken avatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = False  # its wrapper uses an inline style (CSP)
WAGTAILEMBEDS_FINDERS = [
    {"class": "home.embeds.PrivacyEnhancedOEmbedFinder", "providers": [youtube, vimeo]},
]

# --- Frontend cache (Varnish: deploy/varnish/default.vcl) ----------------------------------
# Anonymous views of public pages may be kept FRONTEND_CACHE_S_MAXAGE seconds
# (config/middleware.py); publishing purges them (home/frontend_cache.py). Without
# VARNISH_URL the app is installed all the same and purges nothing.
WAGTAILFRONTENDCACHE = {}
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        }
    }

# --- Knowledge database --------------------------------------------------------------------
# Reading the text of an uploaded file (library/files.py) runs in a child process with these
# limits; a file over them is stored all the same, with a warning for the editor.
LIBRARY_TEXT_MAX_FILE_SIZE = 10 * 1024 * 1024  # bytes; larger files are not read
LIBRARY_TEXT_TIMEOUT = 20  # seconds
LIBRARY_TEXT_MEMORY_LIMIT = 512 * 1024 * 1024  # bytes of address space for the reader
LIBRARY_TEXT_MAX_CHARS = 500_000  # characters kept of a file's text

# --- The members' exchange (community/): comments, questions, collections, notifications ----
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_CONFIRM_EMAIL = False
# Threads two levels deep: a comment (or a question's answer) and replies to it.
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
        "who_can_post": "users",  # and community/ lets only approved members post
    }
}
# At most this many comments, answers and questions per member and hour.
COMMUNITY_POSTS_PER_HOUR = 20
# Members may correct their comment for this many minutes after posting it.
COMMUNITY_COMMENT_EDIT_MINUTES = 15

# --- Security headers -----------------------------------------------------------------------
X_FRAME_OPTIONS = "SAMEORIGIN"
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The public site: nothing inline, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The Wagtail admin needs inline scripts and styles; it stays on our own host all the same.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_HOSTS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)
