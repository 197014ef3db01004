"""`?p=123`, `?page_id=123` and `?attachment_id=123`: WordPress's own short links.

They arrive at a page that exists (usually the home page), so Wagtail's redirect middleware,
which acts only on 404s, never sees them. A `before_serve_page` hook answers them instead;
for every other request it costs one dictionary lookup.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.models import Page

from peninsula.importers.models import ImportedItem

QUERY_KINDS = {
    "p": ("post", "page"),
    "page_id": ("page", "post"),
    "attachment_id": ("attachment",),
}


def redirect_wordpress_id(page, request, serve_args, serve_kwargs):
    if not request.GET:
        return None
    for name, kinds in QUERY_KINDS.items():
        value = request.GET.get(name, "")
        if value.isdigit():
            target = _target(value, kinds)
            if target:
                return HttpResponsePermanentRedirect(target)
    return None


def _target(source_id: str, kinds) -> str | None:
    items = ImportedItem.objects.filter(source="wordpress", source_id=source_id, kind__in=kinds)
    for item in items.order_by("-updated_at"):
        if item.kind == "attachment":
            from peninsula.assets.models import CustomDocument, CustomImage

            if item.object_model == "assets.customimage":
                image = CustomImage.objects.filter(pk=item.object_id).first()
                if image:
                    return image.file.url
            else:
                document = CustomDocument.objects.filter(pk=item.object_id).first()
                if document:
                    return document.url
            continue
        page = Page.objects.filter(pk=item.object_id).first()
        if page and page.live:
            return page.url
    return None
