"""The demo institute loader: what it creates, that it can run twice, and that it renders.

Loading the demo takes several seconds, so it is loaded once for the module, inside a
transaction that is rolled back when the module's tests are done; each test then runs in
its own savepoint as usual.
"""

import datetime
import fnmatch
import io
import re
import tomllib
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from peninsula.assets.models import CustomDocument, CustomImage
from peninsula.core.models import InstituteSettings
from peninsula.demo import files
from peninsula.demo.content import (
    HAND_WRITTEN,
    PEOPLE,
    REGIONS,
    SERIES,
    THEMES,
    TOPICS,
    all_pieces,
    reader,
)
from peninsula.demo.content.compose import COMPOSED_COUNTS
from peninsula.demo.loader import load_demo
from peninsula.home.models import HomePage, StandardPage
from peninsula.people.models import PeopleIndexPage, PersonPage
from peninsula.publications import models as pub
from peninsula.taxonomy.models import Region, Theme, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        report = load_demo()
        yield report
        transaction.set_rollback(True)


def _counts():
    return {
        "pages": Page.objects.count(),
        "images": CustomImage.objects.count(),
        "documents": CustomDocument.objects.count(),
        "themes": Theme.objects.count(),
        "regions": Region.objects.count(),
        "topics": Topic.objects.count(),
        "users": get_user_model().objects.count(),
        "authorships": pub.PublicationAuthor.objects.count(),
        "speakers": pub.EventSpeaker.objects.count(),
    }


def test_loader_creates_the_required_counts(demo):
    assert pub.SeriesPage.objects.live().count() >= 4
    experts = PeopleIndexPage.objects.get(slug="experts")
    assert PersonPage.objects.live().child_of(experts).filter(is_expert=True).count() >= 12
    assert Theme.objects.count() >= 10
    assert Region.objects.count() >= 10
    assert Topic.objects.count() >= 3
    assert pub.PublicationPage.objects.live().count() >= 145
    assert sum(demo.created.values()) >= 145


def test_every_publication_type_is_present(demo):
    for kind in pub.PublicationType:
        assert pub.PublicationPage.objects.filter(publication_type=kind).count() >= 10, kind


def test_publications_are_classified_and_written(demo):
    publications = pub.PublicationPage.objects.prefetch_related("authors", "themes", "regions")
    for page in publications:
        assert 1 <= len(page.authors.all()) <= 3, page.title
        assert page.themes.all(), page.title
        assert page.regions.all(), page.title
        assert page.summary, page.title
        types = [block.block_type for block in page.body]
        assert "paragraph" in types, page.title
    assert 5 <= publications.filter(featured=True).count() <= 8


def test_bodies_have_headings_quotes_and_footnotes(demo):
    block_types = {"heading": 0, "quote": 0, "footnotes": 0}
    for page in pub.PublicationPage.objects.all():
        for block in page.body:
            if block.block_type in block_types:
                block_types[block.block_type] += 1
    assert block_types["heading"] >= 150
    assert block_types["quote"] >= 50
    assert block_types["footnotes"] >= 50


def test_some_text_is_in_korean_and_japanese(demo):
    text = " ".join(
        f"{page.title} {page.subtitle} {page.body.raw_data}"
        for page in pub.PublicationPage.objects.all()
    )
    assert re.search(r"[\uac00-\ud7a3]", text), "no Hangul"
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), "no kana or kanji"


def test_events_include_upcoming_and_past(demo):
    now = timezone.now()
    events = pub.EventPage.objects.all()
    assert events.filter(starts_at__gte=now).count() >= 3
    assert events.filter(starts_at__lt=now).count() >= 3
    for event in events:
        assert event.venue_name or event.online_url
        assert event.date <= timezone.localdate()
    assert pub.EventSpeaker.objects.exists()


def test_reports_have_valid_pdfs_and_podcasts_have_audio(demo):
    for report in pub.ReportPage.objects.select_related("pdf"):
        assert report.pdf is not None and report.page_count >= 1
        with report.pdf.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    for episode in pub.PodcastEpisodePage.objects.select_related("audio"):
        assert episode.audio_source and episode.duration_seconds and episode.transcript


def test_hero_images_have_captions_credits_and_alt_text(demo):
    with_heroes = pub.PublicationPage.objects.exclude(hero_image=None).select_related("hero_image")
    assert with_heroes.count() >= 75
    for page in with_heroes:
        assert page.hero_caption
        assert page.credit == "Illustration: Peninsula demo studio"
        assert page.hero_image.alt_text
    assert not PersonPage.objects.filter(photo=None).exists()


def test_institute_settings_and_navigation(demo):
    settings = InstituteSettings.objects.get()
    assert settings.name == "Haneul Policy Institute"
    assert settings.tagline and settings.postal_address and "Washington" in settings.postal_address
    assert "Foreign Agents Registration Act" in settings.disclosure_footer
    assert settings.default_disclaimer == "The views expressed here are the author's alone."
    assert len(settings.social_links) >= 3
    home = HomePage.objects.get()
    menu = Page.objects.child_of(home).live().filter(show_in_menus=True)
    assert 4 <= menu.count() <= 6
    assert {"experts", "about"} <= set(menu.values_list("slug", flat=True))
    assert StandardPage.objects.filter(slug="about").exists()


def test_running_twice_creates_no_duplicates(demo):
    before = _counts()
    second = load_demo()
    assert _counts() == before
    assert not second.created
    assert sum(second.existing.values()) == sum(demo.created.values())


def test_admin_login_works(demo, client):
    assert client.login(username="admin", password="peninsula-admin")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(("username", "group"), [("editor", "Editors"), ("author", "Authors")])
def test_editor_and_author_can_sign_in(demo, client, username, group):
    user = get_user_model().objects.get(username=username)
    assert user.groups.filter(name=group).exists()
    assert client.login(username=username, password=f"peninsula-{username}")
    assert client.get("/admin/").status_code == 200


def test_pages_render(demo, client):
    urls = ["/", "/experts/", "/about/", "/publications/"]
    urls += [pub.SeriesPage.objects.first().url, PersonPage.objects.first().url]
    for model in (
        pub.ArticlePage,
        pub.BriefPage,
        pub.ReportPage,
        pub.PodcastEpisodePage,
        pub.EventPage,
        pub.VideoPage,
    ):
        urls.append(model.objects.live().first().url)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    home = client.get("/").content.decode()
    assert "Haneul Policy Institute" in home
    assert "Burden-Sharing Without Resentment" in home  # a featured piece


def test_command_prints_logins_and_leaves_the_address_to_serve(demo):
    """The admin's address depends on `serve --port`, which prints it (tests/core/
    test_base_url.py); the demo names no port it cannot know."""
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    output = out.getvalue()
    assert "/admin/" in output and "peninsula serve" in output
    assert ":8000" not in output
    for username in ("admin", "editor", "author"):
        assert username in output


def test_content_is_deterministic_and_consistent():
    first, second = all_pieces(), all_pieces()
    assert [(p.slug, p.title, p.body) for p in first] == [(p.slug, p.title, p.body) for p in second]
    assert len({p.slug for p in first}) == len(first)
    people = {name.lower().replace(" ", "-") for name, *_ in PEOPLE}
    themes = {slug for slug, *_ in THEMES}
    regions = {slug for slug, *_ in REGIONS}
    topics = {slug for slug, *_ in TOPICS}
    for piece in first:
        assert set(piece.authors) <= people, piece.title
        assert set(piece.themes) <= themes and set(piece.regions) <= regions, piece.title
        assert set(piece.topics) <= topics, piece.title


def test_report_pdf_is_well_formed():
    """Every cross-reference offset points at its object, and startxref at the table."""
    data, pages = files.report_pdf("A title", [("Heading", ["word " * 2000])], "Institute")
    assert pages >= 2
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[startxref:].startswith(b"xref")
    entries = data[startxref:].split(b"\n")[3:]
    for number, entry in enumerate(entries, start=1):
        if not entry.endswith(b" n "):
            break
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_full_urls_use_the_host_the_site_is_served_on(demo, client):
    """Share links must point where `peninsula serve` answers, not at a placeholder host."""
    from django.conf import settings

    article = pub.ArticlePage.objects.live().first()
    assert article.full_url == settings.WAGTAILADMIN_BASE_URL + article.url
    page = client.get(article.url).content.decode()
    assert f"url={quote(settings.WAGTAILADMIN_BASE_URL, safe='')}" in page


def test_demo_menus_news_landing_and_privacy(demo, client):
    """The pages editors shape, as the demo shows them (issue 16)."""
    from bs4 import BeautifulSoup

    from peninsula.home.models import LandingPage
    from peninsula.navigation.menus import menus
    from peninsula.press.models import NewsPage

    home_html = BeautifulSoup(client.get("/").content, "html.parser")
    items = home_html.select(".site-nav__list > li")
    top = [" ".join(li.find(["a", "button"]).get_text().split()) for li in items]
    assert top[:2] == ["Publications", "Research"]
    assert {"Experts", "News", "About"} <= set(top)
    dropdown = home_html.select(".site-nav__sub")[0]
    assert "Reports" in dropdown.get_text() and "Videos" in dropdown.get_text()
    footer = home_html.select_one(".footer-menu")
    assert footer.select_one("[data-testid=privacy-link]")["href"] == "/privacy/"
    assert client.get("/privacy/").status_code == 200
    assert menus(Site.objects.get(is_default_site=True)).privacy is not None

    kinds = set(NewsPage.objects.live().values_list("kind", flat=True))
    assert {"press-release", "statement", "news"} <= kinds
    news = BeautifulSoup(client.get("/news/").content, "html.parser")
    assert "Sarah Pomeroy" in news.select_one("[data-testid=media-contact]").get_text()

    landing = LandingPage.objects.live().get()
    assert [block.block_type for block in landing.body] == [
        "text",
        "publications",
        "people",
        "latest",
        "call_to_action",
    ]
    page = BeautifulSoup(client.get(landing.url).content, "html.parser")
    assert len(page.select(".block-publications .card")) >= 3 + 3


def test_demo_people_have_departments_expertise_and_media_contacts(demo, client):
    from bs4 import BeautifulSoup

    experts = PersonPage.objects.live().filter(is_expert=True)
    assert not experts.filter(department__isnull=True).exists()
    assert experts.filter(media_contact=True).count() >= 5
    page = BeautifulSoup(client.get("/experts/?expertise=sanctions").content, "html.parser")
    names = [a.get_text() for a in page.select(".person-card__name a")]
    assert {"Soo-ah Chung", "Weiyi Lin"} <= set(names)
    assert len(names) < experts.count()


def test_demo_theme_and_home_page_carry_editors_choices(demo, client):
    from bs4 import BeautifulSoup

    nuclear = Theme.objects.get(slug="nuclear")
    content = nuclear.page_content.get()
    assert len(content.featured_publications) == 3 and len(content.experts) == 3
    page = BeautifulSoup(client.get("/themes/nuclear/").content, "html.parser")
    assert len(page.select("section[aria-labelledby=term-featured-heading] .card")) == 3
    chips = [a.get_text() for a in page.select("[data-testid=term-experts] .person-chip__name")]
    assert chips == ["Eleanor Whitcombe", "Marcus Delaney", "Chang-ho Nam"]
    # Another theme keeps the automatic experts.
    trade = BeautifulSoup(client.get("/themes/trade/").content, "html.parser")
    assert trade.select("[data-testid=term-experts] .person-chip")
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert "Experts available to the media" in home.select_one(".page-blocks").get_text()


def test_demo_events_take_registrations_carry_a_recording_and_the_contact_form(demo, client):
    """The book talk takes registrations here (12 places, two questions); the export-controls
    roundtable, past, has its recording and transcript; the contact page is a form page."""
    from peninsula.enquiries.models import FormPage

    open_event = pub.EventPage.objects.get(takes_registrations=True)
    assert open_event.registration_open and open_event.capacity == 12
    assert open_event.registration_questions.count() == 2
    form = client.get(f"/registrations/{open_event.pk}/")
    assert form.status_code == 200 and b"12 places left." in form.content
    recorded = pub.EventPage.objects.exclude(recording_url="").get()
    assert not recorded.is_upcoming and "Ji-yeon Seo" in recorded.transcript
    page = client.get(recorded.url)
    assert b"Read the transcript" in page.content and b"Watch the recording" in page.content
    contact = FormPage.objects.get(slug="contact")
    assert contact.live and contact.to_address == "hello@haneul-institute.example"
    assert b'name="form_started"' in client.get(contact.url).content


# What the content files hold (peninsula/demo/content/*.md), as they were in Python.
HAND_WRITTEN_IN = {
    "commentary.md": 14,
    "reports.md": 5,
    "briefs.md": 3,
    "korean.md": 1,
    "podcasts.md": 3,
    "events.md": 4,
    "videos.md": 3,
    "people.md": 16,
    "news.md": 1 + 3,  # the News page, then its items
    "privacy.md": 1,
    "landing.md": 1,
    "contact.md": 1,
}


def test_content_files_hold_the_hand_written_demo():
    for name, count in HAND_WRITTEN_IN.items():
        assert len(reader.documents(name)) == count, name
    assert (len(THEMES), len(REGIONS), len(TOPICS), len(SERIES)) == (10, 10, 6, 6)


def test_content_files_ship_with_the_package():
    """Every file the demo reads is package data (pyproject.toml), so an installed
    peninsula can load the demo too."""
    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    with open(pyproject, "rb") as file:
        package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]
    patterns = package_data["peninsula.demo.content"]
    folder = Path(reader.__file__).parent
    names = [path.name for path in folder.iterdir() if path.suffix != ".py" and path.is_file()]
    assert len(names) >= 17
    for name in names:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name


def test_the_site_holds_every_piece_of_the_content_files(demo):
    """Each type: the hand-written pieces plus the composed ones; every person, term and
    series."""
    for kind, composed in COMPOSED_COUNTS.items():
        written = sum(1 for piece in HAND_WRITTEN if piece.kind == kind)
        assert pub.PublicationPage.objects.filter(publication_type=kind).count() == (
            written + composed
        ), kind
    assert PersonPage.objects.count() == len(PEOPLE)
    assert [term.slug for term in Theme.objects.all()] == [slug for slug, *_ in THEMES]
    assert [term.name for term in Region.objects.all()] == [name for _, name, _ in REGIONS]
    assert Topic.objects.get(slug="hallyu").description.startswith("The Korean Wave")
    series = pub.SeriesPage.objects.order_by("sort_order")
    assert [page.title for page in series] == [title for _, title, *_ in SERIES.values()]


def _blocks(page):
    return [(block.block_type, block.value) for block in page.body]


def test_a_hand_written_article_reads_as_written(demo):
    page = pub.ArticlePage.objects.get(slug="burden-sharing-without-resentment")
    assert page.title == "Burden-Sharing Without Resentment"
    assert page.subtitle == "The alliance's cost debate needs a new vocabulary"
    assert page.summary == (
        "Arguments over who pays for US forces in Korea keep returning because both sides "
        "count the wrong things. A better ledger would count contributions, not cheques."
    )
    assert page.date == timezone.localdate() - datetime.timedelta(days=3) and page.featured
    assert [a.person.slug for a in page.authors.all()] == ["marcus-delaney", "yoon-hee-kwak"]
    assert [t.slug for t in page.themes.all()] == ["alliances"]
    assert sorted(r.slug for r in page.regions.all()) == ["south-korea", "united-states"]
    assert [t.slug for t in page.topics.all()] == ["us-rok-alliance"]
    blocks = _blocks(page)
    assert [kind for kind, _ in blocks] == [
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
        "quote",
        "heading",
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "footnotes",
    ]
    assert blocks[0][1].source == (
        "<p>Every few years the United States and South Korea sit down to renegotiate how "
        "much Seoul pays toward the cost of stationing American troops on the peninsula. And "
        "every few years the talks turn into a proxy fight over whether the alliance is worth "
        "it. That is a strange outcome for a negotiation over a sum that amounts to a "
        "rounding error in either country's defence budget.</p>"
    )
    assert blocks[1][1]["text"] == "Counting the wrong things"
    assert blocks[4][1]["attribution"] == "Marcus Delaney"
    assert blocks[4][1]["text"] == (
        "An alliance that argues about invoices every five years is advertising a weakness "
        "it does not have."
    )
    notes = [note.source for note in blocks[-1][1]["notes"]]
    assert len(notes) == 2 and notes[0].startswith("<p>Personnel figures are rounded")


def test_a_podcast_transcript_and_an_event_programme_read_as_written(demo):
    episode = pub.PodcastEpisodePage.objects.get(slug="nunchi-at-the-negotiating-table")
    assert episode.duration_seconds == 2290
    assert episode.transcript.startswith(
        "<p><b>Sarah Pomeroy:</b> Welcome to The Long Table. My guest is Chang-ho Nam, who "
        "spent thirty-five years as a diplomat. Let's start with a word: nunchi.</p>"
    )
    assert episode.transcript.count("<p><b>") == 6
    event = pub.EventPage.objects.get(slug="korea-outlook-the-year-ahead")
    assert event.venue_name == "Haneul Policy Institute, Sixth-Floor Conference Room"
    assert event.venue_address == "1740 Larchmont Place NW, Suite 610\nWashington, DC 20036"
    assert (str(event.start_time), str(event.end_time)) == ("09:00:00", "16:30:00")
    assert event.time_zone == "America/New_York" and event.online_url
    roles = [(s.person.slug, s.role) for s in event.speakers.all()]
    assert roles[0] == ("hyun-woo-baek", "Opening remarks") and len(roles) == 5
    assert [kind for kind, _ in _blocks(event)][:4] == [
        "paragraph",
        "heading",
        "heading",
        "paragraph",
    ]


def test_people_and_the_about_page_read_as_written(demo):
    person = PersonPage.objects.get(slug="haruka-mizutani")
    assert person.job_title == "Non-Resident Fellow"
    assert person.affiliation == "Kansai Graduate School of Global Affairs"
    assert person.summary.startswith("Political scientist working on Japan–Korea relations")
    assert person.bio.startswith("<p>Haruka Mizutani teaches international relations")
    assert person.is_expert
    assert not PersonPage.objects.get(slug="sarah-pomeroy").is_expert
    about = StandardPage.objects.get(slug="about")
    headings = [value["text"] for kind, value in _blocks(about) if kind == "heading"]
    assert headings == ["What we do", "How we work", "Our name", "A note on this site"]
    assert "<i>The Peninsula</i>" in str(about.body.raw_data)
    assert about.introduction.startswith("An independent, non-partisan research institute")


def test_a_composed_article_reads_as_before(demo):
    """compose.py draws from fragments.toml with a fixed seed: the same words every load."""
    page = pub.ArticlePage.objects.get(slug="green-steel-and-the-limits-of-ambition")
    assert [a.person.slug for a in page.authors.all()] == ["kenji-arakawa", "grace-halvorsen"]
    assert [t.slug for t in page.themes.all()] == ["climate"]
    blocks = _blocks(page)
    assert blocks[0][1].source == (
        "<p>Ask five officials in Seoul about green steel and you will hear at least three "
        "different answers. The disagreement is itself revealing.</p>"
    )
    assert blocks[1][1]["text"] == "The background"


def test_a_news_item_reads_as_written(demo):
    from peninsula.press.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(slug="news")
    assert index.introduction == (
        "Press releases, statements and news from the Institute. Journalists: our experts are "
        "available for interviews; write or call our press office."
    )
    assert index.media_contact.slug == "sarah-pomeroy"
    item = NewsPage.objects.get(slug="new-director-seoul-office")
    assert item.get_parent().pk == index.pk
    assert item.title == "Haneul Policy Institute names Yoon-hee Kwak Director of its Seoul Office"
    assert (item.kind, item.location) == ("press-release", "Washington")
    assert item.date == timezone.localdate() - datetime.timedelta(days=6)
    assert item.summary == (
        "The Institute's Seoul office, opened in 2019, will expand its programme on society "
        "and soft power under its new director."
    )
    blocks = _blocks(item)
    assert [kind for kind, _ in blocks] == ["paragraph", "paragraph", "quote"]
    assert blocks[0][1].source == (
        "<p>The Haneul Policy Institute today named Yoon-hee Kwak Director of its Seoul "
        "Office. She succeeds the office's founding director, who returns to research.</p>"
    )
    assert blocks[1][1].source == (
        "<p>Dr Kwak joined the Institute in 2021 and leads its work on Korean soft power and "
        "Southeast Asia. In Seoul she will expand the office's programme of public seminars "
        "and its exchanges with universities in the region.</p>"
    )
    assert blocks[2][1]["text"] == (
        "The Seoul office is where our research meets the people it is about."
    )
    assert blocks[2][1]["attribution"] == "Hyun-woo Baek"


def test_the_privacy_policy_reads_as_written(demo):
    page = StandardPage.objects.get(slug="privacy")
    assert page.title == "Privacy policy"
    assert page.introduction == (
        "What the Institute's website records about you, and what it does not."
    )
    written = [
        value["text"] if kind == "heading" else value.source for kind, value in _blocks(page)
    ]
    assert written == [
        "What we record",
        "<p>Reading this website sets no cookies and runs no third-party trackers. Page views "
        "are counted by the site itself, without cookies or personal data.</p>",
        "<p>When you subscribe to a mailing list, we keep your email address, name, "
        "organisation, the lists you chose and the date you confirmed. You can change or "
        "delete these from the link in every email.</p>",
        "Videos and embeds",
        "<p>Our own videos play from this site. Videos from YouTube play through its "
        "no-cookie player, and nothing is fetched from YouTube until the player loads.</p>",
        "Contact",
        "<p>Questions about this policy: hello@haneul-institute.example.</p>",
    ]
    kinds = [kind for kind, _ in _blocks(page)]
    assert kinds == ["heading", "paragraph", "paragraph", "heading", "paragraph"] + [
        "heading",
        "paragraph",
    ]


def test_the_landing_page_and_contact_form_read_as_written(demo):
    from peninsula.enquiries.models import FormPage
    from peninsula.home.models import LandingPage

    landing = LandingPage.objects.get(slug="deterrence-programme")
    assert landing.title == "Deterrence in the 2020s"
    assert landing.introduction == (
        "A three-year programme on how the United States, South Korea and Japan keep "
        "deterrence credible as North Korea's arsenal grows."
    )
    blocks = dict(_blocks(landing))
    assert blocks["text"].source == (
        "<h2>About the programme</h2><p>North Korea now fields missiles that can reach every "
        "allied capital and the American mainland. The programme asks what that means for the "
        "promises allies make to each other, and how to keep those promises believable without "
        "a new arms race.</p><p>It publishes commentary and reports, convenes an annual "
        "Seoul\u2013Washington dialogue, and briefs legislators in both capitals.</p>"
    )
    assert blocks["publications"]["heading"] == "Start here"
    assert blocks["people"]["heading"] == "The programme's experts"
    assert [person.slug for person in blocks["people"]["people"]] == [
        "eleanor-whitcombe",
        "marcus-delaney",
        "chang-ho-nam",
    ]
    assert blocks["latest"]["heading"] == "Latest on nuclear policy"
    action = blocks["call_to_action"]
    assert (action["heading"], action["button_label"], action["url"]) == (
        "Get the programme's findings first",
        "Subscribe",
        "/subscribe/",
    )
    assert action["text"] == (
        "New reports and invitations to the programme's briefings, by email. We send nothing "
        "until you confirm."
    )
    contact = FormPage.objects.get(slug="contact")
    assert contact.introduction == (
        "<p>Questions about our research, events or publications, and requests from "
        "journalists: write to us here and the right person will answer, usually within two "
        "working days.</p>"
    )
    assert contact.thank_you_text == (
        "<p>Thank you: your message has reached us. We answer within two working days; "
        "journalists on deadline can also call our press office.</p>"
    )
    assert contact.subject == "A message from the website"
    fields = [
        (f.label, f.field_type, f.required, f.choices)
        for f in contact.form_fields.order_by("sort_order")
    ]
    assert fields == [
        ("Your name", "singleline", True, ""),
        ("Email", "email", True, ""),
        ("Organisation", "singleline", False, ""),
        ("About", "dropdown", True, "Our research\nEvents\nMedia enquiry\nSomething else"),
        ("Message", "multiline", True, ""),
    ]


def test_departments_and_profiles_come_from_the_content_files(demo):
    from peninsula.people.models import Department

    assert list(Department.objects.order_by("sort_order").values_list("slug", "name")) == [
        ("office-of-the-president", "Office of the President"),
        ("security-studies", "Security Studies"),
        ("economy-and-technology", "Economy and Technology"),
        ("society-and-region", "Society and Region"),
        ("communications", "Communications"),
    ]
    person = PersonPage.objects.get(slug="eleanor-whitcombe")
    assert person.department.slug == "security-studies"
    assert sorted(str(tag) for tag in person.expertise.all()) == [
        "arms control",
        "crisis communication",
        "nuclear deterrence",
    ]
    assert person.media_contact and person.media_phone == "+1 202 555 0151"
    quiet = PersonPage.objects.get(slug="haruka-mizutani")
    assert not quiet.media_contact and quiet.media_phone == ""
