"""The demo's scaffolding: settings, taxonomy, images, people, series, the About page, users.

Every function looks its objects up by a natural key (slug, name, title, username) first,
so running the loader again changes nothing that is already there.
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.utils.text import slugify
from wagtail.models import Collection, Site

from peninsula.assets.models import CustomImage
from peninsula.core import urls_base
from peninsula.core.models import InstituteSettings
from peninsula.core.roles import AUTHORS, EDITORS
from peninsula.demo import images
from peninsula.demo.content import (
    ABOUT,
    HOME_INTRODUCTION,
    INSTITUTE,
    PEOPLE,
    SERIES,
    SERIES_ORDER,
    TERMS,
)
from peninsula.demo.content import base as markup
from peninsula.home.models import HomePage, StandardPage
from peninsula.people.models import PeopleIndexPage, PersonPage
from peninsula.publications.models import SeriesPage
from peninsula.taxonomy.models import TAXONOMIES

COLLECTION_NAME = "Demo institute"

# (username, password, first name, last name, superuser, group)
USERS = [
    ("admin", "peninsula-admin", "Demo", "Administrator", True, None),
    ("editor", "peninsula-editor", "Dana", "Editor", False, EDITORS),
    ("author", "peninsula-author", "Alex", "Author", False, AUTHORS),
]


def home_page() -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if not isinstance(root, HomePage):
        raise CommandError(
            "The default site's root page is not the home page. Run `peninsula manage "
            "migrate` on a fresh database, or point the default site at the HomePage."
        )
    return root


def publish_child(parent, page):
    """Add `page` under `parent` and publish it with a first revision, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def existing_child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def ensure_settings(home: HomePage) -> InstituteSettings:
    site = Site.objects.get(root_page=home)
    settings = InstituteSettings.for_site(site)
    for field, value in INSTITUTE.items():
        setattr(settings, field, value)
    settings.save()
    # Full URLs made without a request use the site's host: the public address where one is
    # set, else `peninsula serve`'s default. Served on another port, emails follow serve's
    # address (peninsula.core.urls_base), because this site is on loopback.
    base = urlsplit(django_settings.PENINSULA_BASE_URL or urls_base.FALLBACK)
    site.site_name = INSTITUTE["name"]
    site.hostname = base.hostname or site.hostname
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save(update_fields=["site_name", "hostname", "port"])
    if not home.introduction:
        home.introduction = HOME_INTRODUCTION
        home.save_revision().publish()
    return settings


def ensure_taxonomy() -> dict[str, dict]:
    """{"themes": {slug: Theme}, "regions": ..., "topics": ...}"""
    found = {}
    for key, model in TAXONOMIES.items():
        found[key] = {}
        for order, (slug, name, description) in enumerate(TERMS[key]):
            term, _ = model.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "sort_order": order}
            )
            found[key][slug] = term
    return found


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def ensure_image(title, picture_factory, filename, *, alt_text, caption, collection):
    image = CustomImage.objects.filter(title=title).first()
    if image:
        return image
    return CustomImage.objects.create(
        title=title,
        file=images.as_file(picture_factory(), filename),
        alt_text=alt_text,
        caption=caption,
        credit=images.CREDIT,
        collection=collection,
    )


def ensure_hero_images(collection) -> list[CustomImage]:
    heroes = []
    for index in range(images.HERO_COUNT):
        description = images.hero_description(index)
        heroes.append(
            ensure_image(
                f"Demo illustration {index + 1:02d}: {description}",
                lambda index=index: images.hero_picture(index),
                f"demo-illustration-{index + 1:02d}.jpg",
                alt_text=f"Abstract illustration of {description}",
                caption=f"{description[:1].upper()}{description[1:]}.",
                collection=collection,
            )
        )
    return heroes


def ensure_people(home, collection) -> dict[str, PersonPage]:
    index = existing_child(home, PeopleIndexPage, "experts") or publish_child(
        home,
        PeopleIndexPage(
            title="Experts",
            slug="experts",
            show_in_menus=True,
            introduction="Our fellows and staff, in Washington, Seoul and beyond.",
        ),
    )
    people = {}
    for name, job_title, affiliation, summary, bio, is_expert in PEOPLE:
        slug = slugify(name)
        person = existing_child(index, PersonPage, slug)
        if person is None:
            photo = ensure_image(
                f"Portrait: {name}",
                lambda name=name: images.portrait_picture(name),
                f"portrait-{slug}.jpg",
                alt_text=f"Initials of {name}",
                caption=name,
                collection=collection,
            )
            person = publish_child(
                index,
                PersonPage(
                    title=name,
                    slug=slug,
                    job_title=job_title,
                    affiliation=affiliation,
                    summary=summary,
                    bio="".join(f"<p>{markup.inline(p)}</p>" for p in bio),
                    photo=photo,
                    email=f"{slug}@haneul-institute.example",
                    is_expert=is_expert,
                ),
            )
        people[slug] = person
    return people


def ensure_series(home, heroes) -> dict[str, SeriesPage]:
    series = {}
    for order, kind in enumerate(SERIES_ORDER):
        slug, title, introduction, in_menu = SERIES[kind]
        page = existing_child(home, SeriesPage, slug) or publish_child(
            home,
            SeriesPage(
                title=title,
                slug=slug,
                introduction=introduction,
                sort_order=order,
                show_in_menus=in_menu,
                image=heroes[(order * 5) % len(heroes)],
            ),
        )
        series[kind] = page
    return series


def ensure_about(home) -> StandardPage:
    page = existing_child(home, StandardPage, ABOUT["slug"])
    if page:
        return page
    return publish_child(
        home,
        StandardPage(
            title=ABOUT["title"],
            slug=ABOUT["slug"],
            introduction=ABOUT["introduction"],
            body=markup.stream_data("about", ABOUT["body"], []),
            show_in_menus=True,
        ),
    )


def ensure_users() -> list[tuple[str, str, str]]:
    """(role, username, password or a note) for each demo login."""
    User = get_user_model()
    logins = []
    for username, password, first, last, superuser, group_name in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@haneul-institute.example",
                is_staff=True,
                is_superuser=superuser,
            )
            user.set_password(password)
            user.save()
            shown = password
        else:
            shown = "(existing account, password unchanged)"
        if group_name:
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                raise CommandError(
                    f"The '{group_name}' group is missing. Run `peninsula manage migrate`, "
                    "which creates the editorial roles, then load the demo again."
                )
            user.groups.add(group)
        logins.append((group_name or "Administrator", username, shown))
    return logins
