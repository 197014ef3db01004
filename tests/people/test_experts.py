"""People: departments, areas of expertise, media contact, photos of one shape, and the
Experts page filtered by expertise and department."""

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def names(response):
    return [a.get_text() for a in soup(response).select(".person-card__name a")]


@pytest.fixture
def staff(institute):
    security = factories.DepartmentFactory(name="Security Studies", sort_order=1)
    economy = factories.DepartmentFactory(name="Economy", sort_order=2)
    jane = factories.PersonPageFactory(title="Jane Park", department=security)
    jane.expertise.add("sanctions", "nuclear policy")
    jane.media_contact = True
    jane.media_phone = "+1 202 555 0101"
    jane.save_revision().publish()
    lee = factories.PersonPageFactory(title="Lee Min-jun", department=economy)
    lee.expertise.add("trade", "sanctions")
    lee.save_revision().publish()
    cho = factories.PersonPageFactory(title="Cho Hyun-woo")
    return jane, lee, cho


def test_experts_page_lists_everyone_with_their_department_and_expertise(client, staff):
    page = soup(client.get("/experts/"))
    assert [a.get_text() for a in page.select(".person-card__name a")] == [
        "Cho Hyun-woo",
        "Lee Min-jun",
        "Jane Park",
    ]
    jane = page.select(".person-card")[2]
    assert jane.select_one(".person-card__department").get_text() == "Security Studies"
    assert [a.get_text() for a in jane.select(".expertise-tags a")] == [
        "nuclear policy",
        "sanctions",
    ]
    assert jane.select_one(".media-badge").get_text() == "Available for media interviews"
    assert page.select_one("[data-testid=people-count]").get_text() == "3 experts"


def test_experts_filtered_by_expertise(client, staff):
    response = client.get("/experts/?expertise=sanctions")
    assert names(response) == ["Lee Min-jun", "Jane Park"]
    page = soup(response)
    assert page.title.get_text().startswith("Experts: sanctions")
    assert page.select_one("[data-testid=people-count]").get_text() == "2 experts on sanctions"
    options = {o["value"]: o.get_text() for o in page.select("#expertise-filter option")}
    assert options == {
        "": "All areas",
        "nuclear-policy": "nuclear policy (1)",
        "sanctions": "sanctions (2)",
        "trade": "trade (1)",
    }
    assert page.select_one("#expertise-filter option[selected]")["value"] == "sanctions"
    assert names(client.get("/experts/?expertise=trade")) == ["Lee Min-jun"]


def test_experts_filtered_by_department_and_expertise_together(client, staff):
    assert names(client.get("/experts/?department=security-studies")) == ["Jane Park"]
    assert names(client.get("/experts/?department=economy&expertise=sanctions")) == ["Lee Min-jun"]
    response = client.get("/experts/?department=economy&expertise=nuclear-policy")
    assert names(response) == []
    assert "No one matches these filters" in soup(response).get_text()


def test_an_unknown_area_lists_no_one_and_hostile_values_are_harmless(client, staff):
    assert names(client.get("/experts/?expertise=astrology")) == []
    assert client.get("/experts/?expertise=" + "x" * 5000).status_code == 200
    assert client.get("/experts/?department=%27%3B--").status_code == 200


def test_expertise_tags_link_to_the_filtered_experts_page(client, staff):
    jane = staff[0]
    page = soup(client.get(jane.url))
    links = {a.get_text(): a["href"] for a in page.select(".person__expertise a")}
    assert links["sanctions"] == "/experts/?expertise=sanctions"
    assert page.select_one(".person__department a")["href"] == (
        "/experts/?department=security-studies"
    )


def test_media_contact_on_a_person_page(client, staff):
    jane, lee, _ = staff
    box = soup(client.get(jane.url)).select_one("[data-testid=media-contact]")
    assert "available for media interviews" in box.get_text()
    assert box.select_one("a[href^='tel:']")["href"] == "tel:+12025550101"
    assert soup(client.get(lee.url)).select_one("[data-testid=media-contact]") is None


@pytest.mark.parametrize("size", [(400, 1200), (1600, 500), (600, 600)])
def test_photos_are_square_crops_whatever_their_shape(client, institute, size):
    photo = factories.ImageFactory(file=factories.png_file("p.png", size=size))
    person = factories.PersonPageFactory(title="Jane Park", photo=photo)
    card = soup(client.get("/experts/")).select_one("img.person-card__photo")
    assert card["width"] == card["height"] == str(min(320, *size))
    header = soup(client.get(person.url)).select_one("img.person__photo")
    assert header["width"] == header["height"] == str(min(480, *size))  # never enlarged


def _striped_portrait():
    """400x1200: red at the top (the face), green in the middle, blue at the bottom."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image

    picture = Image.new("RGB", (400, 1200), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 400, 400))
    picture.paste((0, 255, 0), (0, 400, 400, 800))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return ImageFile(buffer, name="portrait.png")


def _centre_colour(rendition):
    from PIL import Image

    with rendition.file.open() as file:
        return Image.open(file).convert("RGB").getpixel((160, 160))


def test_the_crop_keeps_the_focal_point(institute):
    """A face at the top of a tall portrait stays in the square once the focal point is set
    on it; without one the square comes from the middle."""
    photo = factories.ImageFactory(file=_striped_portrait())
    assert _centre_colour(photo.get_rendition("fill-320x320-c75")) == (0, 255, 0)
    photo.focal_point_x, photo.focal_point_y = 200, 150
    photo.focal_point_width, photo.focal_point_height = 120, 120
    photo.save()
    assert _centre_colour(photo.get_rendition("fill-320x320-c75")) == (255, 0, 0)


def test_a_person_without_a_photo_shows_their_initials(client, institute):
    factories.PersonPageFactory(title="Lee Min-jun")
    placeholder = soup(client.get("/experts/")).select_one("[data-testid=photo-placeholder]")
    assert placeholder.get_text() == "LM"
    assert placeholder["aria-hidden"] == "true"
