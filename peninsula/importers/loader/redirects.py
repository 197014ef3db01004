"""The source's old addresses, redirected to the pages and files they became."""

from __future__ import annotations

from wagtail.models import Page

from peninsula.importers.links import redirect_path, save_redirects


class RedirectLoading:
    """Collects `self.redirects` (old path -> page id, link) and saves them in one go."""

    def add_redirects(self):
        total = len(self.index.entries) + len(self.index.media)
        done = 0
        pages = Page.objects.in_bulk(self.page_ids.values())
        for key, summary in self.index.entries.items():
            done += 1
            self.progress("Redirects", done, total)
            page = pages.get(self.page_ids.get(key))
            if page is not None and summary.url:
                self.redirect(summary.url, page=page)
        for key, media in self.index.media.items():
            done += 1
            self.progress("Redirects", done, total)
            stored = self.media.get(key)
            if stored is None:
                continue
            if media.url:
                self.redirect(media.url, link=stored[3])
            parent = pages.get(self.page_ids.get(media.parent))
            if media.page_url:
                self.redirect(media.page_url, page=parent, link=stored[3])

    def redirect(self, old_url: str, *, page=None, link: str = ""):
        old_path = redirect_path(old_url, page)
        if old_path:
            self.redirects[old_path] = (page.pk if page else None, "" if page else link[:255])

    def save_redirects(self):
        self.report.redirects = save_redirects(self.redirects)
