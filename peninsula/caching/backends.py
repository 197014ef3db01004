"""Purging an nginx cache (ngx_cache_purge) over HTTP."""

import http.client
import logging
from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("peninsula.caching")


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTPBackend (a PURGE request per URL, sent to LOCATION with the page's
    Host header), with three differences: a batch goes over one kept-alive connection;
    ngx_cache_purge's 404, which means the URL was not in the cache, is not an error (a
    publish names some forty URLs, most of them not cached at that moment); and a
    TIMEOUT (seconds, default 5), so a hung proxy never holds a worker.
    """

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 5)
        super().__init__(params)

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        connection_class = (
            http.client.HTTPSConnection
            if self.cache_scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.cache_netloc, timeout=self.timeout)
        try:
            for url in urls:
                self._purge_one(connection, url)
        finally:
            connection.close()

    def _purge_one(self, connection, url) -> None:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("PURGE", target, headers={"Host": parts.netloc})
            response = connection.getresponse()
            response.read()
        except OSError as error:  # refused, reset, timed out
            connection.close()  # the next request opens a fresh connection
            logger.warning(
                "Could not purge %s from the cache at %s: %s", url, self.cache_netloc, error
            )
            return
        if response.status not in (200, 404):
            logger.warning("Purging %s answered %s %s", url, response.status, response.reason)
