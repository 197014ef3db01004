"""What goes in every page's <head> for search engines, social cards, scholars and feed
readers: canonical URL, OpenGraph and Twitter cards, schema.org JSON-LD, Google Scholar
citation tags and <link rel="alternate"> feeds. Built from the template context.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.urls import reverse
from wagtail.models import Page

from peninsula.home.models import HomePage
from peninsula.people.models import PersonPage
from peninsula.publications.models import PublicationPage, PublicationType, SeriesPage
from peninsula.syndication import jsonld
from peninsula.syndication.scopes import Scope, scope_for_context, site_scope

OG_IMAGE = "fill-1200x630"
PERSON_IMAGE = "fill-400x400"


@dataclass
class Image:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class Metadata:
    canonical: str
    site_name: str
    title: str
    description: str = ""
    og_type: str = "website"
    image: Image | None = None
    og_extra: list = field(default_factory=list)  # (property, content)
    twitter_site: str = ""
    citation: list = field(default_factory=list)  # (name, content)
    alternates: list = field(default_factory=list)  # (title, url, mime type)
    json_ld: list = field(default_factory=list)  # script-safe JSON strings


def page_metadata(context) -> Metadata | None:
    request = context.get("request")
    institute = context.get("institute")
    if request is None or institute is None:
        return None
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    term = context.get("term")
    meta = Metadata(
        canonical=canonical_url(request, page),
        site_name=institute.name,
        title=_title(context, page, term, institute),
        description=_description(page, term, institute),
        twitter_site=_handle(institute.x_url),
    )
    ctx = jsonld.Context(request, institute, meta.canonical)
    meta.image = _image(page, request)
    ctx.image_url = meta.image.url if meta.image else ""
    meta.alternates = alternates(context, page, institute.name)
    blocks = []
    if isinstance(page, PublicationPage):
        meta.og_type = "article"
        meta.og_extra = _article_tags(page, ctx)
        blocks.append(jsonld.publication(page, ctx))
        if page.publication_type == PublicationType.REPORT:
            meta.citation = citation_tags(page, ctx)
    elif isinstance(page, PersonPage):
        meta.og_type = "profile"
        blocks.append(jsonld.person(page, ctx))
    elif isinstance(page, HomePage) or request.path == "/":
        blocks += [{**jsonld.organization(ctx), "@context": jsonld.SCHEMA}, jsonld.website(ctx)]
    trail = breadcrumb_trail(page, term, context, ctx)
    if len(trail) > 1:
        blocks.append(jsonld.breadcrumbs(trail, ctx))
    meta.json_ld = [jsonld.script_json(block) for block in blocks]
    return meta


def canonical_url(request, page) -> str:
    """The page's own URL; on a listing, page 2 onwards keep their page number."""
    path = page.get_url(request) if page is not None and page.pk else request.path
    url = request.build_absolute_uri(urlsplit(path).path if "://" not in path else path)
    number = request.GET.get("page", "")
    return f"{url}?page={number}" if number.isdigit() and int(number) > 1 else url


def _title(context, page, term, institute) -> str:
    if page is not None:
        return page.seo_title or page.title
    if term is not None:
        return term.name
    return context.get("title") or institute.name


def _description(page, term, institute) -> str:
    candidates = [getattr(page, "search_description", "")]
    if page is not None:
        for name in ("summary", "introduction", "subtitle"):
            candidates.append(getattr(page, name, "") or "")
    if term is not None:
        candidates.append(term.description)
    candidates.append(institute.tagline)
    return " ".join(next((text for text in candidates if text), "").split())


def _handle(x_url: str) -> str:
    name = urlsplit(x_url).path.strip("/").split("/")[0] if x_url else ""
    return f"@{name}" if name else ""


def _image(page, request) -> Image | None:
    if isinstance(page, PublicationPage):
        image, spec = page.hero_image, OG_IMAGE
    elif isinstance(page, PersonPage):
        image, spec = page.photo, PERSON_IMAGE
    elif isinstance(page, SeriesPage):
        image, spec = page.image, OG_IMAGE
    else:
        return None
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return Image(
        request.build_absolute_uri(rendition.url),
        rendition.width,
        rendition.height,
        image.default_alt_text,
    )


def _article_tags(page, ctx) -> list:
    tags = [("article:published_time", page.date.isoformat())]
    if page.last_published_at:
        tags.append(("article:modified_time", page.last_published_at.isoformat()))
    tags += [
        ("article:author", ctx.absolute(person.get_url(ctx.request)))
        for person in page.author_people
    ]
    if page.series:
        tags.append(("article:section", page.series.title))
    tags += [("article:tag", term.name) for term in page.classification["themes"]]
    return tags


def citation_tags(page, ctx) -> list:
    """Google Scholar's Highwire Press tags (https://scholar.google.com/intl/en/scholar/inclusion.html)."""
    tags = [("citation_title", page.title)]
    tags += [("citation_author", person.sort_name or person.title) for person in page.author_people]
    tags.append(("citation_publication_date", page.date.strftime("%Y/%m/%d")))
    tags.append(("citation_technical_report_institution", ctx.institute.name))
    tags.append(("citation_publisher", ctx.institute.name))
    if page.pdf:
        tags.append(("citation_pdf_url", ctx.absolute(page.pdf.url)))
    tags.append(("citation_abstract_html_url", ctx.url))
    return tags


def breadcrumb_trail(page, term, context, ctx) -> list:
    home = (ctx.institute.name, ctx.absolute("/"))
    here = ctx.url.split("?")[0]  # page 2 of a listing is still the listing
    if isinstance(page, PublicationPage):
        trail = [home]
        if page.series:
            trail.append((page.series.title, ctx.absolute(page.series.url)))
        return [*trail, (page.title, ctx.url)]
    if page is not None:
        if page.depth <= 2:
            return [home]
        ancestors = page.get_ancestors().filter(depth__gt=2).only("title", "url_path")
        return [
            home,
            *[(a.title, ctx.absolute(a.get_url(ctx.request))) for a in ancestors],
            (page.title, ctx.url),
        ]
    if term is not None:
        index = reverse(f"taxonomy:{term.publication_field}")
        label = type(term)._meta.verbose_name_plural.capitalize()
        return [home, (label, ctx.absolute(index)), (term.name, here)]
    if context.get("title"):
        return [home, (context["title"], here)]
    return [home]


def alternates(context, page, site_name) -> list:
    """The site's feeds, the feeds of what this page stands for, and its podcast or calendar."""
    links = site_scope().alternates(site_name)
    scope = scope_for_context(context)
    is_publication = isinstance(page, PublicationPage)
    if is_publication and page.series:
        scope = Scope(page.series.title, page.series.url, "series", series_slug(page))
    if scope.kind:
        links += scope.alternates(site_name)
    if _has_podcast(page):
        slug, title = (
            (page.slug, page.title)
            if isinstance(page, SeriesPage)
            else (
                series_slug(page),
                page.series.title,
            )
        )
        url = reverse("syndication:podcast", args=[slug])
        links.append((f"{title} (podcast)", url, "application/rss+xml"))
    is_event = is_publication and page.publication_type == PublicationType.EVENT
    if is_event:
        url = reverse("syndication:event_ics", args=[page.pk])
        links.append((f"{page.title} (iCalendar)", url, "text/calendar"))
    if is_event or context.get("kind") == PublicationType.EVENT:
        url = reverse("syndication:events_ics")
        links.append((f"{site_name}: upcoming events", url, "text/calendar"))
    return links


def series_slug(page) -> str:
    """A publication's series slug, from its own tree path: its parent's last segment."""
    return page.url_path.strip("/").split("/")[-2]


def _has_podcast(page) -> bool:
    if isinstance(page, SeriesPage):
        return (
            PublicationPage.objects.listed()
            .filter(series_page=page, publication_type=PublicationType.PODCAST)
            .exists()
        )
    return (
        isinstance(page, PublicationPage)
        and page.publication_type == PublicationType.PODCAST
        and page.series is not None
    )
