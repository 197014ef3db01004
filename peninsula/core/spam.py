"""Spam protection for public forms that needs no outside service.

Three checks, each cheap for a person and costly for a bot that posts blindly:
- a honeypot: a text field people never see or reach (off-screen, out of the tab order,
  hidden from screen readers) that form-filling bots fill in;
- a minimum fill time: the form carries the moment it was shown, and a post that comes back
  sooner than a person could have typed (PENINSULA_FORM_MIN_SECONDS) is refused;
- that moment is signed with the site's secret (django.core.signing), so a bot cannot
  backdate it, and expires (PENINSULA_FORM_MAX_AGE_SECONDS), so a form fetched once
  cannot be replayed for ever.
A refused form says why in words a person can act on, and keeps what they typed.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing

HONEYPOT = "website"
STARTED = "form_started"
_SALT = "peninsula.core.spam"


def started_token(now: float | None = None) -> str:
    """The signed moment a form was shown."""
    return signing.dumps(now if now is not None else time.time(), salt=_SALT)


class SpamProtectedForm(forms.Form):
    """Mix into any public form (put it first among the bases)."""

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED] = started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT, ""):
            raise forms.ValidationError(
                "This form could not be sent. Please leave the hidden field empty.",
                code="honeypot",
            )
        age = _age(cleaned.pop(STARTED, ""))
        if age is None:
            # The form shown again carries a fresh moment, so sending it again works.
            self.data = self.data.copy()
            self.data[STARTED] = started_token()
            raise forms.ValidationError(
                "This form has expired. Please send it again.", code="expired"
            )
        if age < settings.PENINSULA_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                "That was quicker than we expect anyone to type. Please check the form and "
                "send it again.",
                code="too_fast",
            )
        return cleaned

    @property
    def visible_fields_only(self):
        return [field for field in self if field.name not in (HONEYPOT, STARTED)]


def _age(token: str) -> float | None:
    """Seconds since the signed moment, or None when it is missing, forged or expired."""
    try:
        started = signing.loads(token or "", salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int | float):
        return None
    age = time.time() - started
    return age if 0 <= age <= settings.PENINSULA_FORM_MAX_AGE_SECONDS else None
