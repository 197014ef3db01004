"""Form widgets for the reader-facing pages."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A <select> written out in one go.

    Django renders a select through one template per option; a listing's filter bar has
    about sixty options, which costs several milliseconds on every listing page. Plain
    (value, label) choices only: no option groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) == chosen else "", label)
                for choice, label in self.choices
            ),
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)
