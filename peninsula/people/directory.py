"""The Experts page's filters: by area of expertise and by department, from the query string.

Unknown or malformed values filter nothing (the page says nothing matched only when a real
choice matched no one)."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count


@dataclass(frozen=True)
class Choice:
    slug: str
    name: str
    count: int


class Directory:
    def __init__(self, data, people):
        self.base = people
        self.expertise_slug = _slug(data.get("expertise"))
        self.department_slug = _slug(data.get("department"))

    @cached_property
    def expertise_choices(self) -> list[Choice]:
        """Every area held by at least one listed person, with how many hold it."""
        from peninsula.people.models import ExpertiseTag

        rows = (
            ExpertiseTag.objects.filter(tagged_people__content_object__in=self.base)
            .annotate(count=Count("tagged_people"))
            .order_by("name")
            .values_list("slug", "name", "count")
        )
        return [Choice(*row) for row in rows]

    @cached_property
    def department_choices(self) -> list[Choice]:
        from peninsula.people.models import Department

        rows = (
            Department.objects.filter(people__in=self.base)
            .annotate(count=Count("people"))
            .order_by("sort_order", "name")
            .values_list("slug", "name", "count")
        )
        return [Choice(*row) for row in rows]

    @cached_property
    def expertise(self) -> Choice | None:
        return next((c for c in self.expertise_choices if c.slug == self.expertise_slug), None)

    @cached_property
    def department(self) -> Choice | None:
        return next((c for c in self.department_choices if c.slug == self.department_slug), None)

    @property
    def is_filtered(self) -> bool:
        return bool(self.expertise or self.department)

    def people(self) -> list:
        people = self.base
        if self.expertise_slug:
            people = people.filter(expertise__slug=self.expertise_slug)
        if self.department_slug:
            people = people.filter(department__slug=self.department_slug)
        people = list(people.prefetch_related("expertise").distinct())
        return people


def _slug(value) -> str:
    value = str(value or "")[:100]
    return value if value and value.isprintable() else ""
