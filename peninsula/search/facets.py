"""Facet counts as readers see them: labelled, ordered, each a link that adds or removes
its filter."""

from dataclasses import dataclass

from django.http import QueryDict

from peninsula.search.models import DocumentKind

FACET_ORDER = [
    ("kind", "Content"),
    ("type", "Publication type"),
    ("series", "Series"),
    ("theme", "Theme"),
    ("region", "Region"),
    ("author", "Author"),
    ("year", "Year"),
]
MAX_VALUES = 12


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    href: str


@dataclass
class FacetGroup:
    name: str
    title: str
    values: list[FacetValue]


def _labels(name: str, values: list[str]) -> dict[str, str]:
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import PublicationType, SeriesPage
    from peninsula.taxonomy.models import Region, Theme

    if name == "kind":
        return {
            value: DocumentKind(value).label for value in values if value in DocumentKind.values
        }
    if name == "type":
        return {
            value: PublicationType(value).plural
            for value in values
            if value in PublicationType.values
        }
    if name == "year":
        return {value: value for value in values}
    ids = [int(value) for value in values]
    model = {"series": SeriesPage, "author": PersonPage, "theme": Theme, "region": Region}[name]
    field = "name" if name in ("theme", "region") else "title"
    return {
        str(pk): label for pk, label in model.objects.filter(pk__in=ids).values_list("pk", field)
    }


def facet_groups(
    counts: dict[str, dict[str, int]], params: QueryDict, filters: dict
) -> list[FacetGroup]:
    groups = []
    for name, title in FACET_ORDER:
        found = counts.get(name, {})
        if not found:
            continue
        if name == "year":
            ordered = sorted(found.items(), key=lambda item: item[0], reverse=True)
        else:
            ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        ordered = ordered[:MAX_VALUES]
        labels = _labels(name, [value for value, _ in ordered])
        values = []
        for value, count in ordered:
            if value not in labels:
                continue
            selected = str(filters.get(name, "")) == value
            query = params.copy()
            query.pop("page", None)
            if selected:
                query.pop(name, None)
            else:
                query[name] = value
            values.append(
                FacetValue(value, labels[value], count, selected, "?" + query.urlencode())
            )
        if values:
            groups.append(FacetGroup(name, title, values))
    return groups
