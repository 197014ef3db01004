"""What a locked-out person sees (django-axes' AXES_LOCKOUT_CALLABLE)."""

import math

from axes.helpers import get_client_username, get_cool_off
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page's place: why signing in is refused and for how long (429)."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "security/lockout.html", context, status=429)
