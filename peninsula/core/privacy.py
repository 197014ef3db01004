"""A cheaper check for Wagtail's view restrictions (private pages)."""

from wagtail.models import PageViewRestriction


class ViewRestrictionsMixin:
    """Before every page view Wagtail gathers the page's ancestors and their restrictions
    (two queries). Most institutes restrict nothing, so ask first whether any restriction
    exists at all (one tiny query) and skip the rest when none does.
    """

    def get_view_restrictions(self):
        if not PageViewRestriction.objects.exists():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
