"""The compose form's lists: checkboxes with the live recipient count beside them."""

from django import forms
from django.urls import reverse


class RecipientListsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes, and under them how many people the ticked lists reach (each counted once),
    updated by newsletters/recipient_count.js as boxes are ticked."""

    template_name = "newsletters/widgets/recipient_lists.html"

    class Media:
        js = ["newsletters/recipient_count.js"]

    def get_context(self, name, value, attrs):
        from peninsula.newsletters.campaigns import count_recipients

        context = super().get_context(name, value, attrs)
        ids = [int(v) for v in value or [] if str(v).isdigit()]
        count = count_recipients(ids)
        context["widget"]["count"] = count
        context["widget"]["count_display"] = f"{count:,}"
        context["widget"]["count_url"] = reverse("newsletters_admin:recipient_count")
        return context
