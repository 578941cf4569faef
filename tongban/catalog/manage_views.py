"""Staff pages for the catalogue's Excel import/export. Thin: the work is in excel*.py."""

import io
from functools import wraps
from urllib.parse import quote

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tongban.catalog.excel import export_for_user, write_template
from tongban.catalog.excel_guard import WorkbookRefused, check_archive
from tongban.catalog.excel_import import ImportReport
from tongban.catalog.excel_jobs import (
    MAX_UPLOAD_BYTES,
    can_manage_catalog,
    job_for,
    job_progress,
    jobs_for,
    start_import,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERRORS_SHOWN = 500


def editor_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_manage_catalog(request.user):
            raise PermissionDenied("只有事项管理员可以导入、导出实施清单")
        return view(request, *args, **kwargs)

    return wrapped


class ImportForm(forms.Form):
    file = forms.FileField(
        label="实施清单文件（.xlsx）",
        help_text="按“导入模板”的列填写；导入前会校验全部行，有任何错误都不会写入数据。",
        error_messages={"required": "请选择要导入的实施清单文件（.xlsx）", "empty": "实施清单文件是空文件",
                        "invalid": "实施清单文件无法读取，请重新选择"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                "实施清单文件须为 .xlsx 格式（Excel 2007 及以上），请另存为 .xlsx 后上传")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"实施清单文件不能超过{MAX_UPLOAD_BYTES // (1024 * 1024)}MB")
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":  # every .xlsx is a zip archive
            raise forms.ValidationError("实施清单文件不是有效的 .xlsx 文件，请用 Excel 另存为 .xlsx 后上传")
        try:
            # Sizes from the zip directory only: a file that would expand into gigabytes is never stored.
            check_archive(upload)
        except WorkbookRefused as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload


@editor_required
def import_upload(request):
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            job = start_import(request.user, form.cleaned_data["file"])
            return redirect("catalog-import-job", pk=job.pk)
    else:
        form = ImportForm()
    return render(request, "catalog/manage/import.html", {
        "form": form, "jobs": jobs_for(request.user)[:10],
    })


@editor_required
def import_job(request, pk):
    job = job_for(request.user, pk)
    if job is None:
        raise Http404("导入任务不存在")
    report = ImportReport.from_dict(job.report) if job.report else None
    context = {
        "job": job, "progress": job_progress(job), "report": report,
        "errors": report.errors[:ERRORS_SHOWN] if report else [],
        "errors_hidden": max(len(report.errors) - ERRORS_SHOWN, 0) if report else 0,
    }
    template = "catalog/manage/_import_job_status.html" if request.htmx else "catalog/manage/import_job.html"
    return render(request, template, context)


@editor_required
def export_xlsx(request):
    stream = io.BytesIO()
    export_for_user(stream, request.user)
    return _xlsx(stream, f"实施清单-{timezone.localdate():%Y%m%d}.xlsx")


@editor_required
def template_xlsx(request):
    stream = io.BytesIO()
    write_template(stream)
    return _xlsx(stream, "实施清单导入模板.xlsx")


def _xlsx(stream, filename):
    response = HttpResponse(stream.getvalue(), content_type=XLSX)
    # An ASCII fallback name for old clients, the Chinese name per RFC 6266 for the others.
    disposition = f"attachment; filename=\"export.xlsx\"; filename*=UTF-8''{quote(filename)}"
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "no-store"
    return response
