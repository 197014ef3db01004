"""A form page editors build themselves (contact, media enquiries), on Wagtail's form
builder: the editor lists the fields, submissions are kept (Forms in the admin menu, with
CSV export) and emailed to the addresses the editor gives. Spam is turned away by
peninsula.core.spam, with no outside service."""

from django import forms
from django.core.mail import EmailMessage
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField

from peninsula.core.privacy import ViewRestrictionsMixin
from peninsula.core.spam import SpamProtectedForm


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class SpamProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("WagtailForm", (SpamProtectedForm, BaseForm), self.formfields)


class FormPage(ViewRestrictionsMixin, AbstractEmailForm):
    """A contact or enquiry form."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown once the form is sent. Leave empty for a short thank-you.",
    )

    form_builder = SpamProtectedFormBuilder
    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form field", heading="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading="Email each submission",
        ),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    template = "enquiries/form_page.html"
    landing_page_template = "enquiries/form_page_landing.html"

    class Meta:
        verbose_name = "form page"

    def send_mail(self, form):
        """The submission to the editor's addresses, answerable straight to the sender when
        the form asked for an email address."""
        reply_to = [
            form.cleaned_data[name]
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name)
        ]
        EmailMessage(
            subject=self.subject or f"{self.title}: a new submission",
            body=self.render_email(form),
            from_email=self.from_address or None,
            to=[address.strip() for address in self.to_address.split(",") if address.strip()],
            reply_to=reply_to[:1],
        ).send()
