"""The documented nginx config in front of the app: a second GET is served from the
cache, publishing an edit purges it, a logged-in editor bypasses it, and only the allowed
address may purge. (The full production stack is the smoke test's; this is the cache.)"""

import http.client

import pytest
import requests

from tests import factories
from tests.caching.nginx import Nginx, require_nginx

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def nginx(migrated, live_server, settings):
    require_nginx()
    upstream = live_server.url.removeprefix("http://")
    with Nginx(upstream, settings.STATIC_ROOT, settings.MEDIA_ROOT) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {
                "BACKEND": "peninsula.caching.backends.NginxPurgeBackend",
                "LOCATION": server.purge_location,
            }
        }
        # The site's own address is the one readers use: purges name the same cache keys.
        from wagtail.models import Site

        Site.objects.filter(is_default_site=True).update(
            hostname="127.0.0.1", port=server.https_port
        )
        yield server


def get(nginx, path, **kwargs):
    return requests.get(nginx.https + path, verify=nginx.cert, timeout=10, **kwargs)


def test_cached_purged_on_publishing_and_bypassed_when_logged_in(nginx):
    series = factories.SeriesPageFactory(title="Commentary", slug="commentary")
    article = factories.ArticlePageFactory(title="First title", slug="first", series=series)
    url = "/commentary/first/"

    first, second = get(nginx, url), get(nginx, url)
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT"
    assert "First title" in second.text

    article.title = "Second title"
    article.save_revision().publish()  # autocommit here: the purge runs right away
    fresh = get(nginx, url)
    assert fresh.headers["X-Cache-Status"] == "MISS"
    assert "Second title" in fresh.text
    assert get(nginx, url).headers["X-Cache-Status"] == "HIT"

    editor = get(nginx, url, cookies={"sessionid": "an-editor"})
    assert editor.headers["X-Cache-Status"] == "BYPASS"
    assert "private" in editor.headers["Cache-Control"]
    assert get(nginx, url).headers["X-Cache-Status"] == "HIT"  # the editor's copy not kept


def test_only_the_allowed_address_may_purge(nginx):
    assert get(nginx, "/").headers["X-Cache-Status"] == "MISS"

    def purge(source):
        connection = http.client.HTTPConnection(
            "127.0.0.1", nginx.http_port, timeout=5, source_address=(source, 0)
        )
        connection.request("PURGE", "/", headers={"Host": "127.0.0.1"})
        status = connection.getresponse().status
        connection.close()
        return status

    assert purge("127.0.0.2") == 403  # loopback, but not the allowed address
    assert get(nginx, "/").headers["X-Cache-Status"] == "HIT"
    assert purge("127.0.0.1") == 200
    assert get(nginx, "/").headers["X-Cache-Status"] == "MISS"
