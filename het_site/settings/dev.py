from .base import *  # noqa: F403
from .base import os

DEBUG = True
# A throwaway key, only ever used on a developer's machine.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105
# Emails are printed where `make run` runs, once the change that sent them is saved.
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
