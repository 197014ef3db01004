"""Reports → Most read: the publications readers opened most, by the site's own counts."""

from django.template.response import TemplateResponse

from peninsula.audience.counting import most_read

PERIODS = {"7": "the last 7 days", "30": "the last 30 days", "365": "the last year"}


def most_read_report(request):
    period = request.GET.get("days", "30")
    if period not in PERIODS:
        period = "30"
    rows = most_read(days=int(period), limit=50)
    context = {"rows": rows, "period": period, "periods": PERIODS, "label": PERIODS[period]}
    return TemplateResponse(request, "audience/admin/most_read.html", context)
