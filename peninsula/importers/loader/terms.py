"""Categories and tags into themes, regions and topics, as the mapping says."""

from __future__ import annotations

from django.utils.text import slugify

from peninsula.importers.sources.base import Entry
from peninsula.taxonomy.models import TAXONOMIES, taxonomy_named


class TermLoading:
    """Keeps `self.terms` ((taxonomy, name) -> term) so each term is looked up once a run."""

    def terms_for(self, entry: Entry) -> dict[str, list]:
        """The entry's terms by publication field ("themes": [...], ...), created if new."""
        found: dict[str, list] = {field: [] for field in TAXONOMIES}
        for taxonomy, slug in entry.terms:
            rule = self.mapping.rule(taxonomy, slug)
            if rule.target in ("series", "ignore"):
                continue
            model = taxonomy_named(rule.target)
            term = self.index.terms.get((taxonomy, slug))
            name = (rule.name or (term.name if term else slug))[:255]
            key = (rule.target, name)
            if key not in self.terms:
                existing = (
                    model.objects.filter(name=name).first()
                    or model.objects.filter(slug=slugify(name, allow_unicode=True)[:255]).first()
                )
                if existing is None:
                    existing = model.objects.create(name=name)
                    self.touch(existing)
                    self.report.created[model._meta.verbose_name_plural] += 1
                self.terms[key] = existing
            if self.terms[key] not in found[model.publication_field]:
                found[model.publication_field].append(self.terms[key])
        return found
