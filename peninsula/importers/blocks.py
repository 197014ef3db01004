"""HTML from another platform, turned into Peninsula's body blocks (see core/blocks.py).

nh3 sanitises and repairs the HTML first (unclosed tags closed, scripts and styles removed,
event handlers and unknown attributes dropped), then the tree is walked: headings, quotes,
figures, embeds and tables become their own blocks, and runs of paragraphs and lists are
gathered into one rich-text paragraph block written in Wagtail's rich-text format. Every
attribute of the output is written here, so nothing from the source reaches a page
unescaped. Images and links are looked up through a resolver, which the loader provides.
"""

from __future__ import annotations

import re
import uuid
from html import escape
from html.parser import HTMLParser
from typing import Protocol

import nh3

from peninsula.core.embeds import player_url
from peninsula.importers.nesting import MAX_DEPTH, limit_nesting

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "cite",
    "footer", "figure", "figcaption", "img", "a", "strong", "b", "em", "i", "sup", "sub",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "pre", "code", "iframe",
    "div", "span", "hr", "dl", "dt", "dd", "section", "article", "u", "s", "del", "ins",
    "small", "mark", "abbr", "q", "video", "audio", "source", "address",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "class", "title"},
    "iframe": {"src", "title"},
    "figure": {"class", "data-embed", "data-media"},
    "blockquote": {"class"},
    "video": {"src"},
    "audio": {"src"},
    "source": {"src"},
}
VOID = {"br", "img", "hr", "source", "wbr", "col", "input", "area", "embed"}
BLOCK_LEVEL = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table",
    "pre", "div", "hr", "dl", "section", "article", "iframe", "img", "address", "video",
    "audio", "footer",
}  # fmt: skip
INLINE_MARKS = {"strong": "b", "b": "b", "em": "i", "i": "i", "sup": "sup"}
EMBED_HOSTS = re.compile(r"^(?:www\.|mobile\.|m\.)?(?:twitter\.com|x\.com)$", re.I)


class Resolver(Protocol):
    def image(self, src: str, classes: str, media_key: str) -> tuple[int, str] | None:
        """The image id and its default caption, or None (the resolver reports why)."""

    def link(self, href: str) -> str:
        """The `<a ...>` attributes for href: a page or document link, or a plain href."""

    def note(self, message: str) -> None: ...


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def find_all(self, tag: str):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.find_all(tag)

    def find(self, tag: str) -> Node | None:
        return next(self.find_all(tag), None)

    def has_block(self) -> bool:
        return any(
            isinstance(child, Node) and (child.tag in BLOCK_LEVEL or child.has_block())
            for child in self.children
        )


class _TreeBuilder(HTMLParser):
    """Builds the tree, no deeper than MAX_DEPTH: the sanitiser can still nest what was flat
    (unclosed inline tags), and walking the tree recurses once per level."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]
        self.overflow = 0  # elements opened below MAX_DEPTH and not kept

    def handle_starttag(self, tag, attrs):
        if tag not in VOID and len(self.stack) > MAX_DEPTH:
            self.overflow += 1
            return
        node = Node(tag, {key: value or "" for key, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {key: value or "" for key, value in attrs}))

    def handle_endtag(self, tag):
        if self.overflow:
            self.overflow -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def sanitise(html: str) -> str:
    """nh3 with Peninsula's allow-list: safe, well-formed HTML."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def parse(html: str, note=None) -> Node:
    """The sanitised tree of `html`; `note(message)` hears if its nesting was flattened."""
    html, flattened = limit_nesting(html)
    builder = _TreeBuilder()
    builder.feed(sanitise(html))
    builder.close()
    if (flattened or builder.overflow) and note:
        note(
            f"HTML nested more than {MAX_DEPTH} levels deep was flattened below that depth "
            "(its text is kept)"
        )
    return builder.root


def html_to_blocks(html: str, resolver: Resolver) -> list[dict]:
    """The StreamField data (a list of {"type", "value", "id"}) for `html`."""
    return tree_to_blocks(parse(html), resolver)


def tree_to_blocks(tree: Node, resolver: Resolver) -> list[dict]:
    """html_to_blocks for HTML already parsed. The conversion empties the caption and
    citation nodes it has used: read anything else from the tree (its text) before."""
    converter = _Converter(resolver)
    converter.walk(tree.children)
    converter.flush()
    return converter.blocks


def _block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Converter:
    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self.blocks: list[dict] = []
        self.rich: list[str] = []  # <p> and list elements waiting to become one paragraph block
        self.inline: list[str] = []  # inline content outside any <p>

    # Gathering paragraphs ----------------------------------------------------------------
    def end_inline(self):
        content = "".join(self.inline).strip()
        self.inline = []
        content = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", content)
        if content:
            self.rich.append(f"<p>{content}</p>")

    def flush(self):
        self.end_inline()
        if self.rich:
            self.blocks.append(_block("paragraph", "".join(self.rich)))
            self.rich = []

    def add(self, kind: str, value):
        self.flush()
        self.blocks.append(_block(kind, value))

    # Walking the tree --------------------------------------------------------------------
    def walk(self, nodes):
        for node in nodes:
            if isinstance(node, str):
                if node.strip() or self.inline:
                    self.inline.append(escape(re.sub(r"\s+", " ", node), quote=False))
                continue
            self.element(node)

    def element(self, node: Node):
        tag = node.tag
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            # Broken HTML can leave paragraphs or tables inside an unclosed heading.
            blocks = [
                child
                for child in node.children
                if isinstance(child, Node) and (child.tag in BLOCK_LEVEL or child.has_block())
            ]
            heading = Node(tag, {})
            heading.children = [child for child in node.children if child not in blocks]
            text = _clean_text(heading.text())
            if text:
                level = "h2" if tag in {"h1", "h2"} else "h3"
                self.add("heading", {"text": text[:255], "level": level})
            self.walk(blocks)
        elif tag == "p":
            self.end_inline()
            self.paragraph(node)
        elif tag in {"ul", "ol"}:
            self.end_inline()
            items = self.list_html(node)
            if items:
                self.rich.append(items)
        elif tag == "blockquote":
            self.quote(node)
        elif tag == "figure":
            self.figure(node)
        elif tag == "img":
            self.image(node, "")
        elif tag in {"iframe", "video", "audio"}:
            self.media(node)
        elif tag == "table":
            self.table(node, "")
        elif tag == "pre":
            self.end_inline()
            lines = [escape(line) for line in node.text().strip("\n").split("\n")]
            if any(line.strip() for line in lines):
                self.rich.append("<p>" + "<br/>".join(lines) + "</p>")
        elif tag == "hr":
            self.end_inline()
        elif tag == "a" and node.find("img") is not None:
            for image in node.find_all("img"):
                self.image(image, "")
        elif tag in {"div", "section", "article", "footer", "address", "dl", "dd", "dt"} or (
            node.has_block()
        ):
            self.end_inline()
            self.walk(node.children)
            self.end_inline()
        else:
            self.inline.append(self.inline_html(node))

    def paragraph(self, node: Node):
        """A <p>; images or embeds inside it are lifted out into blocks of their own."""
        for child in node.children:
            if isinstance(child, Node) and (
                child.tag in {"img", "iframe", "figure", "video", "audio"}
                or (child.tag == "a" and child.find("img") is not None)
                or child.has_block()
            ):
                self.end_inline()
                self.element(child)
            elif isinstance(child, str):
                self.inline.append(escape(re.sub(r"\s+", " ", child), quote=False))
            else:
                self.inline.append(self.inline_html(child))
        self.end_inline()

    def inline_html(self, node: Node | str) -> str:
        if isinstance(node, str):
            return escape(re.sub(r"\s+", " ", node), quote=False)
        inner = "".join(self.inline_html(child) for child in node.children)
        if node.tag == "br":
            return "<br/>"
        if node.tag in INLINE_MARKS and inner.strip():
            mark = INLINE_MARKS[node.tag]
            return f"<{mark}>{inner}</{mark}>"
        if node.tag == "a" and node.attrs.get("href") and inner.strip():
            return f"<a {self.resolver.link(node.attrs['href'])}>{inner}</a>"
        if node.tag == "img":  # an image inside inline markup: keep its description
            return escape(node.attrs.get("alt", ""), quote=False)
        return inner

    def list_html(self, node: Node) -> str:
        items = []
        for item in node.children:
            if not isinstance(item, Node):
                continue
            if item.tag != "li":
                continue
            parts = []
            for child in item.children:
                if isinstance(child, Node) and child.tag in {"ul", "ol"}:
                    parts.append(self.list_html(child))
                elif isinstance(child, Node) and child.tag == "p":
                    parts.append("".join(self.inline_html(c) for c in child.children))
                else:
                    parts.append(self.inline_html(child))
            content = "".join(parts).strip()
            if content:
                items.append(f"<li>{content}</li>")
        return f"<{node.tag}>{''.join(items)}</{node.tag}>" if items else ""

    # Blocks of their own -----------------------------------------------------------------
    def quote(self, node: Node):
        if "twitter-tweet" in node.attrs.get("class", ""):
            links = [a.attrs.get("href", "") for a in node.find_all("a")]
            status = next((href for href in reversed(links) if "/status/" in href), "")
            if status:
                self.add("embed", {"url": status, "title": ""})
                return
        attribution = ""
        for tag in ("cite", "footer"):
            found = node.find(tag)
            if found is not None:
                attribution = _clean_text(found.text()).lstrip("—–- ")
                found.children = []
        paragraphs = [_clean_text(p.text()) for p in node.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or _clean_text(node.text())
        if text:
            self.add("quote", {"text": text, "attribution": attribution[:255]})

    def figure(self, node: Node):
        caption_node = node.find("figcaption")
        caption = _clean_text(caption_node.text()) if caption_node is not None else ""
        if caption_node is not None:
            caption_node.children = []
        if node.attrs.get("data-embed"):
            self.embed(node.attrs["data-embed"], caption)
        elif node.attrs.get("data-media") and node.find("img") is None:
            self.image(None, caption, media_key=node.attrs["data-media"])
        elif node.find("img") is not None:
            images = list(node.find_all("img"))
            for image in images:
                # A caption under a gallery belongs to the gallery, not to each image.
                self.image(
                    image,
                    caption if len(images) == 1 else "",
                    media_key=node.attrs.get("data-media", "") if len(images) == 1 else "",
                )
        elif node.find("table") is not None:
            self.table(node.find("table"), caption)
        else:
            self.walk(node.children)
            if caption:
                self.inline.append(escape(caption, quote=False))
                self.end_inline()

    def image(self, node: Node | None, caption: str, media_key: str = ""):
        src = node.attrs.get("src", "") if node is not None else ""
        classes = node.attrs.get("class", "") if node is not None else ""
        found = self.resolver.image(src, classes, media_key)
        if found is None:
            self.end_inline()
            return
        image_id, default_caption = found
        self.add(
            "image",
            {"image": image_id, "caption": (caption or default_caption)[:500], "credit": ""},
        )

    def media(self, node: Node):
        src = node.attrs.get("src", "")
        if not src:
            source = node.find("source")
            src = source.attrs.get("src", "") if source is not None else ""
        if not src:
            return
        if player_url(src) or src.startswith("https://player.vimeo.com/video/"):
            self.embed(_watch_url(src), node.attrs.get("title", ""))
        else:
            self.end_inline()
            self.rich.append(f"<p><a {self.resolver.link(src)}>{escape(src)}</a></p>")

    def embed(self, url: str, title: str):
        url = url.strip()
        if not url.startswith(("http://", "https://")):
            self.resolver.note(f"an embed with the address {url[:80]!r} was dropped")
            return
        self.add("embed", {"url": url[:200], "title": title[:255]})

    def table(self, node: Node, caption: str):
        rows, header = [], False
        for index, row in enumerate(node.find_all("tr")):
            cells = [
                _clean_text(cell.text())
                for cell in row.children
                if isinstance(cell, Node) and cell.tag in {"td", "th"}
            ]
            if index == 0:
                header = any(isinstance(cell, Node) and cell.tag == "th" for cell in row.children)
            rows.append(cells)
        if not rows:
            return
        caption_node = node.find("caption")
        if caption_node is not None and not caption:
            caption = _clean_text(caption_node.text())
        width = max(len(row) for row in rows) or 1
        rows = [row + [""] * (width - len(row)) for row in rows]
        self.add(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_header_choice": "row" if header else "neither",
                "table_caption": caption[:255],
                "cell": [],
                "mergeCells": [],
            },
        )


def _watch_url(src: str) -> str:
    """A player address (youtube.com/embed/ID) as the page address editors would paste."""
    match = re.match(r"https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", src)
    if match:
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    match = re.match(r"https?://player\.vimeo\.com/video/(\d+)", src)
    if match:
        return f"https://vimeo.com/{match.group(1)}"
    return src


def plain_text(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed (for summaries)."""
    return tree_text(parse(html))


def tree_text(tree: Node) -> str:
    """plain_text for HTML already parsed."""
    return _clean_text(tree.text())
