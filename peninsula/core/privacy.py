"""A cheaper check for Wagtail's view restrictions (private pages)."""

from django.db.models import Exists
from wagtail.models import PageViewRestriction


def with_restriction_flag(queryset):
    """Have each page loaded by `queryset` know whether any view restriction exists on the
    site, read in the same query, so the check costs no query of its own."""
    return queryset.annotate(any_view_restriction=Exists(PageViewRestriction.objects.all()))


class ViewRestrictionsMixin:
    """Before every page view Wagtail gathers the page's ancestors and their restrictions
    (two queries). Most institutes restrict nothing, so ask first whether any restriction
    exists at all and skip the rest when none does. Pages loaded through
    `with_restriction_flag` (the router's) already know the answer; others ask (one tiny
    query). The answer is read with the page, never cached: a page made private in one
    process is private at once in every other.
    """

    def get_view_restrictions(self):
        flag = getattr(self, "any_view_restriction", None)  # 0/1 on SQLite, a bool elsewhere
        any_restriction = PageViewRestriction.objects.exists() if flag is None else bool(flag)
        if not any_restriction:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
