"""Settings shared by every environment.

Ready for a single machine out of the box: SQLite and media in the data directory,
the database task backend, a local-memory cache. Only this module and production.py
read the environment.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url

from peninsula.settings import environment

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _data_dir() -> Path:
    default = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "peninsula"
    path = Path(os.environ.get("PENINSULA_DATA_DIR", default)).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _secret_key(data_dir: Path) -> str:
    """A per-installation key kept in the data directory, so a laptop install needs no setup."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = data_dir / "secret_key.txt"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DATA_DIR = _data_dir()
SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")

INSTALLED_APPS = [
    "peninsula.users",
    "peninsula.assets",
    "peninsula.core",
    "peninsula.taxonomy",
    "peninsula.people",
    "peninsula.publications",
    "peninsula.home",
    "peninsula.press",
    "peninsula.navigation",
    "peninsula.demo",
    "peninsula.importers",
    "peninsula.syndication",
    "peninsula.newsletters",
    "peninsula.audience",
    "peninsula.registrations",
    "peninsula.enquiries",
    "peninsula.search",
    "peninsula.operations",
    "peninsula.security",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    # After frontend_cache: its ready() replaces that app's per-page purge handlers.
    "peninsula.caching",
    # After the apps it orchestrates (publications, search, newsletters, caching).
    "peninsula.publishing",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
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
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "ninja",
    "csp",
    "axes",
]

MIDDLEWARE = [
    # Before everything: probes are answered without host checks, sessions or the cache.
    "peninsula.operations.middleware.HealthCheckMiddleware",
    "peninsula.caching.middleware.CacheHeadersMiddleware",  # first: sees every header set
    "django.middleware.security.SecurityMiddleware",
    "peninsula.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "peninsula.core.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "peninsula.caching.middleware.AnonymousReaderMiddleware",  # no session, no session read
    # Before any view queries: a NUL or other control character in the address is a 400.
    "peninsula.security.hostile.RefuseControlCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in refused for a locked account into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peninsula.urls"
WSGI_APPLICATION = "peninsula.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peninsula.core.context_processors.site_chrome",
                "peninsula.search.context_processors.total_index",
                "peninsula.navigation.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'peninsula.sqlite3'}", conn_max_age=600
    )
}
# How much of the SQLite file may be memory-mapped (address space, not memory used).
SQLITE_MMAP_BYTES = int(os.environ.get("PENINSULA_SQLITE_MMAP_MB", "2048")) * 1024 * 1024
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the worker run beside a writer; a busy timeout instead of
    # "database is locked" errors when two processes write at once.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # mmap: pages are read from the OS's file cache, shared by every connection and
        # process, instead of copied into each new connection's small private cache.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA mmap_size={SQLITE_MMAP_BYTES};"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The hot page-view queries go through peninsula.core.prepared, whose cursor has PostgreSQL
# prepare them on first use (threshold 0); Django's own cursors bind on the client and never
# prepare. PENINSULA_PG_PREPARED=0 turns it off for a connection pooler that cannot keep
# prepared statements.
elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and os.environ.get("PENINSULA_PG_PREPARED", "1") != "0"
):
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILIMAGES_IMAGE_MODEL = "assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.CustomDocument"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing folder
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded media in S3-compatible object storage where PENINSULA_S3_BUCKET is set.
if _s3 := environment.media_storage(os.environ):
    STORAGES["default"], MEDIA_URL = _s3
# Serve static files straight from the apps: no collectstatic step on a laptop.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peninsula",
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peninsula-renditions",
        "TIMEOUT": 600,
    },
}
# CACHE_URL: redis://host:6379/1, locmem:// or dummy:// (production.py also takes REDIS_URL).
if os.environ.get("CACHE_URL"):
    CACHES = environment.caches(os.environ["CACHE_URL"])

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        # "purge": front-end cache purges, run first (peninsula.caching.purge).
        "QUEUES": ["default", "purge"],
    }
}

WAGTAIL_SITE_NAME = "Peninsula"
# The public address for links in emails; unset, they are built from the request or the
# default site (peninsula.core.urls_base.base_url). `peninsula serve` sets
# PENINSULA_SERVED_URL to the address it answers on, for itself and its worker.
PENINSULA_BASE_URL = environment.site_url(os.environ, "PENINSULA_BASE_URL")
PENINSULA_SERVED_URL = environment.site_url(os.environ, "PENINSULA_SERVED_URL")
# Wagtail's own notification emails link to the admin here.
WAGTAILADMIN_BASE_URL = PENINSULA_BASE_URL or PENINSULA_SERVED_URL or "http://127.0.0.1:8000"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to outside services
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "mp3",
    "m4a",
    "ogg",
    "wav",
    "mp4",
    "webm",
    "csv",
    "docx",
    "xlsx",
    "pptx",
    "txt",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # podcast audio can be large
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_I18N_ENABLED = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# LOG_LEVEL (default WARNING; INFO in production) and LOG_FORMAT=json for JSON lines.
LOGGING = environment.logging_config(os.environ, default_level="WARNING")

# Peninsula's own settings.
PENINSULA_LISTING_PAGE_SIZE = 20
# Serve uploaded media from Django itself; production.py turns this off (the web server does it).
PENINSULA_SERVE_MEDIA = True
# `peninsula serve` starts a task worker beside the web server (a child process), so one
# command runs the whole site; 0 turns it off. production.py defaults to off: there the
# worker is its own process (`peninsula worker`), started and restarted by the supervisor.
PENINSULA_SERVE_WORKER = os.environ.get("PENINSULA_SERVE_WORKER", "1") != "0"
PENINSULA_COUNT_CACHE_SECONDS = 30
# A listing's "N publications found" is remembered until the archive changes; this long at
# most, which bounds how stale a count can be in a process that did not see the change
# (each process has its own local-memory cache unless Redis is configured).
PENINSULA_LISTING_COUNT_CACHE_SECONDS = 60
# Shared caches (nginx, a CDN) keep public pages this long; publishing purges what it
# changes. 0: no shared caching. See docs/caching.md.
PENINSULA_CACHE_SECONDS = int(os.environ.get("PENINSULA_CACHE_SECONDS", "300"))
# Where purges go: nginx's purge address (PENINSULA_PURGE_URL) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("PENINSULA_PURGE_URL"):
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "peninsula.caching.backends.NginxPurgeBackend",
        "LOCATION": os.environ["PENINSULA_PURGE_URL"],
    }
if os.environ.get("PENINSULA_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["PENINSULA_CLOUDFLARE_ZONE_ID"],
        # A KeyError here names the missing variable: a zone without a token cannot purge.
        "BEARER_TOKEN": os.environ["PENINSULA_CLOUDFLARE_API_TOKEN"],
    }
# Syndication (feeds, calendars, sitemaps, API): see docs/syndication.md.
PENINSULA_FEED_LENGTH = 50  # entries per feed
PENINSULA_FEED_MAX_AGE = 300  # Cache-Control max-age of feeds and API answers, in seconds
PENINSULA_CALENDAR_LENGTH = 500  # upcoming events in the subscribable calendar
PENINSULA_SITEMAP_LIMIT = 50_000  # URLs per sitemap file (the protocol's maximum)
PENINSULA_PODCAST_CATEGORY = ("News", "Politics")  # Apple Podcasts category, subcategory

# Public forms (event registration, contact and enquiry pages): see docs/editors.md.
PENINSULA_FORM_MIN_SECONDS = 3  # a form sent back sooner is taken for a bot's
PENINSULA_FORM_MAX_AGE_SECONDS = 24 * 3600  # a form shown longer ago is shown again
# Event reminders go to confirmed registrations once the event is this close.
PENINSULA_REMINDER_HOURS = 24

# Newsletters: see docs/newsletters.md.
# May carry a display name: "Harbour Institute <news@example.org>".
DEFAULT_FROM_EMAIL = environment.from_email(
    os.environ, "DEFAULT_FROM_EMAIL", "newsletter@localhost"
)
# Error emails to ADMINS come from here too (Django's default, root@localhost, bounces).
SERVER_EMAIL = environment.from_email(os.environ, "SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = 30  # seconds; below the sending lease, so a hung server never outlives it
# The mail server or provider: EMAIL_URL, or EMAIL_HOST/EMAIL_PORT/..., or
# PENINSULA_EMAIL_PROVIDER with PENINSULA_EMAIL_API_KEY. Nothing set: SMTP on localhost:25.
_email, _anymail = environment.email(os.environ)
globals().update(_email)  # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT... by Django's own names
PENINSULA_NEWSLETTER_FROM = environment.from_email(
    os.environ, "PENINSULA_NEWSLETTER_FROM", DEFAULT_FROM_EMAIL
)
PENINSULA_NEWSLETTER_MESSAGE_DOMAIN = os.environ.get("PENINSULA_NEWSLETTER_DOMAIN", "localhost")
PENINSULA_NEWSLETTER_EMAIL_BACKEND = None  # None: EMAIL_BACKEND; or an anymail backend
PENINSULA_NEWSLETTER_QUEUE = "default"  # task queue for sending; give mail its own if you like
# Messages per second across all sender lanes; 0 means no cap.
PENINSULA_NEWSLETTER_RATE = float(os.environ.get("PENINSULA_NEWSLETTER_RATE", "0"))
PENINSULA_NEWSLETTER_CONCURRENCY = int(os.environ.get("PENINSULA_NEWSLETTER_CONCURRENCY", "2"))
PENINSULA_NEWSLETTER_BATCH_SIZE = 500  # deliveries per batch (and per queuing transaction)
PENINSULA_NEWSLETTER_LEASE_SECONDS = 90  # a sender silent this long is presumed dead
PENINSULA_NEWSLETTER_SWEEP_SECONDS = 15  # how often each worker looks for stalled work
PENINSULA_NEWSLETTER_DIGEST_SWEEP_SECONDS = 3600  # how often weekly digests are considered
PENINSULA_NEWSLETTER_MAX_ATTEMPTS = 5  # temporary SMTP failures before giving up
PENINSULA_NEWSLETTER_RETRY_SECONDS = 60  # first retry delay; doubles each time
PENINSULA_NEWSLETTER_MAX_RETRY_WAIT = 300  # a sender waits this long for retries in its batch
PENINSULA_NEWSLETTER_SOFT_BOUNCE_LIMIT = 3  # soft bounces before mail stops (hard: at once)
PENINSULA_NEWSLETTER_CONFIRM_DAYS = 7
PENINSULA_NEWSLETTER_RESEND_MINUTES = 5  # at most one confirmation email per address per this
PENINSULA_NEWSLETTER_RATE_LIMIT = (10, 600)  # POSTs per IP per window (seconds) and endpoint
# Count how often each campaign's emails are opened (a 1x1 image from this site): off by
# default, since mail programs block or prefetch images and the figure misleads (docs/newsletters.md).
PENINSULA_NEWSLETTER_TRACK_OPENS = os.environ.get("PENINSULA_NEWSLETTER_TRACK_OPENS", "") == "1"
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", ""), **_anymail}

# Processes that read and analyze pages in a search index rebuild (unset: one per core, up to 4).
PENINSULA_SEARCH_WORKERS = (
    int(os.environ["PENINSULA_SEARCH_WORKERS"])
    if os.environ.get("PENINSULA_SEARCH_WORKERS")
    else None
)
# Text indexed per page and field, in millions of characters (search/limits.py): analysis
# costs many times the text's size, so one enormous page cannot make indexing hold gigabytes.
PENINSULA_SEARCH_MAX_TEXT_MB = float(os.environ.get("PENINSULA_SEARCH_MAX_TEXT_MB", "1"))

# Imports (docs/importing.md, "Limits"): the largest export file an import reads, and the
# largest single item (a post with its body and fields) in it. An import's memory grows with
# the largest item, not with the file; a larger item refuses the file before anything is
# written, naming the item.
PENINSULA_IMPORT_MAX_FILE_MB = float(os.environ.get("PENINSULA_IMPORT_MAX_FILE_MB", "1024"))
PENINSULA_IMPORT_MAX_ITEM_MB = float(os.environ.get("PENINSULA_IMPORT_MAX_ITEM_MB", "5"))

# Security (docs/deployment.md, "Security"). Headers every response carries; production.py
# adds HTTPS-only cookies, HSTS and the redirect to HTTPS.
# How many proxies in front append to X-Forwarded-For (nginx: 1; a load balancer before it:
# 2); 0 trusts only REMOTE_ADDR. Read by peninsula.core.network.client_ip.
PENINSULA_TRUSTED_PROXIES = int(os.environ.get("PENINSULA_TRUSTED_PROXIES", "0"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: Wagtail's preview panel shows the page in a frame of the admin.
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# No inline script anywhere on the public site: scripts, styles, fonts and data come from
# this site only; videos play in YouTube's no-cookie player or Vimeo's. JSON-LD blocks are
# data, which CSP does not govern. peninsula.security.csp adds media on another origin and
# what the Wagtail admin still needs.
_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
if os.environ.get("PENINSULA_CSP_REPORT_URI"):
    _CSP["DIRECTIVES"]["report-uri"] = [os.environ["PENINSULA_CSP_REPORT_URI"]]
# PENINSULA_CSP_REPORT_ONLY=1: browsers report violations but block nothing, to try the
# policy on a site with custom templates before enforcing it.
if os.environ.get("PENINSULA_CSP_REPORT_ONLY", "") == "1":
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP
# Sign-in throttling (django-axes): after this many failures for one username from one
# address, that pair is refused, even with the right password, for the cool-off. Attempts
# are counted in the database, so every web process shares one count and one lock.
AXES_FAILURE_LIMIT = int(os.environ.get("PENINSULA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=float(os.environ.get("PENINSULA_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "peninsula.core.network.client_ip"
AXES_LOCKOUT_CALLABLE = "peninsula.security.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
