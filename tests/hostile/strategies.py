"""Hypothesis strategies for what an attacker sends: every public address of the site with
hostile values in its path, its query string and its forms.

Values are generated already percent-encoded, so that bytes no browser would send (a NUL,
invalid UTF-8, an encoded surrogate) reach the server exactly as an attacker writes them.
"""

from urllib.parse import quote, quote_from_bytes

from hypothesis import strategies as st

# Numbers at the edges: ids a database holds, and those it does not.
EDGE_NUMBERS = [0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63) - 1]

# Byte sequences that are not UTF-8, or are UTF-8 no text may hold.
ODD_ENCODINGS = [
    "%ff",  # never valid
    "%c0%80",  # an overlong NUL
    "%ed%a0%80",  # a UTF-16 surrogate
    "%f4%90%80%80",  # past U+10FFFF
    "%e2%82",  # cut short
    "%",  # a bare percent sign
    "%zz",
    "%25%30%30",  # a NUL encoded twice
    "%u0000",  # IIS's notation
]

# NUL on its own branch: among all controls it would be drawn once in 32, and it is the one
# PostgreSQL refuses.
CONTROL = st.one_of(
    st.just("\x00"),
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.sampled_from(["\x7f", "\x85"]),
)


def _encode(text: str) -> str:
    return quote(text, safe="")


hostile_text = st.one_of(
    st.text(max_size=24).map(_encode),  # any Unicode, controls included
    st.text(CONTROL, min_size=1, max_size=4).map(_encode),
    st.builds(
        lambda a, c, b: _encode(a + c + b), st.text(max_size=8), CONTROL, st.text(max_size=8)
    ),
    st.sampled_from(EDGE_NUMBERS).map(str),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.sampled_from([256, 1_000, 5_000, 20_000]).map(lambda n: "a" * n),  # overlong
    st.sampled_from(ODD_ENCODINGS),
    st.binary(min_size=1, max_size=12).map(lambda raw: quote_from_bytes(raw, safe="")),
)


# A path segment: hostile, or one the site really has (so routes past it are reached).
def segment(*real: str):
    return st.one_of(hostile_text, st.sampled_from(real)) if real else hostile_text


def query_string(names: list[str]):
    """Parameters by the names the view reads (and some it does not), possibly repeated."""
    name = st.one_of(st.sampled_from(names), hostile_text) if names else hostile_text
    pair = st.tuples(name, hostile_text)
    return st.lists(pair, max_size=5).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs))


# Each public route: (method, path pattern, names it reads). A `{}` is a path segment.
LISTING = ["type", "theme", "region", "year", "order", "page"]
SEARCH = ["q", "type", "series", "theme", "region", "author", "year", "page", "sort"]
API_LIST = ["limit", "offset", "type", "series", "theme", "region", "topic", "author"]
API_LIST += ["date_from", "date_to", "expert"]


def get_routes(site):
    """Every public GET route, with real segments from `site` where a route has some."""
    series, article = site["series"].slug, site["article"].slug
    theme, author = site["theme"].slug, site["author"].slug
    podcasts, event = site["podcasts"].slug, str(site["event"].pk)
    pdf = site["pdf"]
    return [
        ("/", [], ()),
        ("/{}/", LISTING, (series, "experts", "publications")),
        ("/{}/{}/", LISTING, (series, "experts")),
        (f"/{series}/{{}}/", ["page"], (article,)),
        ("/publications/", LISTING, ()),
        ("/publications/{}/", LISTING, ("reports", "commentary")),
        ("/{}/", LISTING, ("themes", "regions", "topics")),
        ("/themes/{}/", LISTING, (theme,)),
        ("/regions/{}/", LISTING, ("korean-peninsula",)),
        ("/topics/{}/", LISTING, ("nuclear-policy",)),
        ("/experts/{}/", ["page", "type"], (author,)),
        ("/search/", SEARCH, ()),
        ("/search/suggest/", ["q"], ()),
        ("/subscribe/", ["source"], ()),
        ("/newsletters/check-your-inbox/", [], ()),
        ("/newsletters/confirm/{}/", [], (site["confirm_path"].split("/")[-2],)),
        ("/newsletters/preferences/{}/", [], (site["preferences_path"].split("/")[-2],)),
        ("/newsletters/unsubscribe/{}/", [], (site["unsubscribe_path"].split("/")[-2],)),
        ("/newsletters/click/{}/", [], (site["click_token"],)),
        ("/newsletters/web/{}/", [], (site["web_token"],)),
        ("/newsletters/open/{}/", [], (site["open_token"],)),
        ("/feeds/{}/", [], ("rss", "atom", "json")),
        ("/feeds/{}/{}/rss/", [], ("theme", "author", "series", theme, author, series)),
        ("/feeds/podcasts/{}/", [], (podcasts,)),
        ("/feeds/events.ics", [], ()),
        ("/feeds/events/{}.ics", [], (event,)),
        ("/sitemap.xml", [], ()),
        ("/sitemap-{}.xml", [], ("pages", "publications", "listings")),
        ("/robots.txt", [], ()),
        ("/api/v1/{}/", API_LIST, ("publications", "people", "series", "themes", "regions")),
        ("/api/v1/{}/{}/", [], ("publications", "people", str(site["article"].pk))),
        ("/api/v1/openapi.json", [], ()),
        ("/health/", [], ()),
        ("/health/ready/", [], ()),
        ("/documents/{}/{}", [], (str(pdf.pk), pdf.filename)),
        ("/media/{}", [], ("documents", "images")),
        ("/admin/login/", ["next"], ()),
        ("/admin/password_reset/", [], ()),
    ]


def post_routes(site):
    """Every public form: (path, the fields it reads)."""
    signup = ["email", "name", "organisation", "lists", "series", "source"]
    return [
        ("/subscribe/", signup),
        ("/newsletters/sign-up/", signup),
        (site["preferences_path"], ["lists", "themes", "series", "frequency"]),
        (site["unsubscribe_path"], ["List-Unsubscribe"]),
        (site["confirm_path"], []),
        (f"/views/{site['article'].pk}/", []),
        ("/admin/login/", ["username", "password", "next"]),
        ("/admin/password_reset/", ["email"]),
    ]


@st.composite
def get_request(draw, site):
    """(path with query string, headers) for one GET to a public route."""
    pattern, names, real = draw(st.sampled_from(get_routes(site)))
    path = pattern.format(*(draw(segment(*real)) for _ in range(pattern.count("{}"))))
    query = draw(query_string(names))
    headers = {}
    if draw(st.booleans()):
        headers["HTTP_IF_NONE_MATCH"] = draw(st.text(max_size=40))
    return (f"{path}?{query}" if query else path), headers


@st.composite
def form_post(draw, site):
    """(path, urlencoded body) for one POST to a public form, fields repeated at will."""
    path, names = draw(st.sampled_from(post_routes(site)))
    real_values = st.sampled_from(
        ["reader@example.org", "weekly", "One-Click", str(site["theme"].pk), "Ana"]
    )
    value = st.one_of(hostile_text, real_values)
    pairs = draw(st.lists(st.tuples(st.sampled_from(names or ["x"]), value), max_size=8))
    return path, "&".join(f"{name}={v}" for name, v in pairs)


# One of each class, for the sweep that tries every one on every route and form.
SWEEP_VALUES = [
    "%00",
    "a%00b",
    "%1b%5b2J",
    "%7f",
    str(2**63),
    "99999999999999999999999",
    "-1",
    "0",
    "a" * 5000,
    "%ff%fe",
    "%c0%80",
    "%ed%a0%80",
]


def sweep_gets(site):
    """Every GET route with each sweep value in each path segment (the others real) and
    then in every query parameter it reads at once, the first one repeated."""
    for pattern, names, real in get_routes(site):
        slots = pattern.count("{}")
        fill = [(real[0] if real else "x")] * slots
        for value in SWEEP_VALUES:
            for slot in range(slots):
                segments = [*fill[:slot], value, *fill[slot + 1 :]]
                yield pattern.format(*segments)
            if names:
                query = "&".join(f"{name}={value}" for name in [names[0], *names])
                yield f"{pattern.format(*fill)}?{query}"


def sweep_posts(site):
    """Every public form with each sweep value in every field it reads, repeated."""
    for path, names in post_routes(site):
        for value in SWEEP_VALUES:
            fields = names or ["x"]
            yield path, "&".join(f"{name}={value}" for name in [fields[0], *fields])
