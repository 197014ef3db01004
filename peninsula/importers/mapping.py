"""The mapping file: what categories, tags and authors become. Optional; see docs/importing.md.

[defaults]
series = "Imported posts"       # the series for posts no category puts elsewhere
publication_type = "article"    # article, brief, report, podcast, video
categories = "theme"            # what other categories become: theme, region, topic, ignore
tags = "topic"
list_people_as_experts = false  # list imported authors on the Experts page

[categories]
uncategorized = "ignore"
commentary = { as = "series", name = "The Peninsula" }
papers = { as = "series", name = "Reports and Papers", type = "report" }
north-korea = "region"

[tags]
asia = { as = "region", name = "Asia" }

[authors]
jpark = "Jane Park"             # a WordPress login -> a person's name (existing or new)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

TARGETS = {"series", "theme", "region", "topic", "ignore"}
TERM_TARGETS = TARGETS - {"series"}
# Events need a start and a venue that WordPress posts do not have, so they are not offered.
PUBLICATION_TYPES = {"article", "brief", "report", "podcast", "video"}


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    target: str
    name: str = ""  # the series, theme, region or topic's name; empty means the term's own
    publication_type: str = ""


@dataclass
class Mapping:
    series: str = "Imported posts"
    publication_type: str = "article"
    categories_default: str = "theme"
    tags_default: str = "topic"
    list_people_as_experts: bool = False
    categories: dict[str, Rule] = field(default_factory=lambda: {"uncategorized": Rule("ignore")})
    tags: dict[str, Rule] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)

    def rule(self, taxonomy: str, slug: str) -> Rule:
        if taxonomy == "category":
            return self.categories.get(slug) or Rule(self.categories_default)
        if taxonomy == "tag":
            return self.tags.get(slug) or Rule(self.tags_default)
        return Rule("ignore")  # post formats, menus and other taxonomies


def load_mapping(text: str | None, *, name: str = "the mapping file") -> Mapping:
    """Read a mapping file's TOML; raise MappingError saying what to change where."""
    mapping = Mapping()
    if not text:
        return mapping
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(f"{name} is not valid TOML: {error}.") from error
    unknown = set(data) - {"defaults", "categories", "tags", "authors"}
    if unknown:
        raise MappingError(
            f"{name} has unknown sections {sorted(unknown)}; use [defaults], [categories], "
            "[tags] and [authors]."
        )
    defaults = data.get("defaults", {})
    for key, value in defaults.items():
        where = f"{name}, [defaults] {key}"
        if key == "series":
            mapping.series = _string(value, where)
        elif key == "publication_type":
            mapping.publication_type = _choice(value, PUBLICATION_TYPES, where)
        elif key == "categories":
            mapping.categories_default = _choice(value, TERM_TARGETS, where)
        elif key == "tags":
            mapping.tags_default = _choice(value, TERM_TARGETS, where)
        elif key == "list_people_as_experts":
            if not isinstance(value, bool):
                raise MappingError(f"{where} must be true or false.")
            mapping.list_people_as_experts = value
        else:
            raise MappingError(
                f"{where} is not a setting; use series, publication_type, categories, tags or "
                "list_people_as_experts."
            )
    for section in ("categories", "tags"):
        for slug, value in data.get(section, {}).items():
            getattr(mapping, section)[slug] = _rule(value, f"{name}, [{section}] {slug}")
    for login, person in data.get("authors", {}).items():
        mapping.authors[login] = _string(person, f"{name}, [authors] {login}")
    return mapping


def _rule(value, where: str) -> Rule:
    if isinstance(value, str):
        target = _choice(value, TARGETS, where)
        return Rule(target)
    if not isinstance(value, dict):
        raise MappingError(f'{where} must be a word such as "theme" or a table {{ as = ... }}.')
    unknown = set(value) - {"as", "name", "type"}
    if unknown:
        raise MappingError(f"{where} has unknown keys {sorted(unknown)}; use as, name and type.")
    if "as" not in value:
        raise MappingError(f"{where} needs `as`, one of {', '.join(sorted(TARGETS))}.")
    target = _choice(value["as"], TARGETS, where)
    kind = value.get("type", "")
    if kind and target != "series":
        raise MappingError(f'{where}: `type` only applies with as = "series".')
    if kind:
        kind = _choice(kind, PUBLICATION_TYPES, where + " type")
    name = _string(value["name"], where + " name") if "name" in value else ""
    return Rule(target, name, kind)


def _string(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MappingError(f"{where} must be a non-empty string.")
    return value.strip()


def _choice(value, choices, where: str) -> str:
    if value not in choices:
        raise MappingError(f"{where} is {value!r}; use one of {', '.join(sorted(choices))}.")
    return value
