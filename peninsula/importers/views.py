"""Admin pages: start an import, watch it, read its report. The work is in actions/tasks."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from peninsula.importers import actions, tasks
from peninsula.importers.forms import ImportForm
from peninsula.importers.models import ImportRun
from peninsula.importers.report import Report


def _check(request):
    if not request.user.has_perm("importers.add_importrun"):
        raise PermissionDenied


def index(request):
    _check(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = actions.create_import_run(
            form.cleaned_data["export"],
            mapping_text=form.cleaned_data["mapping"],
            uploads_dir=form.cleaned_data["uploads_dir"],
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
        )
        tasks.run_import.enqueue(run.pk)
        return redirect("importers:run", run.pk)
    return TemplateResponse(
        request,
        "importers/index.html",
        {"form": form, "runs": ImportRun.objects.all()[:20]},
    )


def run_detail(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return TemplateResponse(
        request,
        "importers/run.html",
        {
            "run": run,
            "progress": actions.read_progress(run),
            "report_lines": Report.from_dict(run.report).lines() if run.report else [],
        },
    )


def run_status(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return JsonResponse(
        {"status": run.status, "finished": run.is_finished, **actions.read_progress(run)}
    )
