"""Who registered for which event, and the questions an editor asks them.

The questions are Wagtail form-builder fields (wagtail.contrib.forms.AbstractFormField) on
the event page, so an editor adds them in the event's own editor and readers answer them
in a form Wagtail's FormBuilder makes. Capacity and the waiting list are fields of the
event (EventPage.capacity, .waiting_list); the state changes are in actions.py.
"""

from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractFormField


class RegistrationQuestion(AbstractFormField):
    page = ParentalKey(
        "publications.EventPage", on_delete=models.CASCADE, related_name="registration_questions"
    )

    class Meta(AbstractFormField.Meta):
        verbose_name = "registration question"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey(
        "publications.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(max_length=200)
    email = models.EmailField()
    organisation = models.CharField(max_length=200, blank=True)
    answers = models.JSONField(default=dict, blank=True, help_text="{question label: answer}")
    status = models.CharField(max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a waiting registration was given a place, or anyone cancelled.
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One place (or one place in the queue) per address and event; a cancelled
            # registration does not stop the same person registering again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="by_event_status")]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    # For the admin's CSV export.
    @property
    def event_title(self) -> str:
        return self.event.title

    @property
    def event_start(self):
        return self.event.starts_at

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    @property
    def answers_text(self) -> str:
        """'Question: answer; ...' in the order they were asked."""
        return "; ".join(f"{question}: {answer}" for question, answer in self.answers.items())
