"""The demo's contact page: a form page (peninsula/enquiries) an editor built, its
submissions kept in the admin and emailed to the institute's address. Its words and fields
are in content/contact.md."""

from peninsula.demo.content import CONTACT, INSTITUTE
from peninsula.demo.setup import existing_child, publish_child
from peninsula.enquiries.models import FormField, FormPage


def ensure_contact_page(home) -> FormPage:
    page = existing_child(home, FormPage, CONTACT["slug"])
    if page:
        return page
    page = FormPage(
        title=CONTACT["title"],
        slug=CONTACT["slug"],
        introduction=CONTACT["introduction"],
        thank_you_text=CONTACT["thank_you_text"],
        to_address=INSTITUTE["email"],
        subject=CONTACT["subject"],
    )
    page.form_fields = [
        FormField(label=label, field_type=kind, required=required, choices=choices, sort_order=i)
        for i, (label, kind, required, choices) in enumerate(CONTACT["fields"])
    ]
    return publish_child(home, page)
