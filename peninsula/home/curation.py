"""What an editor chose for a page (publications, people), read in as few queries as can be.

Choices are stored as page ids in a StreamField; they are read from its stored JSON, so
nothing is loaded twice, and only live pages are shown, in the order chosen."""

from collections.abc import Iterable


def chosen_ids(stream) -> list[int]:
    """The page ids in a StreamField of page choosers (or a ListBlock's raw value)."""
    raw = getattr(stream, "raw_data", stream) or []
    ids = []
    for item in raw:
        value = item.get("value") if isinstance(item, dict) else item
        if isinstance(value, dict):  # a ListBlock item {"type": "item", "value": id}
            value = value.get("value")
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return list(dict.fromkeys(ids))


def publication_cards(ids: Iterable[int]) -> list:
    """Live publications as cards (with their authors), in the order of `ids`: two queries."""
    from peninsula.publications.listing import cards, with_bylines
    from peninsula.publications.models import PublicationPage

    ids = list(ids)
    if not ids:
        return []
    found = {item.pk: item for item in cards(PublicationPage.objects.listed().filter(pk__in=ids))}
    return with_bylines([found[pk] for pk in ids if pk in found])


def people(ids: Iterable[int]) -> list:
    """Live person pages with their photos, in the order of `ids`: one query."""
    from peninsula.people.models import PersonPage

    ids = list(ids)
    if not ids:
        return []
    found = PersonPage.objects.live().filter(pk__in=ids).select_related("photo", "department")
    found = {person.pk: person for person in found}
    return [found[pk] for pk in ids if pk in found]
