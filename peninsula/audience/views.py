"""The page-view beacon: /views/<page id>/, POSTed by audience/count-view.js.

Pages are cached (nginx, a CDN), so the page itself cannot count its readers; the small
script at its foot asks this address once per view, and this address is never cached. It
answers 204 with no body and no cookie, stores nothing about the request beyond one more
on the page's count for the day, and leaves out bots by their User-Agent.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from peninsula.audience.bots import is_bot
from peninsula.audience.counting import record_view
from peninsula.security.hostile import MAX_ID


def _from_another_site(request) -> bool:
    """A beacon another site's page made a browser send (Origin, else Sec-Fetch-Site); as
    newsletters.crosssite judges sign-ups, which this app sits below and cannot import."""
    if origin := request.headers.get("Origin"):
        return origin != f"{request.scheme}://{request.get_host()}"
    return request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none")


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


# No CSRF token: the pages that send the beacon are the same for every reader (cached), so
# they carry none. A forged count is all a cross-site POST could do; those are refused too.
@csrf_exempt
@never_cache
@require_POST
def count_view(request, page_id):
    counted = (
        page_id <= MAX_ID  # a larger number is no page, and no database can hold it
        and not is_bot(request.headers.get("User-Agent"))
        and not _from_another_site(request)
        and request.headers.get("Sec-Purpose", "") != "prefetch"
        and Page.objects.filter(pk=page_id, live=True).exists()
    )
    if counted:
        record_view(page_id)
    response = _no_store(HttpResponse(status=204))
    response["X-Counted"] = "1" if counted else "0"
    return response
