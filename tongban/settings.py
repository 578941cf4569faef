"""Settings from the environment (12-factor). Everything has a safe development default.

DATA_DIR holds the SQLite database, uploaded files and the generated development secret;
it is outside the web root so that uploads are only served through permission checks.
"""

import secrets
from pathlib import Path

import dj_database_url
import environ

BASE_DIR = Path(__file__).resolve().parent
env = environ.Env()

DATA_DIR = Path(env.str("TONGBAN_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _development_secret() -> str:
    # A random key generated once per data directory; production sets SECRET_KEY.
    path = DATA_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _development_secret()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "tongban.core",
    "tongban.org",
    "tongban.accounts",
    "tongban.workcal",
    "tongban.forms",
    "tongban.notify",
    "tongban.payments",
    "tongban.delivery",
    "tongban.search",
    "tongban.catalog",
    "tongban.cases",
    "tongban.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tongban.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tongban.core.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "tongban.urls"
WSGI_APPLICATION = "tongban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tongban.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'tongban.sqlite3'}"),
        conn_max_age=env.int("CONN_MAX_AGE", default=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo's web server and task worker share the file without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20,
         "transaction_mode": "IMMEDIATE"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/my/"  # staff to their desk or inbox, applicants to 我的办件

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise warns on every request when the collectstatic target is missing (tests, fresh checkouts).
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"  # served only through views that check permissions
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

TONGBAN = {
    "CITY_NAME": env.str("TONGBAN_CITY_NAME", default="云川市"),
    "PLATFORM_NAME": env.str("TONGBAN_PLATFORM_NAME", default="云川市一体化政务服务平台"),
    "SITE_URL": env.str("TONGBAN_SITE_URL", default="http://127.0.0.1:8000"),
}

# Files applicants upload (case materials) live outside the web root and are served only through views
# that check who is asking.
PRIVATE_FILES_DIR = DATA_DIR / "private"
UPLOAD_MAX_BYTES = env.int("TONGBAN_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)

# Periodic sweeps: (task path, interval in seconds). `tongban run_scheduler` enqueues each when due.
PERIODIC_TASKS = [
    ("tongban.notify.tasks.deliver_due", 30),
    ("tongban.delivery.tasks.poll_shipments", 300),
    ("tongban.cases.tasks.sweep_deadlines", 600),
]

# Adapters for outside services; the simulated ones make the demo and the tests self-contained.
NOTIFY_BACKENDS = {
    "sms": env.str("TONGBAN_SMS_BACKEND", default="tongban.notify.backends.ConsoleBackend"),
    "mail": env.str("TONGBAN_MAIL_BACKEND", default="tongban.notify.backends.DjangoMailBackend"),
    "site": "tongban.notify.backends.SiteBackend",
}
TONGBAN_PAYMENT_KEY = env.str("TONGBAN_PAYMENT_KEY", default="")  # empty: derived from SECRET_KEY
PAYMENT_GATEWAY = env.str("TONGBAN_PAYMENT_GATEWAY", default="tongban.payments.gateways.SimulatedGateway")
DELIVERY_CARRIER = env.str("TONGBAN_DELIVERY_CARRIER", default="tongban.delivery.carriers.SimulatedCarrier")
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
