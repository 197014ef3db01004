from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from peninsula.core import views as core_views
from peninsula.newsletters import views as newsletter_views
from peninsula.search import views as search_views
from peninsula.syndication.api import api as syndication_api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.results, name="search"),
    path("search/suggest/", search_views.suggest, name="search-suggest"),
    path("subscribe/", newsletter_views.subscribe, name="subscribe"),
    path("newsletters/", include("peninsula.newsletters.urls")),
    path("views/", include("peninsula.audience.urls")),
    path("registrations/", include("peninsula.registrations.urls")),
    path("anymail/", include("anymail.urls")),
    path("publications/", include("peninsula.publications.urls")),
    path("", include("peninsula.home.term_urls")),  # /themes/, /regions/, /topics/
    path("", include("peninsula.syndication.urls")),
    path("api/v1/", syndication_api.urls),  # ninja reverses its own "api" namespace at the root
]

if settings.PENINSULA_SERVE_MEDIA:
    # On a laptop nothing else serves uploads; in production the web server or storage does.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{prefix}(?P<path>.*)$", core_views.serve_media, name="media"))

urlpatterns.append(path("", include(wagtail_urls)))

handler400 = "peninsula.core.views.bad_request"
handler404 = "peninsula.core.views.page_not_found"
handler500 = "peninsula.core.views.server_error"
