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
from peninsula.newsletters import campaigns, importing, previews, tasks
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


def campaign_detail(request, pk):
    _need(request, "change_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    send_form = SendForm(prefix="send")
    test_form = TestEmailForm(prefix="test", initial={"address": request.user.email})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "send":
            send_form = SendForm(request.POST, prefix="send")
            if not campaign.lists.exists():
                messages.error(request, "Choose at least one list for this campaign first.")
            elif send_form.is_valid():
                if send_form.cleaned_data["when"] == "now":
                    campaigns.send_now(campaign)
                    messages.success(request, "The campaign is on its way.")
                else:
                    campaigns.schedule(campaign, send_form.cleaned_data["send_at"])
                    messages.success(request, "The campaign is scheduled.")
                return redirect("newsletters_admin:campaign", pk)
        elif action == "unschedule":
            campaigns.unschedule(campaign)
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
