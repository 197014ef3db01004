"""Authors and co-authors into person pages under the experts index."""

from __future__ import annotations

from peninsula.importers.loader.pages import Named
from peninsula.importers.sources.base import Entry
from peninsula.people.models import PeopleIndexPage, PersonPage


class PeopleLoading:
    """Keeps `self.person_ids` (login -> person page id) so each login is looked up once."""

    def people_for(self, entry: Entry) -> list[int]:
        logins = entry.coauthors or ([entry.author] if entry.author else [])
        ids = []
        for login in logins:
            person_id = self.person(login)
            if person_id not in ids:
                ids.append(person_id)
        return ids

    def person(self, login: str) -> int:
        if login in self.person_ids:
            return self.person_ids[login]
        known = self.known.get(("person", login))
        person = PersonPage.objects.filter(pk=known.object_id).first() if known else None
        record = self.index.people.get(login)
        name = self.mapping.authors.get(login) or (record.name if record else login) or login
        if person is None:
            person = PersonPage.objects.filter(title=name).first()
            if person is not None:
                self.report.unchanged["people (already in Peninsula)"] += 1
        if person is None:
            index = PeopleIndexPage.objects.first()
            if index is None:
                index = PeopleIndexPage(title="Experts", slug="experts")
                self.home.add_child(instance=index)
                index.save_revision().publish()
            # Emails stay out: a person page is public, a WordPress login's address is not.
            person = PersonPage(
                title=name[:255],
                slug=self.unique_slug(index, Named(name)),
                is_expert=self.mapping.list_people_as_experts,
            )
            index.add_child(instance=person)
            person.save_revision().publish()
            self.touch(person)
            self.report.created["people"] += 1
        elif known is not None:
            self.report.unchanged["people"] += 1
        self.remember("person", login, person)
        self.person_ids[login] = person.pk
        return person.pk
