"""Background tasks of the catalogue, run by the worker (`python -m tongban db_worker`)."""

from django_tasks import task


@task()
def run_import_job(job_id: int) -> dict:
    """Validate and import one uploaded 实施清单 workbook (see tongban.catalog.excel_jobs)."""
    from tongban.catalog.excel_jobs import run_job

    return run_job(job_id)
