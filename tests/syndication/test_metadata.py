"""Canonical URLs, social cards, schema.org JSON-LD and Google Scholar tags in <head>."""

import json

from bs4 import BeautifulSoup


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, key, attr="property"):
    return [tag["content"] for tag in soup.find_all("meta", attrs={attr: key})]


def json_ld(soup):
    """Every JSON-LD block, parsed, keyed by @type."""
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    for block in blocks:
        assert block["@context"] == "https://schema.org"
    return {block["@type"]: block for block in blocks}


def test_article_has_canonical_open_graph_and_twitter_card(client, content):
    soup = head(client, content["article"].url + "?utm_source=x")
    url = "http://testserver/the-peninsula/alliance-future/"
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, "og:url") == [url]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:title") == ["The alliance & its future"]
    assert meta(soup, "og:description") == ["What the alliance means for the peninsula."]
    [image] = meta(soup, "og:image")
    assert image.startswith("http://testserver/") and "fill-1200x630" in image
    assert meta(soup, "twitter:card", "name") == ["summary_large_image"]
    assert meta(soup, "twitter:image", "name") == [image]
    assert meta(soup, "twitter:site", "name") == ["@harbourinst"]
    assert meta(soup, "article:author") == [
        "http://testserver/experts/jane-park/",
        "http://testserver/experts/min-ji-kim/",
    ]
    assert len(soup.find_all("meta", attrs={"name": "description"})) == 1


def test_article_json_ld_has_the_required_properties(client, content):
    blocks = json_ld(head(client, content["article"].url))
    article = blocks["Article"]
    assert article["headline"] == "The alliance & its future"
    assert article["datePublished"] == "2025-03-01"
    assert [a["name"] for a in article["author"]] == ["Jane Park", "Min-ji Kim"]
    assert article["author"][0]["url"] == "http://testserver/experts/jane-park/"
    assert article["publisher"]["name"] == "Harbour Institute"
    assert article["image"][0].startswith("http://testserver/")
    crumbs = blocks["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Harbour Institute"),
        (2, "The Peninsula"),
        (3, "The alliance & its future"),
    ]


def test_json_ld_cannot_break_out_of_its_script(client, content):
    page = content["article"]
    page.summary = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    soup = head(client, page.url)
    assert json_ld(soup)["Article"]["description"] == page.summary
    assert b"</script><script>alert" not in client.get(page.url).content


def test_report_has_scholar_citation_tags_and_report_json_ld(client, content):
    soup = head(client, content["report"].url)
    assert meta(soup, "citation_title", "name") == ["Deterrence in the 2030s"]
    assert meta(soup, "citation_author", "name") == ["Park, Jane"]
    assert meta(soup, "citation_publication_date", "name") == ["2025/02/01"]
    pdf_url = f"http://testserver{content['pdf'].url}"
    assert meta(soup, "citation_pdf_url", "name") == [pdf_url]
    report = json_ld(soup)["Report"]
    assert report["headline"] and report["datePublished"] == "2025-02-01"
    assert report["encoding"]["contentUrl"] == pdf_url
    assert report["numberOfPages"] == 42


def test_only_reports_carry_citation_tags(client, content):
    assert not meta(head(client, content["article"].url), "citation_title", "name")


def test_event_json_ld_has_time_zone_offsets_and_place(client, content):
    event = json_ld(head(client, content["event"].url))["Event"]
    assert event["name"] == "Seoul roundtable"
    assert event["startDate"] == "2030-05-14T09:30:00+09:00"
    assert event["endDate"] == "2030-05-14T11:00:00+09:00"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"] == "Peninsula Institute conference room"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["organizer"]["name"] == "Harbour Institute"


def test_podcast_episode_json_ld(client, content):
    episode = json_ld(head(client, content["episode"].url))["PodcastEpisode"]
    assert episode["name"] == "Episode 1"
    assert episode["url"] == "http://testserver/peninsula-talks/episode-1/"
    assert episode["associatedMedia"]["contentUrl"].endswith(".mp3")
    assert episode["partOfSeries"] == {
        "@type": "PodcastSeries",
        "name": "Peninsula Talks",
        "url": "http://testserver/peninsula-talks/",
    }
    assert episode["duration"] == "PT0H31M5S"
    assert episode["episodeNumber"] == 1


def test_video_json_ld(client, content):
    video = json_ld(head(client, content["video"].url))["VideoObject"]
    assert video["name"] and video["uploadDate"] == "2025-01-03"
    assert video["thumbnailUrl"] and video["embedUrl"].startswith("https://www.youtube-nocookie")


def test_person_page_has_person_json_ld(client, content):
    soup = head(client, content["author"].url)
    person = json_ld(soup)["Person"]
    assert person["name"] == "Jane Park"
    assert person["jobTitle"] == "Non-Resident Fellow"
    assert person["url"] == "http://testserver/experts/jane-park/"
    assert person["affiliation"]["name"] == "Harbour Institute"
    assert meta(soup, "og:type") == ["profile"]
    crumbs = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Harbour Institute", "Experts", "Jane Park"]


def test_home_page_has_organization_and_website(client, content):
    blocks = json_ld(head(client, "/"))
    organization = blocks["Organization"]
    assert organization["name"] == "Harbour Institute"
    assert organization["url"] == "http://testserver/"
    assert organization["address"]["streetAddress"] == "1 Example Street, Washington, DC 20001"
    assert organization["sameAs"] == ["https://x.com/harbourinst"]
    assert blocks["WebSite"]["potentialAction"]["@type"] == "SearchAction"


def test_listing_pages_have_canonical_and_breadcrumbs(client, content):
    soup = head(client, "/themes/security/?page=2&region=x")
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/themes/security/?page=2"
    crumbs = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [c["item"] for c in crumbs] == [
        "http://testserver/",
        "http://testserver/themes/",
        "http://testserver/themes/security/",
    ]
    soup = head(client, "/publications/reports/")
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/publications/reports/"
    assert meta(soup, "og:title") == ["Reports and papers"]
