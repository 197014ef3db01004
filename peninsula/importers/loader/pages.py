"""Posts into publications and pages into standard pages, each with one revision."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction, Revision

from peninsula.home.models import StandardPage
from peninsula.importers.blocks import parse, plain_text, tree_text, tree_to_blocks
from peninsula.importers.links import EntryResolver
from peninsula.importers.sources.base import Entry
from peninsula.publications.models import (
    ArticlePage,
    BriefPage,
    PodcastEpisodePage,
    PublicationAuthor,
    ReportPage,
    VideoPage,
)

PUBLICATION_MODELS = {
    "article": ArticlePage,
    "brief": BriefPage,
    "report": ReportPage,
    "podcast": PodcastEpisodePage,
    "video": VideoPage,
}
SUMMARY_WORDS = 55  # what WordPress shows when a post has no excerpt
UNTITLED = "(no title)"


class PageLoading:
    """Writes entries: new publications through `self.batch`, everything else one by one.

    Keeps `self.page_ids` (entry key -> page id), `self.sibling_slugs` and `self.moves`."""

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
        for field, terms in self.terms_for(entry).items():
            getattr(page, field).set(terms)
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
                restriction_type, password = restriction
                self.batch.add_row(
                    PageViewRestriction(
                        page_id=page.pk, restriction_type=restriction_type, password=password
                    )
                )
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

    def move_pages(self):
        """WordPress pages whose parent page came later in the file go under it now."""
        for key, parent_key in self.moves:
            page_id, parent_id = self.page_ids.get(key), self.page_ids.get(parent_key)
            if page_id and parent_id:
                page, parent = Page.objects.get(pk=page_id), Page.objects.get(pk=parent_id)
                if not page.is_descendant_of(parent) and not parent.is_descendant_of(page):
                    page.move(parent, pos="last-child")


class Named:
    """Just enough of an entry for unique_slug."""

    def __init__(self, title: str):
        self.slug, self.title, self.kind, self.key = "", title, "page", "x"


def _aware(value: datetime.datetime | None, utc: bool = False) -> datetime.datetime | None:
    if value is None:
        return None
    if utc:
        return value.replace(tzinfo=datetime.UTC)
    return timezone.make_aware(value) if timezone.is_naive(value) else value
