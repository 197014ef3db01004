from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "peninsula.enquiries"
    verbose_name = "Contact and enquiry forms"
