"""Registering for an event and cancelling by the emailed link. Views parse and validate;
the changes are in actions.py.

The form is on a page of its own rather than on the event page: the event page is the
same for every reader and kept by shared caches (docs/caching.md), while a form carries
a CSRF token and the places left change with every registration.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from peninsula.core.urls_base import base_url
from peninsula.registrations import actions, tokens
from peninsula.registrations.forms import registration_form_class
from peninsula.registrations.models import Registration


def _private(response):
    response["X-Robots-Tag"] = "noindex"
    # The cancel token in the URL never leaves the site in a Referer.
    response["Referrer-Policy"] = "same-origin"
    return response


def _event(event_id):
    from peninsula.publications.models import EventPage

    event = get_object_or_404(EventPage.objects.live().public(), pk=event_id)
    if not event.takes_registrations:
        raise Http404("This event takes no registrations here.")
    return event


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, event_id):
    event = _event(event_id)
    questions = list(event.registration_questions.all())
    form_class = registration_form_class(questions)
    problem = ""
    if request.method == "POST" and event.registration_open:
        form = form_class(request.POST, questions=questions)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = actions.register(
                    event,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    answers=form.answers(),
                    base=base_url(request),
                )
            except actions.RegistrationClosed:
                problem = "Registration has closed."
            except actions.EventFull:
                problem = "Sorry: every place has been taken."
            else:
                done = reverse("registrations:registered", args=[event.pk])
                waiting = registration.status == Registration.Status.WAITING
                return redirect(done + ("?waiting=1" if waiting else ""))
    else:
        form = form_class(questions=questions)
    places = actions.places_left(event)
    context = {
        "event": event,
        "form": form,
        "problem": problem,
        "places_left": places,
        "full": places == 0,
    }
    return _private(render(request, "registrations/register.html", context))


@never_cache
def registered(request, event_id):
    event = _event(event_id)
    context = {"event": event, "waiting": request.GET.get("waiting") == "1"}
    return _private(render(request, "registrations/registered.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """GET asks (mail scanners follow links); POST cancels."""
    registration_id = tokens.read_token(token)
    registration = (
        Registration.objects.select_related("event").filter(pk=registration_id).first()
        if registration_id is not None
        else None
    )
    if registration is None:
        return _private(render(request, "registrations/invalid_link.html", status=404))
    if request.method == "POST":
        registration = actions.cancel(registration.pk, base=base_url(request))
        return _private(
            render(request, "registrations/cancelled.html", {"registration": registration})
        )
    return _private(render(request, "registrations/cancel.html", {"registration": registration}))
