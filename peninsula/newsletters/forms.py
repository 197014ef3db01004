from django import forms

from peninsula.newsletters.models import MailingList, Subscriber
from peninsula.newsletters.signals import public_lists
from peninsula.security.hostile import IdMultipleChoiceField

MAX_CSV_BYTES = 10 * 1024 * 1024


class SignupForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    name = forms.CharField(label="Name", max_length=200)
    organisation = forms.CharField(label="Organisation (optional)", max_length=200, required=False)
    lists = forms.TypedMultipleChoiceField(
        label="Lists to join",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one list."},
    )
    series = forms.TypedMultipleChoiceField(
        coerce=int, required=False, widget=forms.MultipleHiddenInput
    )
    source = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].choices = [(pk, name) for pk, name, _ in public_lists()]
        from peninsula.publications.models import SeriesPage

        self.fields["series"].choices = [
            (pk, pk) for pk in SeriesPage.objects.live().values_list("pk", flat=True)
        ]


class PreferencesForm(forms.Form):
    lists = IdMultipleChoiceField(
        queryset=MailingList.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Lists",
    )
    themes = IdMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Themes"
    )
    series = IdMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Series"
    )
    frequency = forms.ChoiceField(
        choices=Subscriber.Frequency.choices,
        widget=forms.RadioSelect,
        label="Digest of new publications on what you follow",
    )

    def __init__(self, *args, subscriber, **kwargs):
        super().__init__(*args, **kwargs)
        from peninsula.publications.models import SeriesPage
        from peninsula.taxonomy.models import Theme

        # Public lists, plus any private list this person is already on (so they can leave).
        # No subscriber: a test email's stand-in reader, offered the public lists.
        mine = subscriber.lists.values("pk") if subscriber is not None else []
        self.fields["lists"].queryset = MailingList.objects.filter(public=True) | (
            MailingList.objects.filter(pk__in=mine)
        )
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["series"].queryset = SeriesPage.objects.live().order_by("title")


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="Columns: email, name, organisation.")
    lists = IdMultipleChoiceField(
        queryset=MailingList.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    consent_note = forms.CharField(
        max_length=300,
        label="Where these people agreed to hear from you",
        help_text="Kept as each imported person's consent record.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file is larger than 10 MB; split it and try again.")
        return upload
