"""The series every publication belongs to, one per type: (slug, title, intro, in menu)."""

SERIES = {
    "article": (
        "the-peninsula",
        "The Peninsula",
        "Commentary from our fellows on the news and the longer trends behind it.",
        True,
    ),
    "brief": (
        "weekly",
        "Northeast Asia Weekly",
        "Every week, five things from Seoul, Pyongyang, Tokyo, Beijing and Washington "
        "worth your attention, in ten minutes of reading.",
        False,
    ),
    "report": (
        "papers",
        "Reports and Papers",
        "In-depth research, reviewed before publication, with a PDF to download.",
        True,
    ),
    "podcast": (
        "the-long-table",
        "The Long Table",
        "Conversations with the Institute's fellows and guests about the region.",
        False,
    ),
    "event": (
        "events",
        "Events",
        "Conferences, book talks and roundtables in Washington, Seoul and online.",
        True,
    ),
    "video": (
        "video",
        "Video Briefings",
        "Short explainers and interviews on the questions readers ask us most.",
        False,
    ),
}
SERIES_ORDER = ["article", "brief", "report", "podcast", "event", "video"]
