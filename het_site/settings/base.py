"""Settings shared by every environment. Secrets and hosts come from environment variables."""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "pages",
    "news",
    "events",
    "case_studies",
    "indicators",
    "feedback",
    "site_settings",
    "page_cache",
    "seo",
    "search",
    "public_forms",
    "editorial",
    "mail",
    "seed",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get the same headers as pages.
    "het_site.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "het_site.security.DatabaseUnavailableMiddleware",
    # django-axes asks for its middleware to come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "het_site.urls"
WSGI_APPLICATION = "het_site.wsgi.application"

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
                "case_studies.context_processors.case_study_index",
                "site_settings.navigation.navigation",
            ],
        },
    },
]

# SQLite is the embedded default for a first run; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "het"),
        }
    }
else:
    # Files on this machine, which every process here shares: the web server and the scheduler that publishes pages
    # beside it (run_scheduler) see the same page cache, so a scheduled change reaches visitors at once. Chosen over
    # the database cache because it needs no table and adds no writes to SQLite, which allows one writer at a time.
    # Production, on more than one machine or container, sets REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Anonymous visitors' pages are kept this many seconds (0 turns the page cache off). Changes made in the admin
# empty it at once; the limit only matters for what changes with time, such as events passing into "past events".
# The areas whose health indicators the site keeps (GSS codes): Luton and England. Imports leave out other areas,
# except wards inside these.
INDICATOR_AREAS = env_list("INDICATOR_AREAS", "E06000032,E92000001")

PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Never cached, besides the admin: document downloads (they check privacy) and Wagtail's password and login forms.
# (The case study form and its confirmation say `never_cache` themselves, wherever the case studies page is.)
PAGE_CACHE_EXCLUDED_PATHS = ["/documents/", "/_util/"]

AUTHENTICATION_BACKENDS = [
    # Refuses logins for an account or a client that is locked out; the next backend checks the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Every email, the site's and Wagtail's, is queued as a task after the transaction commits (mail/backends.py); the
# task hands it to EMAIL_DELIVERY_BACKEND, trying again with growing delays while the mail server is unreachable.
EMAIL_BACKEND = "mail.backends.TaskEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_DELIVERY_ATTEMPTS = int(os.environ.get("EMAIL_DELIVERY_ATTEMPTS", "10"))
# Seconds: 1, 2, 4, 8 ... minutes between attempts, at most 2 hours; ten attempts span about six hours.
EMAIL_RETRY_FIRST_DELAY = int(os.environ.get("EMAIL_RETRY_FIRST_DELAY", "60"))
EMAIL_RETRY_MAX_DELAY = int(os.environ.get("EMAIL_RETRY_MAX_DELAY", str(2 * 60 * 60)))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Luton Health Equity Town <noreply@luton.gov.uk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# How many reverse proxies (for example a load balancer, then nginx) stand in front of the site and append to
# X-Forwarded-For. Used to tell visitors apart for rate limiting; 0 trusts only the connection's own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# "Is this page useful?" answers accepted from one visitor in a period, to keep out floods of spam.
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))
FEEDBACK_RATE_PERIOD = int(os.environ.get("FEEDBACK_RATE_PERIOD", "600"))

# Wagtail
WAGTAIL_SITE_NAME = "Luton Health Equity Town"
# The site's own address, as visitors reach it: the scheme, host name and any port, such as
# https://het.luton.gov.uk. Links the site publishes (canonical links, the sitemap, feeds, calendar files, emails)
# use it; `migrate` and `manage.py set_site_address` write it into the default Wagtail Site record.
# WAGTAILADMIN_BASE_URL is the older name, still read when SITE_URL is not set.
SITE_URL = (
    os.environ.get("SITE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILIMAGES_IMAGE_MODEL = "core.HETImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# HEIC is what iPhones save; it, AVIF, MPO, CMYK and other files cameras make are stored as web images in sRGB,
# the right way up, by the image form (core/image_forms.py).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "heic"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.HETImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Moderation: moderators are emailed when a change is submitted, editors when it is approved or sent back.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_USE_HTML = env_bool("WAGTAILADMIN_NOTIFICATION_USE_HTML", True)
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True)
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Officers all work in the UK: show and enter every date and time (go-live, expiry, alert end) in UK time.
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]

# Case studies sent in by partners through the public form
# Sends accepted per partner email address, and per client address: a council office or a charity can share one
# address, so that limit is higher. Reading the form is never limited.
CASE_STUDY_RATE_LIMIT = os.environ.get("CASE_STUDY_RATE_LIMIT", "5/hour")
CASE_STUDY_CLIENT_RATE_LIMIT = os.environ.get("CASE_STUDY_CLIENT_RATE_LIMIT", "30/hour")
CASE_STUDY_RETENTION_DAYS = int(os.environ.get("CASE_STUDY_RETENTION_DAYS", "365"))
# Used when the Public Health team email in the site settings is blank.
CASE_STUDY_NOTIFY_EMAIL = os.environ.get("CASE_STUDY_NOTIFY_EMAIL", "")

# "email" carries mail.tasks.deliver_email; production.py keeps it in the database for the db_worker process.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# Security. Cookies, headers and login throttling; production.py adds HTTPS-only settings.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The Wagtail admin reads the CSRF token from the page, never from the cookie, so scripts need no access to it.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "het_site.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views override this with SAMEORIGIN so that the editor can show them in a frame.
X_FRAME_OPTIONS = "DENY"
# Load balancers may check health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Video providers whose players the video block loads, only after the visitor presses play.
VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Public pages: our own scripts, styles, images and fonts only; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin (and its previews) still relies on inline scripts and styles, so it gets a policy of its own.
WAGTAIL_ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "worker-src": ["'self'", "blob:"],
        # The dashboard checks for new Wagtail releases (security fixes) from the officer's browser.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
    }
}
# Features no page of this site uses, switched off for every page and every frame inside it.
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
# Editors' avatars would otherwise come from Gravatar, telling a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin login throttling (django-axes): a run of failures locks out that account, and separately that client.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "het_site.security.lockout_response"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "public_forms.ratelimit.client_ip"
# How many reverse proxies that append to X-Forwarded-For stand in front of gunicorn (0: use the socket address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object per line; see het_site/jsonlog.py for what is kept out of the logs.
    "formatters": {"json": {"()": "het_site.jsonlog.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Every background task logs twice at INFO level; only problems are worth reading.
        "django_tasks": {"level": "WARNING"},
    },
}
