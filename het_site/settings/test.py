from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails go through the queue as in production (tests/conftest.py puts it back after Django's test set-up replaces
# it) and are delivered to django.core.mail.outbox, once the test's transaction commits.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGGING["root"]["level"] = "WARNING"  # noqa: F405

# Django's test client logs in without a request, which django-axes refuses; the login throttling tests
# switch it back on and log in through the real admin form.
AXES_ENABLED = False

# Close connections after each request, so tests leave no idle connections to the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
