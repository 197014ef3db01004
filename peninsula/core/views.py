"""Site-wide pages that are not in the page tree."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import static
from django.views.decorators.csrf import requires_csrf_token


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
