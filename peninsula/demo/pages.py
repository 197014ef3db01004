"""The demo's editor-shaped pages: departments and expertise on the people, the News page
with its releases, a landing page, the privacy policy, chosen publications and experts on
the home page and a theme, and the header and footer menus.

Like the rest of the loader, each step looks its objects up first and leaves what exists."""

import datetime
import json

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from peninsula.demo.content import (
    DEPARTMENTS,
    HOME_EXPERTS_HEADING,
    LANDING,
    NEWS,
    NEWS_INDEX,
    PEOPLE_PROFILES,
    PRESS_CONTACT,
    PRIVACY,
)
from peninsula.demo.content import base as markup
from peninsula.demo.setup import existing_child, publish_child
from peninsula.home.models import HomePage, LandingPage, StandardPage, ThemePageContent
from peninsula.navigation.models import MenuSettings
from peninsula.people.models import Department, PeopleIndexPage
from peninsula.press.models import NewsIndexPage, NewsPage
from peninsula.publications.models import PublicationPage, SeriesPage


def ensure_editorial_pages(home: HomePage, people: dict, terms: dict, heroes: list) -> None:
    ensure_profiles(people)
    news = ensure_news(home, people)
    landing = ensure_landing(home, people, terms, heroes)
    privacy = ensure_privacy(home)
    ensure_curation(home, people, terms)
    ensure_menus(home, news=news, landing=landing, privacy=privacy)


def _stream(items) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def ensure_profiles(people: dict) -> None:
    departments = {}
    for order, (slug, name) in enumerate(DEPARTMENTS):
        departments[slug], _ = Department.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    for slug, (department, areas, media, phone) in PEOPLE_PROFILES.items():
        person = people.get(slug)
        if person is None or person.department_id:
            continue
        person.department = departments[department]
        person.expertise.set(areas)
        person.media_contact = media
        person.media_phone = phone
        person.save_revision().publish()


def ensure_news(home, people) -> NewsIndexPage:
    index = existing_child(home, NewsIndexPage, NEWS_INDEX["slug"])
    if index is None:
        index = publish_child(
            home,
            NewsIndexPage(
                title=NEWS_INDEX["title"],
                slug=NEWS_INDEX["slug"],
                introduction=NEWS_INDEX["introduction"],
                media_contact=people[PRESS_CONTACT],
            ),
        )
    today = timezone.localdate()
    for slug, kind, days_ago, location, title, summary, body in NEWS:
        if existing_child(index, NewsPage, slug):
            continue
        publish_child(
            index,
            NewsPage(
                title=title,
                slug=slug,
                kind=kind,
                date=today - datetime.timedelta(days=days_ago),
                location=location,
                summary=summary,
                body=markup.stream_data(slug, body, []),
            ),
        )
    return index


def ensure_privacy(home) -> StandardPage:
    page = existing_child(home, StandardPage, PRIVACY["slug"])
    if page:
        return page
    return publish_child(
        home,
        StandardPage(
            title=PRIVACY["title"],
            slug=PRIVACY["slug"],
            introduction=PRIVACY["introduction"],
            body=markup.stream_data("privacy", PRIVACY["body"], []),
        ),
    )


def _theme_publications(terms, theme, count):
    return list(
        PublicationPage.objects.listed()
        .filter(themes=terms["themes"][theme])
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)[:count]
    )


def ensure_landing(home, people, terms, heroes) -> LandingPage:
    page = existing_child(home, LandingPage, LANDING["slug"])
    if page:
        return page
    chosen = _theme_publications(terms, LANDING["theme"], 3)
    paragraphs = []
    for item in LANDING["text"]:
        if item.startswith("## "):
            paragraphs.append(f"<h2>{item[3:]}</h2>")
        else:
            paragraphs.append(f"<p>{markup.inline(item)}</p>")
    text = "".join(paragraphs)
    body = [
        ("text", text),
        ("publications", {"heading": LANDING["publications_heading"], "publications": chosen}),
        (
            "people",
            {
                "heading": LANDING["experts_heading"],
                "people": [people[slug].pk for slug in LANDING["experts"]],
            },
        ),
        (
            "latest",
            {
                "heading": LANDING["latest_heading"],
                "publication_type": "",
                "theme": terms["themes"][LANDING["theme"]].pk,
                "count": 3,
            },
        ),
        ("call_to_action", {**LANDING["call_to_action"], "page": None}),
    ]
    return publish_child(
        home,
        LandingPage(
            title=LANDING["title"],
            slug=LANDING["slug"],
            introduction=LANDING["introduction"],
            hero_image=heroes[LANDING["hero"] % len(heroes)],
            body=_stream(body),
        ),
    )


def ensure_curation(home, people, terms) -> None:
    """The nuclear theme's page gets chosen publications and experts; the home page a row of
    experts for journalists. Every other theme keeps the automatic defaults."""
    theme = terms["themes"][LANDING["theme"]]
    if not ThemePageContent.objects.filter(term=theme).exists():
        ThemePageContent.objects.create(
            term=theme,
            featured_publications=_stream(
                ("publication", pk) for pk in _theme_publications(terms, LANDING["theme"], 3)
            ),
            experts=_stream(("person", people[slug].pk) for slug in LANDING["experts"]),
        )
    home = HomePage.objects.get(pk=home.pk)
    if not home.body.raw_data:
        media = [
            slug
            for slug, (_, _, available, _) in PEOPLE_PROFILES.items()
            if available and slug != PRESS_CONTACT
        ][:4]
        home.body = _stream(
            [
                (
                    "people",
                    {
                        "heading": HOME_EXPERTS_HEADING,
                        "people": [people[slug].pk for slug in media],
                    },
                )
            ]
        )
        home.save_revision().publish()


def _item(page=None, label="", url="", children=()):
    return {
        "page": page.pk if page else None,
        "url": url,
        "label": label,
        "children": [
            {"type": "item", "value": {"page": c.pk if c else None, "url": u, "label": lab}}
            for c, u, lab in children
        ],
    }


def ensure_menus(home, *, news, landing, privacy) -> None:
    site = Site.objects.get(root_page=home)
    menus = MenuSettings.for_site(site)
    if menus.header.raw_data:
        return
    series = {page.slug: page for page in SeriesPage.objects.child_of(home)}
    experts = PeopleIndexPage.objects.child_of(home).first()
    about = existing_child(home, StandardPage, "about")
    types = [
        ("Commentary", "commentary"),
        ("Reports", "reports"),
        ("Briefs", "briefs"),
        ("Podcasts", "podcasts"),
        ("Events", "events"),
        ("Videos", "videos"),
    ]
    header = [
        _item(
            label="Publications",
            url=reverse("publications:all"),
            children=[
                (None, reverse("publications:type", args=[slug]), label) for label, slug in types
            ],
        ),
        _item(
            label="Research",
            children=[
                (None, reverse("taxonomy:themes"), "Themes"),
                (None, reverse("taxonomy:regions"), "Regions"),
                (landing, "", ""),
                *((series[slug], "", "") for slug in ("the-peninsula", "papers") if slug in series),
            ],
        ),
        _item(page=experts),
        _item(page=series.get("events")),
        _item(page=news),
        _item(page=about),
    ]
    menus.header = _stream(("item", item) for item in header if item["page"] or item["label"])
    footer = [
        {"page": about.pk, "url": "", "label": ""},
        {"page": experts.pk, "url": "", "label": ""},
        {"page": news.pk, "url": "", "label": "News and press"},
        {"page": None, "url": reverse("subscribe"), "label": "Subscribe"},
    ]
    menus.footer = _stream(("link", link) for link in footer)
    menus.privacy_page = privacy
    menus.save()
