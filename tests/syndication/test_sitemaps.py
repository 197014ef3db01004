"""Sitemaps validate against the sitemaps.org schemas; robots.txt names them; search is
noindex."""

from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def valid(client, url, schema_name):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(SCHEMAS / schema_name))
    assert schema.validate(document), f"{url}: {schema.error_log}"
    return document


def section_urls(client, index_url="/sitemap.xml"):
    index = valid(client, index_url, "siteindex.xsd")
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def all_locations(client):
    locations = []
    for url in section_urls(client):
        document = valid(client, url.removeprefix("http://testserver"), "sitemap.xsd")
        locations += [loc.text for loc in document.findall("sm:url/sm:loc", NS)]
    return locations


def test_index_and_every_section_validate(client, content):
    sections = section_urls(client)
    assert sections == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-publications.xml",
        "http://testserver/sitemap-listings.xml",
    ]
    locations = all_locations(client)
    assert "http://testserver/the-peninsula/alliance-future/" in locations
    assert "http://testserver/experts/jane-park/" in locations
    assert "http://testserver/themes/security/" in locations
    assert "http://testserver/publications/reports/" in locations
    assert not any("unpublished-draft" in location for location in locations)
    assert len(locations) == len(set(locations))  # publications are not listed twice


def test_publications_carry_lastmod(client, content):
    document = valid(client, "/sitemap-publications.xml", "sitemap.xsd")
    article = content["article"]
    entry = next(
        url
        for url in document.findall("sm:url", NS)
        if url.findtext("sm:loc", namespaces=NS)
        == "http://testserver/the-peninsula/alliance-future/"
    )
    assert (
        # The sitemap writes the date in the site's time zone, not UTC's.
        entry.findtext("sm:lastmod", namespaces=NS)
        == timezone.localtime(article.last_published_at).date().isoformat()
    )
    index = etree.fromstring(client.get("/sitemap.xml").content)
    assert index.find("sm:sitemap/sm:lastmod", NS) is not None


def test_sitemaps_split_past_the_limit(client, content, settings):
    """Past PENINSULA_SITEMAP_LIMIT URLs (50,000 in production) a section becomes
    several files, each named in the index."""
    settings.PENINSULA_SITEMAP_LIMIT = 3
    sections = section_urls(client)
    publication_files = [url for url in sections if "publications" in url]
    assert publication_files == [
        "http://testserver/sitemap-publications.xml",
        "http://testserver/sitemap-publications.xml?p=2",
        "http://testserver/sitemap-publications.xml?p=3",
    ]
    counts = [
        len(valid(client, url.removeprefix("http://testserver"), "sitemap.xsd"))
        for url in publication_files
    ]
    assert counts == [3, 3, 1]


def test_empty_site_index_still_validates(client, db):
    """A new site with no publications lists only the sections that have URLs: an empty
    <urlset> would not validate."""
    assert section_urls(client) == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-listings.xml",
    ]
    assert len(all_locations(client)) > 1


def test_robots_txt_names_the_sitemap_index(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines


@pytest.mark.parametrize("query", ["", "?q=alliance"])
def test_search_pages_are_noindex(client, content, query):
    from bs4 import BeautifulSoup

    response = client.get(f"/search/{query}")
    assert response["X-Robots-Tag"] == "noindex"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "/search/" not in " ".join(all_locations(client))
