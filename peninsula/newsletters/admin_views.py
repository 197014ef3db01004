"""Admin pages around the snippets: send and report, preview, test email, CSV in and out.

Views check permissions and validate; the work happens in campaigns.py, previews.py and
importing.py (through tasks where it is long).
"""

import csv
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from peninsula.core.urls_base import base_url
from peninsula.newsletters import campaigns, importing, previews, tasks, tracking
from peninsula.newsletters.forms import ImportForm
from peninsula.newsletters.models import Campaign, Delivery, Subscriber, SubscriberImport


def _need(request, perm):
    if not request.user.has_perm(f"newsletters.{perm}"):
        raise PermissionDenied


class SendForm(forms.Form):
    when = forms.ChoiceField(choices=[("now", "Send now"), ("later", "Send at a set time")])
    send_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="In the site's time zone.",
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            if not data.get("send_at"):
                self.add_error("send_at", "Choose when to send.")
            elif data["send_at"] <= timezone.now():
                self.add_error("send_at", "Choose a time in the future.")
        return data


class TestEmailForm(forms.Form):
    address = forms.EmailField(label="Send a test to")


def campaign_index(request):
    _need(request, "change_campaign")
    rows = [(c, campaigns.report(c)) for c in Campaign.objects.all()[:50]]
    return TemplateResponse(request, "newsletters/admin/campaigns.html", {"rows": rows})


def recipient_count(request):
    """How many people the ticked lists reach: the compose form asks as boxes are ticked."""
    _need(request, "change_campaign")
    ids = [int(v) for v in request.GET.getlist("lists") if v.isdigit() and len(v) < 10]
    count = campaigns.count_recipients(ids)
    return JsonResponse({"count": count, "count_display": f"{count:,}"})


def _confirmation(request, campaign, send_form, changed_from=None):
    """The last step before sending: what goes to whom and when, with the count again."""
    data = send_form.cleaned_data
    context = {
        "campaign": campaign,
        "lists": campaign.lists.all(),
        "count": campaigns.recipients(campaign).count(),
        "when": data["when"],
        "send_at": data.get("send_at"),
        "send_form": send_form,
        "changed_from": changed_from,
    }
    return TemplateResponse(request, "newsletters/admin/confirm_send.html", context)


def campaign_detail(request, pk):
    _need(request, "change_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    send_form = SendForm(prefix="send")
    test_form = TestEmailForm(prefix="test", initial={"address": request.user.email})
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("send", "confirm"):
            send_form = SendForm(request.POST, prefix="send")
            problems = campaigns.problems(campaign)
            if problems:
                for problem in problems:
                    messages.error(request, problem)
            elif not campaign.is_editable:
                messages.error(request, "This campaign is already on its way.")
            elif send_form.is_valid() and action == "send":
                return _confirmation(request, campaign, send_form)
            elif send_form.is_valid():
                # The editor confirmed a count; if the lists changed since, show the new one.
                shown = request.POST.get("expected", "")
                count = campaigns.recipients(campaign).count()
                if not shown.isdigit() or int(shown) != count:
                    return _confirmation(
                        request, campaign, send_form, changed_from=shown if shown else "?"
                    )
                if send_form.cleaned_data["when"] == "now":
                    campaigns.send_now(campaign)
                    people = "person" if count == 1 else "people"
                    messages.success(request, f"The campaign is on its way to {count:,} {people}.")
                else:
                    campaigns.schedule(campaign, send_form.cleaned_data["send_at"])
                    messages.success(
                        request,
                        f"The campaign is scheduled for {count:,} people. You can cancel it "
                        "until then.",
                    )
                return redirect("newsletters_admin:campaign", pk)
        elif action == "unschedule":
            if campaigns.unschedule(campaign):
                messages.success(
                    request, "The scheduled send is cancelled: the campaign is a draft again."
                )
            else:
                messages.error(request, "Too late to cancel: the campaign is already on its way.")
            return redirect("newsletters_admin:campaign", pk)
        elif action == "test":
            test_form = TestEmailForm(request.POST, prefix="test")
            if test_form.is_valid():
                address = test_form.cleaned_data["address"]
                tasks.enqueue(tasks.send_test_email, campaign.pk, address, base_url(request))
                messages.success(request, f"A test email is on its way to {address}.")
                return redirect("newsletters_admin:campaign", pk)
        elif action == "resend":
            # Exactly the recipients ticked on the page, or nothing if any of them is no
            # longer unconfirmed (resent by someone else, or confirmed by a late bounce).
            ids = {int(v) for v in request.POST.getlist("delivery") if v.isdigit() and len(v) < 19}
            count = campaigns.resend_unconfirmed(campaign, expected=len(ids), delivery_ids=ids)
            if count < 0:
                messages.error(
                    request,
                    "Some of those recipients are no longer unconfirmed. Check the list and resend.",
                )
            else:
                messages.success(request, f"{count} unconfirmed recipients will be sent it again.")
            return redirect("newsletters_admin:campaign", pk)
    context = {
        "campaign": campaign,
        "count": campaigns.recipients(campaign).count(),
        "problems": campaigns.problems(campaign) if campaign.is_editable else [],
        "links": campaign.links.all()[:100],
        "track_opens": settings.PENINSULA_NEWSLETTER_TRACK_OPENS,
        "web_url": tracking.web_url(campaign.pk, base_url(request)),
        "report": campaigns.report(campaign),
        "report_keys": campaigns.REPORT_KEYS,
        "unconfirmed": campaign.deliveries.filter(status=Delivery.Status.UNCONFIRMED)[:200],
        "resendable": campaigns.resendable(campaign),
        "failed": campaign.deliveries.filter(
            status__in=[Delivery.Status.FAILED, Delivery.Status.BOUNCED]
        )[:200],
        "send_form": send_form,
        "test_form": test_form,
    }
    return TemplateResponse(request, "newsletters/admin/campaign.html", context)


def campaign_preview(request, pk):
    _need(request, "change_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    response = HttpResponse(previews.preview_html(campaign, base_url(request)))
    response["Content-Security-Policy"] = "script-src 'none'"
    return response


def import_subscribers(request):
    _need(request, "add_subscriber")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = Path(settings.DATA_DIR) / "newsletter-imports"
        folder.mkdir(exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.csv"
        with path.open("wb") as out:
            for part in form.cleaned_data["file"].chunks():
                out.write(part)
        job = SubscriberImport.objects.create(
            file_name=form.cleaned_data["file"].name[:255],
            file_path=str(path),
            consent_note=form.cleaned_data["consent_note"],
            started_by=request.user,
        )
        job.lists.set(form.cleaned_data["lists"])
        tasks.enqueue(tasks.import_subscribers, job.pk)
        return redirect("newsletters_admin:import", job.pk)
    jobs = SubscriberImport.objects.all()[:20]
    return TemplateResponse(
        request, "newsletters/admin/import_form.html", {"form": form, "jobs": jobs}
    )


def import_detail(request, pk):
    _need(request, "add_subscriber")
    job = get_object_or_404(SubscriberImport, pk=pk)
    return TemplateResponse(request, "newsletters/admin/import.html", {"job": job})


def import_status(request, pk):
    _need(request, "add_subscriber")
    job = get_object_or_404(SubscriberImport, pk=pk)
    return JsonResponse(
        {"status": job.status, "done": job.done, "total": job.total, "finished": job.is_finished}
    )


class _Echo:
    def write(self, value):
        return value


def export_subscribers(request):
    _need(request, "view_subscriber")
    writer = csv.writer(_Echo())
    rows = importing.export_rows(Subscriber.objects.all())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
    return response
