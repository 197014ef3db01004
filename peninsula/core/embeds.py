"""Turn a video page URL into an embeddable player URL, without calling any outside service.

Wagtail's oEmbed finder asks the provider over the network at render time; an institute's
pages must render (and tests must pass) with no network, so known providers are mapped here
and anything else is shown as a plain link.
"""

import re
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")


def player_url(url: str) -> str | None:
    """The iframe src for a YouTube or Vimeo URL, or None when the provider is not known."""
    try:
        parts = urlparse(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if video_id and _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parts.path.lstrip("/").split("/")[0]
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        video_id = parts.path.rstrip("/").split("/")[-1]
        if _VIMEO_ID.match(video_id):
            return f"https://player.vimeo.com/video/{video_id}"
    return None
