"""Import jobs: an uploaded workbook validated and imported by the background worker, with progress.

The workbook is kept in the default storage (a bucket shared by every node, or MEDIA_ROOT on a single
server): the worker that imports it need not be the web node that received it. Progress while
validating is saved on the ImportJob row. While importing, the writes run in ONE transaction that other
connections cannot see into (and on SQLite a second writer would wait for it), so the import phase
reports its progress through a small file in the same storage instead.
"""

import json
import logging
import os
import shutil
import tempfile
import time
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import is_platform_admin, roles_of
from tongban.catalog.excel import ImportReport, import_matters_file
from tongban.catalog.models import ImportJob
from tongban.core.services import audit

logger = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PROGRESS_INTERVAL = 0.5  # seconds between progress writes


# ---------------------------------------------------------------- who may import


def can_manage_catalog(user) -> bool:
    """Catalogue editors (事项管理员) and platform administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_platform_admin(user) or bool(roles_of(user, Role.EDITOR))


def sees_all_jobs(user) -> bool:
    return is_platform_admin(user)


# ---------------------------------------------------------------- services


@transaction.atomic
def start_import(actor, upload) -> ImportJob:
    """Store the upload under imports/ in the default storage and queue the background import."""
    name = os.path.basename(upload.name)[:200]
    user = actor if getattr(actor, "is_authenticated", False) else None
    job = ImportJob(original_name=name, created_by=user)
    job.file.save(name, upload, save=False)
    job.save()
    audit(actor, "catalog.import.upload", job, f"上传实施清单 {name}，等待导入")
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from tongban.catalog.tasks import run_import_job

    result = run_import_job.enqueue(job_id)
    ImportJob.objects.filter(pk=job_id, task_id="").update(task_id=str(result.id)[:64])


def run_job(job_id: int) -> dict:
    """The body of the background task: validate, then import, keeping the job's progress current."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:  # a retried task must not import twice
        return _summary(job)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.VALIDATING, started_at=timezone.now())
    tracker = _Tracker(job)
    try:
        with _local_copy(job) as path:
            report = import_matters_file(path, job.created_by, progress=tracker, job=job,
                                         file_name=job.original_name)
    except Exception as exc:
        logger.exception("import job %s failed", job_id)
        failure = ImportReport(failure=f"导入出错，文件中的数据均未写入：系统处理该文件时出错（{type(exc).__name__}），"
                                       f"请联系平台管理员并提供本任务编号 {job_id}。")
        _finish(job, ImportJob.Status.FAILED, failure.as_dict())
        raise
    finally:
        tracker.remove()
    status = ImportJob.Status.DONE if report.ok else ImportJob.Status.FAILED
    _finish(job, status, report.as_dict())
    if not report.ok:
        audit(job.created_by, "catalog.import.rejected", job,
              f"实施清单 {job.original_name} 校验未通过：{len(report.errors)}处错误",
              {"errors": len(report.errors)})
    return _summary(job)


def _finish(job: ImportJob, status: str, report: dict) -> None:
    job.status, job.report, job.finished_at = status, report, timezone.now()
    job.created_count, job.updated_count = report.get("created", 0), report.get("updated", 0)
    job.unchanged_count, job.error_count = report.get("unchanged", 0), len(report.get("errors", []))
    if status == ImportJob.Status.DONE:
        job.progress_done = job.progress_total = report.get("rows", 0)
    job.save(update_fields=["status", "report", "finished_at", "created_count", "updated_count",
                            "unchanged_count", "error_count", "progress_done", "progress_total"])


def _summary(job: ImportJob) -> dict:
    return {"job": job.pk, "status": job.status, "created": job.created_count, "updated": job.updated_count,
            "unchanged": job.unchanged_count, "errors": job.error_count}


@contextmanager
def _local_copy(job: ImportJob):
    """The uploaded workbook as a file on this worker's disk (openpyxl reads a ZIP: it seeks), removed after."""
    with tempfile.NamedTemporaryFile(prefix="tongban-import-", suffix=".xlsx") as tmp:
        with job.file.open("rb") as source:
            shutil.copyfileobj(source, tmp)
        tmp.flush()
        yield tmp.name


def progress_name(job: ImportJob) -> str:
    return f"imports/progress/{job.pk}.json"


class _Tracker:
    """The progress callback handed to the importer."""

    def __init__(self, job: ImportJob):
        self.job, self.status, self.last = job, ImportJob.Status.VALIDATING, 0.0
        self.name = progress_name(job)

    def __call__(self, status: str, done: int, total: int) -> None:
        now = time.monotonic()
        if status != self.status:
            # Phase changes happen outside the import transaction: the row is the place for them.
            self.status = status
            ImportJob.objects.filter(pk=self.job.pk).update(status=status, progress_done=done,
                                                            progress_total=total)
            self.last = now
        elif now - self.last >= PROGRESS_INTERVAL or done >= total:
            self.last = now
            if status == ImportJob.Status.IMPORTING:
                self._write_file(done, total)
            else:
                ImportJob.objects.filter(pk=self.job.pk).update(progress_done=done, progress_total=total)

    def _write_file(self, done, total):
        # Replaced whole each time; a reader that finds it missing or half-written shows the row's numbers.
        default_storage.delete(self.name)
        default_storage.save(self.name, ContentFile(json.dumps({"done": done, "total": total}).encode()))

    def remove(self):
        default_storage.delete(self.name)


# ---------------------------------------------------------------- selectors


def jobs_for(user):
    qs = ImportJob.objects.select_related("created_by")
    return qs if sees_all_jobs(user) else qs.filter(created_by=user)


def job_for(user, pk: int) -> ImportJob | None:
    """One import job the user may see (their own, or any for those who see all)."""
    return jobs_for(user).filter(pk=pk).first()


def job_progress(job: ImportJob) -> dict:
    """done/total/percent for the progress bar, including the import phase's progress file."""
    done, total = job.progress_done, job.progress_total
    if job.status == ImportJob.Status.IMPORTING:
        try:
            with default_storage.open(progress_name(job), "rb") as fh:
                data = json.loads(fh.read())
            done, total = int(data["done"]), int(data["total"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    if job.status == ImportJob.Status.DONE:
        done = total = max(total, job.created_count + job.updated_count + job.unchanged_count)
    percent = 100 if job.status == ImportJob.Status.DONE else (int(done * 100 / total) if total else 0)
    return {"done": done, "total": total, "percent": min(percent, 100)}
