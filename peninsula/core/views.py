"""Site-wide pages that are not in the page tree."""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import static
from django.views.decorators.csrf import requires_csrf_token

from peninsula.publications.listing import card_queryset
from peninsula.publications.models import PublicationPage

MAX_QUERY_LENGTH = 200
SEARCH_RESULTS = 30


def search(request):
    """A simple title-and-summary search until the full search app lands (issue 4)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    query = "".join(ch for ch in query if ch.isprintable())
    results = []
    if query:
        matches = PublicationPage.objects.listed()
        for word in query.split()[:8]:
            matches = matches.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        results = list(card_queryset(matches.order_by("-date", "-pk")[:SEARCH_RESULTS]))
    response = render(request, "core/search.html", {"query": query, "results": results})
    response["X-Robots-Tag"] = "noindex"
    return response


def subscribe(request):
    """Placeholder: the mailing-list sign-up arrives with the newsletters app (issue 5)."""
    return render(request, "core/subscribe.html", {"email": request.POST.get("email", "")[:254]})


def serve_media(request, path):
    """Uploaded media, on a laptop install (PENINSULA_SERVE_MEDIA); read at request time."""
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # No context processors here: the database may be what failed.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
