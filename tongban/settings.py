"""Settings from the environment (12-factor). Everything has a safe development default.

DATA_DIR holds the SQLite database, uploaded files and the generated development secret;
it is outside the web root so that uploads are only served through permission checks.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import environ

BASE_DIR = Path(__file__).resolve().parent
env = environ.Env()

DATA_DIR = Path(env.str("TONGBAN_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _development_secret(name: str = ".secret_key") -> str:
    # A random key generated once per data directory; production sets SECRET_KEY (and TONGBAN_SEAL_KEY).
    path = DATA_DIR / name
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
    # Before django_tasks_db: `db_worker` is tongban's, which rides out a database outage (tongban/core/worker.py).
    "tongban.core",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "tongban.org",
    "tongban.accounts",
    "tongban.workcal",
    "tongban.forms",
    "tongban.notify",
    "tongban.payments",
    "tongban.delivery",
    "tongban.workflow",
    "tongban.search",
    "tongban.catalog",
    "tongban.registries",
    "tongban.cases",
    "tongban.themes",
    "tongban.licences",
    "tongban.ratings",
    "tongban.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tongban.core.middleware.RefuseUnstorableInputMiddleware",  # a NUL byte anywhere: a Chinese 400
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The database down: 503 + Retry-After, JSON for the API, the 503 page elsewhere (tongban/core/unavailable.py).
    "tongban.core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tongban.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tongban.core.middleware.RequestContextMiddleware",
    # Login security (tongban/accounts/middleware.py): staff session limits, then the second-factor gate.
    "tongban.accounts.middleware.StaffSessionTimeoutMiddleware",
    "tongban.accounts.middleware.SecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a lockout into the Chinese 登录已锁定 page; last, as axes asks
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

DATABASES = {"default": dj_database_url.parse(env.str("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'tongban.sqlite3'}"))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # docs/decisions/0005-submission-fast-path.md. Keep connections (a new one costs a TCP and auth round
    # trip plus a backend fork, more than a whole request), checked before reuse after an error;
    # bind parameters on the server and let psycopg prepare a statement after DATABASE_PREPARE_THRESHOLD
    # runs on a connection, so PostgreSQL plans it once per connection instead of on every request.
    # Behind PgBouncer in transaction mode: PgBouncer ≥ 1.21 with max_prepared_statements, or set
    # DATABASE_PREPARE_THRESHOLD=0 (server-side binding stays, nothing is prepared).
    DATABASES["default"].update(CONN_MAX_AGE=env.int("CONN_MAX_AGE", default=60), CONN_HEALTH_CHECKS=True)
    _prepare = env.int("DATABASE_PREPARE_THRESHOLD", default=5)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=env.bool("DATABASE_SERVER_SIDE_BINDING", default=True),
        prepare_threshold=_prepare if _prepare > 0 else None)
    # A database host that is down drops the connection attempt rather than refusing it: without a limit a
    # request (and the worker) would wait minutes for TCP to give up instead of answering 503 at once
    # (docs/supervision.md). ?connect_timeout= in DATABASE_URL wins.
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
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
    {"NAME": "tongban.accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not the user name; staff mix three character classes (GB/T 22239-2019 8.1.4.1 a).
    {"NAME": "tongban.accounts.password_validation.PlatformPasswordValidator"},
]

# -- login security (docs/decisions/0008-identity-and-staff-login.md) ----------------------------
AUTHENTICATION_BACKENDS = [
    "tongban.accounts.backends.LockoutBackend",  # django-axes: refuses locked-out username + IP first
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout: 5 failed passwords for the same user name from the same IP lock that pair for 30 minutes.
AXES_FAILURE_LIMIT = env.int("TONGBAN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("TONGBAN_LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "tongban.accounts.views.locked_out"
AXES_COOLOFF_MESSAGE = "登录失败次数过多，账号已暂时锁定，请稍后再试。"
AXES_VERBOSE = False
# Behind a reverse proxy set the number of proxies so that the client's address, not the proxy's, is locked.
AXES_IPWARE_PROXY_COUNT = env.int("TONGBAN_PROXY_COUNT", default=0) or None
# Second factor (django-otp): the name authenticator apps show next to the code.
OTP_TOTP_ISSUER = env.str("TONGBAN_OTP_ISSUER", default="云川市政务服务")
# Staff sessions: idle and absolute limits in seconds (applicants: SESSION_COOKIE_AGE below).
TONGBAN_STAFF_IDLE_TIMEOUT = env.int("TONGBAN_STAFF_IDLE_TIMEOUT", default=30 * 60)
TONGBAN_STAFF_SESSION_MAX_AGE = env.int("TONGBAN_STAFF_SESSION_MAX_AGE", default=8 * 3600)

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

# Background tasks. The database queue (default) needs no other server, and a notification's task row
# commits with the notification (tongban/notify/services.py); run `tongban db_worker`. With several nodes,
# TASKS_BACKEND=django_tasks_rq.RQBackend keeps the queue in Redis (TASKS_REDIS_URL) for workers on any node:
# `tongban rqworker --job-class django_tasks_rq.Job` (docs/deployment.md).
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": env.str("TASKS_REDIS_URL"),
                             # A job running longer than this is stopped (the Excel import is the longest).
                             "DEFAULT_TIMEOUT": env.int("TASKS_TIMEOUT", default=1800)}}

# A cache shared by every server process (CACHE_URL=redis://host:6379/1; Redis on the private network,
# password set) also carries the sessions: read from the cache, written to both (cached_db), so a request
# costs no session query and a logout or expiry is seen by every process at once. Without one, the
# per-process memory cache would keep a logged-out session alive in the other processes: sessions then
# stay in the database only. docs/decisions/0005-submission-fast-path.md.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="tongban"))
_shared_cache = CACHES["default"]["BACKEND"] not in ("django.core.cache.backends.locmem.LocMemCache",
                                                     "django.core.cache.backends.dummy.DummyCache")
SESSION_ENGINE = env.str("SESSION_ENGINE", default="django.contrib.sessions.backends.cached_db" if _shared_cache
                         else "django.contrib.sessions.backends.db")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# -- production security (docs/production.md) --------------------------------------------------------
# TONGBAN_HTTPS=true when the site is served over HTTPS (GB/T 22239-2019 8.1.2.2 通信传输): cookies only
# over TLS, plain HTTP redirected, HSTS for a year. `tongban check --deploy` is clean with the environment
# docs/production.md lists (tongban/core/tests/test_production_settings_pass_deploy_check.py).
TONGBAN_HTTPS = env.bool("TONGBAN_HTTPS", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=TONGBAN_HTTPS)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=TONGBAN_HTTPS)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE  # the language switch's cookie, likewise
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=TONGBAN_HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if TONGBAN_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=TONGBAN_HTTPS)
# The preload directive only allows submitting the host to the browsers' HSTS preload list; set false
# where a subdomain still has to be reachable over plain HTTP.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=TONGBAN_HTTPS)
# Behind the reverse proxy (TONGBAN_PROXY_COUNT > 0) TLS ends there: trust its X-Forwarded-Proto, which
# the proxy must set itself (overwriting what the client sent), or HTTPS requests look like HTTP and
# SECURE_SSL_REDIRECT loops. A proxy that says "https" in another header: TONGBAN_PROXY_SSL_HEADER=HTTP_….
# The same count gives the client's address in the audit log (tongban/core/request_context.py).
TONGBAN_PROXY_COUNT = env.int("TONGBAN_PROXY_COUNT", default=0)
if TONGBAN_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = (env.str("TONGBAN_PROXY_SSL_HEADER", default="HTTP_X_FORWARDED_PROTO"), "https")

# Content-Security-Policy (django-csp): scripts and styles only from the site's own files (no inline
# script, style or style attribute: templates keep theirs in tongban/static), images also as data: URIs
# (QR codes), no framing, forms only to the site. A payment gateway whose cashier a form redirects to is
# added with TONGBAN_CSP_FORM_ACTION (space separated origins). Violations are logged by /csp-report/
# (tongban/core/views.py); the browser tests fail on any (tongban/core/tests/browser.py).
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
# The API's documentation page (/api/v1/docs) with django-ninja's bundled Swagger UI: without the app
# ninja loads it from a CDN, which the policy (and a hall without internet) refuses.
INSTALLED_APPS.append("ninja")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", *env.str("TONGBAN_CSP_FORM_ACTION", default="").split()],
        "report-uri": "/csp-report/",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # ID and mobile numbers leave the process masked, whoever logs them (tongban/core/masking.py).
    "filters": {"mask_personal_data": {"()": "tongban.core.masking.MaskPersonalDataFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_personal_data"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

TONGBAN = {
    "CITY_NAME": env.str("TONGBAN_CITY_NAME", default="云川市"),
    "PLATFORM_NAME": env.str("TONGBAN_PLATFORM_NAME", default="云川市一体化政务服务平台"),
    "SITE_URL": env.str("TONGBAN_SITE_URL", default="http://127.0.0.1:8000"),
}

# Kinds of object that run on processes (tongban.workflow), each declared by its context.
WORKFLOW_SUBJECTS = [
    "tongban.cases.process.CASE",
    "tongban.cases.process.JOINT_CASE",
    "tongban.ratings.process.CANNOT_DO",
    "tongban.ratings.process.BAD_RATING",
]

# The one answer to "is this a platform administrator" (core's admin pieces ask it through here).
PLATFORM_ADMIN_CHECK = "tongban.accounts.selectors.is_platform_admin"

# -- files (docs/deployment.md) -------------------------------------------------------------------
# Two storages, neither served by a web server: "private" holds what applicants upload (case materials,
# 一件事 journey uploads) and is streamed only by views that check who is asking (tongban/forms/storage.py);
# "default" holds the platform's own files (blank forms and samples of the catalogue, Excel imports, the
# 好差评 push files), handed out by views too. TONGBAN_STORAGE=filesystem (default) keeps them under
# PRIVATE_FILES_DIR and MEDIA_ROOT on this server's disk: one server only. TONGBAN_STORAGE=s3 keeps them in
# one private bucket of an S3-compatible object store (prefixes private/ and media/), shared by every web
# node and worker. Generated PDFs (notices, licences) and exports are rendered from the database when asked
# for and stored nowhere.
from django.core.exceptions import ImproperlyConfigured  # noqa: E402  (here, with the block that needs it)

PRIVATE_FILES_DIR = DATA_DIR / "private"
TONGBAN_STORAGE = env.str("TONGBAN_STORAGE", default="filesystem")
if TONGBAN_STORAGE == "s3" and not (env.str("SECRET_KEY", default="") and env.str("TONGBAN_SEAL_KEY", default="")):
    # A shared bucket means several nodes. Secrets generated per data directory would differ between them:
    # sessions would end on another node, and seal keys one node encrypted no other could decrypt.
    raise ImproperlyConfigured("TONGBAN_STORAGE=s3（多节点）时须为每个节点设置相同的 SECRET_KEY 和 TONGBAN_SEAL_KEY")
if TONGBAN_STORAGE == "s3":
    _S3 = {
        "bucket_name": env.str("TONGBAN_S3_BUCKET"),
        # Empty: AWS itself; otherwise the object store's address (MinIO, Ceph RGW, a cloud's S3 endpoint).
        "endpoint_url": env.str("TONGBAN_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("TONGBAN_S3_REGION", default="") or None,
        # Empty keys: boto3 finds its own (AWS_ACCESS_KEY_ID…, a credentials file, an instance role).
        "access_key": env.str("TONGBAN_S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("TONGBAN_S3_SECRET_ACCESS_KEY", default="") or None,
        "addressing_style": env.str("TONGBAN_S3_ADDRESSING_STYLE", default="path"),
        "default_acl": None,  # the bucket's own: private. No object is ever public.
        "file_overwrite": False,  # a name already taken gets a new one, as on a disk
        # url() is never used to hand a file out; should anything call it, the link dies within a minute.
        "querystring_auth": True,
        "querystring_expire": 60,
        # A file being streamed is buffered in memory up to this size, only a larger one in a temporary file.
        "max_memory_size": 5 * 1024 * 1024,
    }
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**_S3, "location": "media"}},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**_S3, "location": "private"}},
    }
elif TONGBAN_STORAGE == "filesystem":
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # MEDIA_ROOT
        "private": {"BACKEND": "tongban.forms.storage.PrivateFileSystemStorage"},  # PRIVATE_FILES_DIR
    }
else:
    raise ImproperlyConfigured(f"TONGBAN_STORAGE 应为 filesystem 或 s3，而不是 {TONGBAN_STORAGE!r}")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
UPLOAD_MAX_BYTES = env.int("TONGBAN_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)

# Periodic sweeps: (task path, interval in seconds). `tongban run_scheduler` enqueues each when due.
PERIODIC_TASKS = [
    ("tongban.notify.tasks.deliver_due", 30),
    ("tongban.delivery.tasks.poll_shipments", 300),
    ("tongban.cases.tasks.sweep_deadlines", 600),
    ("tongban.ratings.tasks.sweep_ratings", 600),
    ("tongban.themes.tasks.purge_journey_uploads", 3600),
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
# Encrypts the departments' SM2 seal keys at rest (tongban/licences/keystore.py). Production sets it and keeps it
# apart from the database backups; development generates one per data dir, like SECRET_KEY.
TONGBAN_SEAL_KEY = env.str("TONGBAN_SEAL_KEY", default="") or _development_secret(".seal_key")
# 好差评 data to the province's system; the file sink writes JSON lines under ratings_push/ in the default storage.
RATINGS_PUSH_SINK = env.str("TONGBAN_RATINGS_PUSH_SINK", default="tongban.ratings.push.FileSink")
RATINGS = {
    # 政务服务回访: at least this share of each department's closed cases, drawn on this day of the month
    # for the month before (葛店: 每月20日抽取不少于办件量20%的回访清单).
    "SAMPLE_RATE": env.float("TONGBAN_RATINGS_SAMPLE_RATE", default=0.2),
    "SAMPLE_DAY": env.int("TONGBAN_RATINGS_SAMPLE_DAY", default=20),
}
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Excel import of the 实施清单 (tongban/catalog/excel_guard.py): checked from the zip directory and each sheet's
# dimension before anything is parsed, so a small upload cannot expand into gigabytes of XML.
CATALOG_IMPORT_LIMITS = {
    "MAX_UNCOMPRESSED_MB": env.int("TONGBAN_IMPORT_MAX_UNCOMPRESSED_MB", default=100),
    "MAX_ROWS": env.int("TONGBAN_IMPORT_MAX_ROWS", default=20_000),  # 实施清单 entries per file
    "MAX_CHILD_ROWS": env.int("TONGBAN_IMPORT_MAX_CHILD_ROWS", default=100_000),  # per child sheet (申请材料 …)
    "MAX_MEMBERS": env.int("TONGBAN_IMPORT_MAX_MEMBERS", default=200),
    "MAX_COMPRESSION_RATIO": env.int("TONGBAN_IMPORT_MAX_COMPRESSION_RATIO", default=100),
}
