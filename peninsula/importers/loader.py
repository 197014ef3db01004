"""Writes what a source reads into Peninsula: people, taxonomy, series, media, pages, redirects.

The loader does not commit: `actions.import_file` runs it inside one transaction, so a run
either completes or leaves nothing behind. Each source item is recorded in ImportedItem
with a checksum, so a re-run updates what changed, skips what did not and adds what is new.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction, Revision

from peninsula.home.models import HomePage, StandardPage
from peninsula.importers.batch import PageBatch
from peninsula.importers.blocks import parse, plain_text, tree_text, tree_to_blocks
from peninsula.importers.indexing import per_save_indexing_off
from peninsula.importers.links import EntryResolver, UrlIndex, redirect_path, save_redirects
from peninsula.importers.mapping import Mapping
from peninsula.importers.media import MediaLibrary
from peninsula.importers.models import ImportedItem
from peninsula.importers.report import Report
from peninsula.importers.sources.base import Entry, Source
from peninsula.people.models import PeopleIndexPage, PersonPage
from peninsula.publications.counts import refresh_published_count
from peninsula.publications.models import (
    ArticlePage,
    BriefPage,
    PodcastEpisodePage,
    PublicationAuthor,
    ReportPage,
    SeriesPage,
    VideoPage,
)
from peninsula.taxonomy.models import Region, Theme, Topic

PUBLICATION_MODELS = {
    "article": ArticlePage,
    "brief": BriefPage,
    "report": ReportPage,
    "podcast": PodcastEpisodePage,
    "video": VideoPage,
}
TAXONOMY_MODELS = {"theme": Theme, "region": Region, "topic": Topic}
SUMMARY_WORDS = 55  # what WordPress shows when a post has no excerpt
UNTITLED = "(no title)"

ProgressCallback = Callable[[str, int, int], None]


class Loader:
    def __init__(
        self,
        source: Source,
        *,
        uploads_dir: str | None = None,
        mapping: Mapping | None = None,
        mapping_text: str = "",
        report: Report | None = None,
        progress: ProgressCallback | None = None,
    ):
        self.source = source
        self.mapping = mapping or Mapping()
        self.mapping_text = mapping_text
        self.library = MediaLibrary(uploads_dir)
        self.report = report or Report()
        self.progress = progress or (lambda stage, done, total: None)
        self.media: dict[str, tuple[str, int, str, str]] = {}  # key -> (kind, id, caption, url)
        self.page_ids: dict[str, int] = {}  # entry key -> page id
        self.person_ids: dict[str, int] = {}
        self.series: dict[str, SeriesPage] = {}
        self.terms: dict[tuple[str, str], object] = {}
        self.sibling_slugs: dict[int, set[str]] = {}
        self.moves: list[tuple[int, str]] = []  # (page id, parent entry key)
        self.touched: dict[str, set[int]] = {}  # "app.model" -> ids, to index at the end
        self.redirects: dict[str, tuple[int | None, str]] = {}  # old path -> (page id, link)
        self.batch = PageBatch()  # new publications, written together

    # The run -----------------------------------------------------------------------------
    def run(self) -> Report:
        with per_save_indexing_off():
            self._run()
        return self.report

    def queue_indexing(self):
        """One task that indexes everything this run touched (call after it is committed)."""
        from peninsula.importers.tasks import index_imported

        if self.touched:
            index_imported.enqueue(self.touched_ids())

    def index_touched(self):
        """Index everything this run touched here and now (call after it is committed); for
        the command line, where no worker may be running to take a queued task."""
        from peninsula.importers.indexing import index_objects

        if self.touched:
            index_objects(self.touched_ids(), progress=self.progress)

    def touched_ids(self) -> dict[str, list[int]]:
        return {label: sorted(ids) for label, ids in self.touched.items()}

    def touch(self, obj):
        self.touched.setdefault(obj._meta.label_lower, set()).add(obj.pk)

    def _run(self):
        self.index = self.source.scan(lambda done, total: self.progress("Reading", done, total))
        for reason, count in self.index.skipped.items():
            examples = self.index.skipped_examples.get(reason) or [""]
            self.report.skip(reason, examples[0], count)
            for example in examples[1:]:  # each duplicate id is worth naming, for one
                self.report.skip(reason, example, 0)
        self.urls = UrlIndex(self.index)
        self.origin = self.index.origin
        self.home = HomePage.objects.first()
        if self.home is None:
            raise LookupError("There is no home page: run `peninsula manage migrate` first.")
        self.known = {
            (item.kind, item.source_id): item
            for item in ImportedItem.objects.filter(source=self.source.name, origin=self.origin)
        }
        live_ids = set(
            Page.objects.values_list("pk", flat=True).filter(
                pk__in=[
                    item.object_id for item in self.known.values() if item.kind in {"post", "page"}
                ]
            )
        )
        for (kind, key), item in self.known.items():
            if kind in {"post", "page"} and item.object_id in live_ids:
                self.page_ids[key] = item.object_id
        self.import_media()
        self.settings_digest = hashlib.sha256(
            (self.mapping_text + "|" + ",".join(sorted(self.media))).encode()
        ).hexdigest()[:16]
        forward = self.import_entries()
        if forward:
            self.import_entries(only=forward)
        self.move_pages()
        self.add_redirects()
        self.save_redirects()
        refresh_published_count()

    def remember(
        self, kind: str, key: str, obj, checksum: str = "", old_url: str = "", pending=False
    ):
        values = {
            "object_id": obj.pk,
            "object_model": obj._meta.label_lower,
            "checksum": checksum,
            "old_url": old_url[:1000],
        }
        item = self.known.get((kind, key))
        if item is None:
            item = ImportedItem(
                source=self.source.name, origin=self.origin, kind=kind, source_id=key, **values
            )
            if pending:  # written with its page, in the batch
                self.batch.remember(item)
            else:
                item.save()
            self.known[(kind, key)] = item
        elif any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, value)
            item.save()

    # Media -------------------------------------------------------------------------------
    def import_media(self):
        total = len(self.index.media)
        for done, (key, media) in enumerate(self.index.media.items(), 1):
            self.progress("Media", done, total)
            where = f"attachment {key} {media.relative_path or media.url}"
            kind = self.library.kind_of(media)
            if kind is None:
                self.report.skip("attachment of a type Peninsula does not store", where)
                continue
            path = self.library.locate(media)
            if path is None:
                reason = (
                    "attachment file missing from --uploads"
                    if self.library.uploads
                    else "attachment not imported: no --uploads folder given"
                )
                self.report.skip(reason, where)
                continue
            known = self.known.get(("attachment", key))
            existing = None
            model = _model_for(kind)
            if known is not None:
                existing = model.objects.filter(pk=known.object_id).first()
            try:
                # A savepoint: a file Pillow cannot read fails alone, not the whole run.
                with transaction.atomic():
                    item, created = self.library.save(media, kind, path, existing)
            except Exception as error:
                self.report.skip(f"attachment file unreadable ({type(error).__name__})", where)
                continue
            plural = "images" if kind == "image" else "documents"
            self.touch(item)
            if created:
                self.report.created[plural] += 1
            elif known is not None and existing is not None and existing.pk == item.pk:
                self.report.unchanged[plural] += 1
            else:
                self.report.unchanged[plural + " (same file already in the library)"] += 1
            caption = getattr(item, "caption", "") or plain_text(media.caption)
            self.media[key] = (
                kind,
                item.pk,
                caption,
                item.file.url if kind == "image" else item.url,
            )
            self.remember("attachment", key, item, old_url=media.url)

    # Entries -----------------------------------------------------------------------------
    def import_entries(self, only: set[str] | None = None) -> set[str]:
        """Import every entry (or those in `only`); return keys whose links point forward."""
        total = len(only) if only is not None else len(self.index.entries)
        stage = "Linking" if only is not None else "Posts and pages"
        forward: set[str] = set()
        for done, entry in enumerate(self.source.entries(self.index, only=only), 1):
            self.progress(stage, done, total)
            if self.import_entry(entry, relink=only is not None):
                forward.add(entry.key)
            if len(self.batch) >= self.batch.size:
                self.batch.flush()
        self.batch.flush()
        return forward

    def import_entry(self, entry: Entry, relink: bool = False) -> bool:
        kind = entry.kind
        plural = "publications" if kind == "post" else "pages"
        checksum = f"{entry.checksum[:40]}:{self.settings_digest}"
        known = self.known.get((kind, entry.key))
        page = None
        created = known is None or entry.key not in self.page_ids
        if kind != "post" or not created:
            self.batch.flush()  # only new publications wait in the batch
        if known is not None and entry.key in self.page_ids:
            if known.checksum == checksum and not relink:
                self.report.unchanged[plural] += 1
                return False
            page = Page.objects.get(pk=known.object_id).specific
            if page.latest_revision_id and page.latest_revision.user_id:
                self.report.skip(
                    "edited in Peninsula since it was imported; left as it is",
                    f"line {entry.line}: {kind} {entry.key}",
                )
                return False
        resolver = EntryResolver(self, entry)
        for note in entry.notes:
            resolver.note(note)
        tree = parse(entry.html, note=resolver.note)  # once, for the blocks and the summary
        text = tree_text(tree) if kind == "post" and not entry.excerpt else ""
        body = tree_to_blocks(tree, resolver)
        if kind == "post":
            page = self.fill_publication(page, entry, body, text)
        else:
            page = self.fill_standard_page(page, entry, body)
        if page is None:
            return False
        self.save_page(page, entry, created=created)
        if not relink:
            if created:
                self.report.created[plural] += 1
            else:
                self.report.updated[plural] += 1
        self.page_ids[entry.key] = page.pk
        pending = created and kind == "post"
        self.remember(kind, entry.key, page, checksum=checksum, old_url=entry.url, pending=pending)
        return resolver.forward_links and not relink

    def fill_publication(self, page, entry: Entry, body: list[dict], text: str = ""):
        series_title, kind = self.series_for(entry)
        model = PUBLICATION_MODELS[kind]
        if page is None:
            page = model()
            self.parent = self.series_page(series_title)
            page.slug = self.unique_slug(self.parent, entry)
        elif type(page) is not model:
            self.report.warn(
                "publication type changed in the mapping; the page keeps its type",
                f"{entry.kind} {entry.key}",
            )
        page.title = (entry.title or UNTITLED)[:255]
        page.date = (entry.date or entry.date_gmt or timezone.now()).date()
        page.summary = self.summary(entry, text)
        page.body = StreamValue(page.body.stream_block, body, is_lazy=True)
        page.featured = entry.sticky
        featured = self.media.get(entry.featured_media)
        if entry.featured_media and featured is None:
            self.report.warn("featured image not imported", f"{entry.kind} {entry.key}")
        if featured and featured[0] == "image":
            page.hero_image_id = featured[1]
            page.hero_caption = featured[2][:500]
        page.authors = [
            PublicationAuthor(person_id=person_id, sort_order=order)
            for order, person_id in enumerate(self.people_for(entry))
        ]
        terms = self.terms_for(entry)
        page.themes.set(terms["theme"])
        page.regions.set(terms["region"])
        page.topics.set(terms["topic"])
        return page

    def fill_standard_page(self, page, entry: Entry, body: list[dict]):
        if page is None:
            page = StandardPage()
            parent_id = self.page_ids.get(entry.parent) if entry.parent else None
            parent = Page.objects.filter(pk=parent_id).first() if parent_id else None
            self.parent = parent.specific if parent else self.home
            if entry.parent and parent is None and entry.parent in self.index.entries:
                self.moves.append((entry.key, entry.parent))
            page.slug = self.unique_slug(self.parent, entry)
        page.title = (entry.title or UNTITLED)[:255]
        page.introduction = plain_text(entry.excerpt) if entry.excerpt else ""
        page.body = StreamValue(page.body.stream_block, body, is_lazy=True)
        return page

    def summary(self, entry: Entry, text: str) -> str:
        """The excerpt, or the first words of `text`, the body's text."""
        if entry.excerpt:
            return plain_text(entry.excerpt)
        words = text.split()
        return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")

    def save_page(self, page, entry: Entry, created: bool):
        """Save the page and one revision, in the state WordPress had it in."""
        when = _aware(entry.date_gmt, utc=True) or _aware(entry.date) or timezone.now()
        status = entry.status
        page.live = status in {"live", "private"}
        page.go_live_at = when if status == "scheduled" else None
        if page.live:
            page.first_published_at = page.first_published_at or when
            page.last_published_at = page.last_published_at or when
        if created and entry.kind == "post":
            self.batch.add(page, self.parent)
            restriction = self.restriction_for(entry)
            if restriction:
                self.batch.restrict(page, *restriction)
            self.touch(page)
            return
        if created:
            self.parent.add_child(instance=page)
        else:
            page.save()
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            approved_go_live_at=page.go_live_at,
            content=page.serializable_data(),
            object_str=str(page),
        )
        state = {
            "latest_revision": revision,
            "latest_revision_created_at": revision.created_at,
            "draft_title": page.title,
            "has_unpublished_changes": not page.live,
            "live_revision": revision if page.live else None,
        }
        Page.objects.filter(pk=page.pk).update(**state)
        for field, value in state.items():
            setattr(page, field, value)
        self.restrict(page, entry)
        self.touch(page)

    def restrict(self, page, entry: Entry):
        """Private posts: for logged-in users only; password-protected posts keep the password."""
        restrictions = PageViewRestriction.objects.filter(page=page)
        restriction = self.restriction_for(entry)
        if restriction is None:
            restrictions.delete()
            return
        restriction_type, password = restriction
        restrictions.exclude(restriction_type=restriction_type).delete()
        PageViewRestriction.objects.update_or_create(
            page=page, restriction_type=restriction_type, defaults={"password": password}
        )

    def restriction_for(self, entry: Entry) -> tuple[str, str] | None:
        if entry.password:
            return PageViewRestriction.PASSWORD, entry.password[:255]
        if entry.status == "private":
            return PageViewRestriction.LOGIN, ""
        return None

    def unique_slug(self, parent: Page, entry: Entry) -> str:
        taken = self.sibling_slugs.get(parent.pk)
        if taken is None:
            taken = set(parent.get_children().values_list("slug", flat=True))
            self.sibling_slugs[parent.pk] = taken
        base = slugify(entry.slug or entry.title, allow_unicode=True)[:240].strip("-")
        base = base or f"{entry.kind}-{entry.key}"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    # What entries point at ---------------------------------------------------------------
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
                page = SeriesPage(title=title, slug=self.unique_slug(self.home, _Named(title)))
                self.home.add_child(instance=page)
                page.save_revision().publish()
                self.touch(page)
                self.report.created["series"] += 1
            self.series[title] = page
        return self.series[title]

    def terms_for(self, entry: Entry) -> dict[str, list]:
        found: dict[str, list] = {"theme": [], "region": [], "topic": []}
        for taxonomy, slug in entry.terms:
            rule = self.mapping.rule(taxonomy, slug)
            if rule.target not in found:
                continue
            term = self.index.terms.get((taxonomy, slug))
            name = (rule.name or (term.name if term else slug))[:255]
            key = (rule.target, name)
            if key not in self.terms:
                model = TAXONOMY_MODELS[rule.target]
                existing = (
                    model.objects.filter(name=name).first()
                    or model.objects.filter(slug=slugify(name, allow_unicode=True)[:255]).first()
                )
                if existing is None:
                    existing = model.objects.create(name=name)
                    self.touch(existing)
                    self.report.created[model._meta.verbose_name_plural] += 1
                self.terms[key] = existing
            if self.terms[key] not in found[rule.target]:
                found[rule.target].append(self.terms[key])
        return found

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
                slug=self.unique_slug(index, _Named(name)),
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

    # After all entries -------------------------------------------------------------------
    def move_pages(self):
        """WordPress pages whose parent page came later in the file go under it now."""
        for key, parent_key in self.moves:
            page_id, parent_id = self.page_ids.get(key), self.page_ids.get(parent_key)
            if page_id and parent_id:
                page, parent = Page.objects.get(pk=page_id), Page.objects.get(pk=parent_id)
                if not page.is_descendant_of(parent) and not parent.is_descendant_of(page):
                    page.move(parent, pos="last-child")

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


class _Named:
    """Just enough of an entry for unique_slug."""

    def __init__(self, title: str):
        self.slug, self.title, self.kind, self.key = "", title, "page", "x"


def _aware(value: datetime.datetime | None, utc: bool = False) -> datetime.datetime | None:
    if value is None:
        return None
    if utc:
        return value.replace(tzinfo=datetime.UTC)
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _model_for(kind: str):
    from peninsula.assets.models import CustomDocument, CustomImage

    return CustomImage if kind == "image" else CustomDocument
