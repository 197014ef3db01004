"""The registration form: name, email and organisation, then the event's own questions
(built by Wagtail's FormBuilder from the editor's RegistrationQuestion rows)."""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from peninsula.core.spam import SpamProtectedForm

# The questions' field names are their labels slugged (clean_name); these are ours.
RESERVED_NAMES = {"name", "email", "organisation", "website", "form_started"}


class RegistrationForm(SpamProtectedForm):
    name = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def __init__(self, *args, questions=(), **kwargs):
        self.questions = [q for q in questions if q.clean_name not in RESERVED_NAMES]
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def answers(self) -> dict[str, str]:
        """{question label: answer as text}, in the editor's order."""
        found = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.clean_name)
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, bool):
                value = "Yes" if value else "No"
            found[question.label] = "" if value is None else str(value)
        return found


def registration_form_class(questions):
    """A RegistrationForm class with a field per question, made by Wagtail's FormBuilder."""
    questions = [q for q in questions if q.clean_name not in RESERVED_NAMES]
    fields = FormBuilder(questions).formfields
    return type("EventRegistrationForm", (RegistrationForm, BaseForm), dict(fields))
