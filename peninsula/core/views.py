"""Site-wide pages that are not in the page tree."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import static
from django.views.decorators.csrf import requires_csrf_token


def serve_media(request, path):
    """Uploaded media, on a laptop install (PENINSULA_SERVE_MEDIA); read at request time."""
    try:
        return static.serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:  # a name longer than the file system allows, say
        raise Http404("No such file.") from error


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The site's page is built for a host; this request named none the site serves.
        return HttpResponseBadRequest("<h1>Bad Request (400)</h1>")
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # No context processors here: the database may be what failed.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
