"""The series a publication goes under, chosen by the mapping, created when missing."""

from __future__ import annotations

from peninsula.importers.loader.pages import Named
from peninsula.importers.sources.base import Entry
from peninsula.publications.models import SeriesPage


class SeriesLoading:
    """Keeps `self.series` (title -> SeriesPage) so each series is looked up once a run."""

    def series_for(self, entry: Entry) -> tuple[str, str]:
        for taxonomy, slug in entry.terms:
            rule = self.mapping.rule(taxonomy, slug)
            if rule.target == "series":
                term = self.index.terms.get((taxonomy, slug))
                title = rule.name or (term.name if term else slug)
                return title, rule.publication_type or self.mapping.publication_type
        return self.mapping.series, self.mapping.publication_type

    def series_page(self, title: str) -> SeriesPage:
        if title not in self.series:
            page = SeriesPage.objects.child_of(self.home).filter(title=title).first()
            if page is None:
                page = SeriesPage(title=title, slug=self.unique_slug(self.home, Named(title)))
                self.home.add_child(instance=page)
                page.save_revision().publish()
                self.touch(page)
                self.report.created["series"] += 1
            self.series[title] = page
        return self.series[title]
