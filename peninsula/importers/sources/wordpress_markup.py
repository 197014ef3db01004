"""WordPress's own markup in post content, turned into plain HTML before it becomes blocks.

Three kinds: block-editor (Gutenberg) comments, classic-editor shortcodes, and the classic
editor's habit of storing paragraphs as blank lines (WordPress adds the <p> tags only when
it shows a post: `wpautop`). Embeds and attachments come out as
`<figure data-embed="URL">` and `<figure data-media="ID">`, which `blocks.py` understands.
"""

from __future__ import annotations

import html
import json
import re

# Blocks that WordPress fills in when a page is shown (lists of recent posts, search boxes,
# ...). They store no content, so there is nothing to carry over; each is reported.
_BLOCK_COMMENT = re.compile(r"<!--\s+(/?)wp:([a-z0-9/-]+)(\s+\{.*?\})?\s*(/?)-->", re.S)
_EMBED_BLOCK = re.compile(
    r"<!--\s+wp:(?:core-)?embed[a-z0-9/-]*\s+(\{.*?\})\s*-->(.*?)<!--\s+/wp:(?:core-)?embed[a-z0-9/-]*\s+-->",
    re.S,
)
_SHORTCODE = re.compile(
    r"\[(\[?)([a-zA-Z][\w-]*)(?![\w-])([^\]\[]*?)(/?)\](?:(.*?)\[/\2\])?(\]?)", re.S
)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|("[^"]*"|\S+)""")
_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.M)
_EMBED_HOSTS = re.compile(
    r"^https?://(?:www\.|m\.|mobile\.)?(?:youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com)/",
    re.I,
)
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|"
    "blockquote|address|p|h[1-6]|hr|section|article|aside|header|footer|nav|figure|figcaption|"
    "details|summary|iframe"
)
_HAS_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})[\s/>]", re.I)
MEDIA_SHORTCODES = {"audio", "video", "playlist"}
EMBED_SHORTCODES = {"youtube", "vimeo", "tweet", "twitter"}


def prepare_html(content: str, gallery_for_post: list[str] | None = None) -> tuple[str, list[str]]:
    """Plain HTML for `content`, and notes for the report (unknown shortcodes, dropped blocks)."""
    notes: list[str] = []
    content = content.replace("\r\n", "\n")
    is_block_editor = "<!-- wp:" in content
    content = _EMBED_BLOCK.sub(lambda match: _embed_block(match, notes), content)
    if is_block_editor:
        content = _BLOCK_COMMENT.sub(lambda match: _block_comment(match, notes), content)
    content = _expand_shortcodes(content, notes, gallery_for_post or [])
    if not is_block_editor:
        content = autop(content)
    # A link on a line of its own is an embed in WordPress, if the site is one it embeds.
    content = _URL_LINE.sub(
        lambda match: (
            _embed_html(match.group(1)) if _EMBED_HOSTS.match(match.group(1)) else match.group(0)
        ),
        content,
    )
    content = re.sub(
        r"<p>\s*(https?://[^\s<>\"]+)\s*</p>",
        lambda match: (
            _embed_html(match.group(1)) if _EMBED_HOSTS.match(match.group(1)) else match.group(0)
        ),
        content,
    )
    return content, notes


def _embed_html(url: str) -> str:
    return f'<figure data-embed="{html.escape(url, quote=True)}"></figure>'


def _embed_block(match: re.Match, notes: list[str]) -> str:
    try:
        url = json.loads(match.group(1)).get("url", "")
    except (ValueError, AttributeError):
        url = ""
    if not url:
        found = re.search(r"https?://[^\s<>\"]+", match.group(2))
        url = found.group(0) if found else ""
    if not url:
        notes.append("an embed block without a URL was dropped")
        return ""
    return _embed_html(url)


def _block_comment(match: re.Match, notes: list[str]) -> str:
    closing, name, _attributes, self_closing = match.groups()
    if self_closing and not closing:
        notes.append(
            f"dynamic block wp:{name} dropped (WordPress fills it in when it shows a page)"
        )
    return ""


def shortcode_attributes(text: str) -> dict[str, str]:
    """`ids="1,2" columns=3 link='file'` -> {'ids': '1,2', 'columns': '3', 'link': 'file'}."""
    attributes, position = {}, 0
    for match in _ATTRIBUTE.finditer(html.unescape(text)):
        if match.group(1):
            value = next(v for v in match.group(2, 3, 4) if v is not None)
            attributes[match.group(1).lower()] = value
        else:
            attributes[str(position)] = match.group(5).strip('"')
            position += 1
    return attributes


def _expand_shortcodes(content: str, notes: list[str], gallery_for_post: list[str]) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1) and match.group(6):  # [[name]] is WordPress's escape for a literal
            return match.group(0)[1:-1]
        name = match.group(2).lower()
        attributes = shortcode_attributes(match.group(3))
        inner = match.group(5) or ""
        if name in {"caption", "wp_caption"}:
            return _caption(attributes, inner)
        if name == "embed":
            return _embed_html(inner.strip()) if inner.strip() else ""
        if name in EMBED_SHORTCODES:
            url = attributes.get("url") or attributes.get("0") or inner.strip()
            if name == "vimeo" and url.isdigit():
                url = f"https://vimeo.com/{url}"
            if name == "youtube" and url and not url.startswith("http"):
                url = f"https://www.youtube.com/watch?v={url}"
            return _embed_html(url) if url else ""
        if name == "gallery":
            keys = attributes.get("ids") or attributes.get("include") or ""
            ids = [key.strip() for key in keys.split(",") if key.strip().isdigit()]
            exclude = set(attributes.get("exclude", "").split(","))
            ids = ids or [key for key in gallery_for_post if key not in exclude]
            if not ids:
                notes.append("a [gallery] with no images was dropped")
            return "".join(f'<figure data-media="{key}"></figure>' for key in ids)
        if name in MEDIA_SHORTCODES:
            url = attributes.get("src") or next(
                (value for key, value in attributes.items() if value.startswith("http")), ""
            )
            if url and _EMBED_HOSTS.match(url):
                return _embed_html(url)
            notes.append(f"[{name}] shortcode kept as a link")
            escaped = html.escape(url, quote=True)
            return f'<p><a href="{escaped}">{escaped}</a></p>' if url else ""
        return match.group(0)

    # Twice, for shortcodes inside a caption or another shortcode's content.
    for _ in range(2):
        content = _SHORTCODE.sub(replace, content)
    for match in _SHORTCODE.finditer(content):
        if not (match.group(1) and match.group(6)):
            notes.append(f"unknown shortcode [{match.group(2).lower()}] kept as text")
    return content


def _caption(attributes: dict[str, str], inner: str) -> str:
    image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
    if not image:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip()
    caption = caption or attributes.get("caption", "")
    media = ""
    found = re.search(r"attachment_(\d+)", attributes.get("id", ""))
    if found:
        media = f' data-media="{found.group(1)}"'
    return f"<figure{media}>{image.group(0)}<figcaption>{caption}</figcaption></figure>"


def autop(text: str) -> str:
    """WordPress's `wpautop`, simplified: blank lines make paragraphs, single newlines <br>."""
    text = re.sub(rf"(<(?:{_BLOCK_TAGS})[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{_BLOCK_TAGS})>)", r"\1\n\n", text, flags=re.I)
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _HAS_BLOCK_TAG.search(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(paragraphs)
