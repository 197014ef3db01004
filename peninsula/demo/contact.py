"""The demo's contact page: a form page (peninsula/enquiries) an editor built, its
submissions kept in the admin and emailed to the institute's address."""

from peninsula.demo.content import INSTITUTE
from peninsula.demo.setup import existing_child, publish_child
from peninsula.enquiries.models import FormField, FormPage

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "introduction": "<p>Questions about our research, events or publications, and requests "
    "from journalists: write to us here and the right person will answer, usually within "
    "two working days.</p>",
    "thank_you_text": "<p>Thank you: your message has reached us. We answer within two "
    "working days; journalists on deadline can also call our press office.</p>",
    # (label, type, required, choices)
    "fields": [
        ("Your name", "singleline", True, ""),
        ("Email", "email", True, ""),
        ("Organisation", "singleline", False, ""),
        ("About", "dropdown", True, "Our research\nEvents\nMedia enquiry\nSomething else"),
        ("Message", "multiline", True, ""),
    ],
}


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
        subject="A message from the website",
    )
    page.form_fields = [
        FormField(label=label, field_type=kind, required=required, choices=choices, sort_order=i)
        for i, (label, kind, required, choices) in enumerate(CONTACT["fields"])
    ]
    return publish_child(home, page)
