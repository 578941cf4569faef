"""Periodic sweep (settings.PERIODIC_TASKS): delete the uploads of theme journeys nobody finished.

The 一件事 journey keeps its draft in the applicant's session and its uploads in private storage under
theme_journeys/<user id>/ (views_journey.Draft). Submitting copies them into the sub-cases and
deletes them; a journey left half-way leaves them behind, with personal documents in them (ID cards,
certificates) that nobody can reach any more. 《个人信息保护法》第十九条: keep personal information no
longer than the purpose needs — so once a file has not been touched for longer than a session lives
(SESSION_COOKIE_AGE; every journey page that saves the draft touches its files, and saving the draft
is also what extends the session), the draft that named it is gone and the file is deleted, unless a
case points at it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tongban.cases.models import CaseFile
from tongban.core.services import audit
from tongban.forms.storage import private_storage, remove_empty_folder

log = logging.getLogger("tongban.themes")

JOURNEY_DIR = "theme_journeys"
SYSTEM = "一件事申请草稿清理程序"


def journey_upload_dir(user_id) -> str:
    return f"{JOURNEY_DIR}/{user_id}"


def _listdir(path: str) -> tuple[list[str], list[str]]:
    try:
        return private_storage.listdir(path)
    except FileNotFoundError:
        return [], []


def purge_abandoned_uploads(now=None) -> int:
    """Delete journey uploads older than the session lifetime that no case references; returns how
    many files went. Idempotent: a second run finds nothing to do."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    folders, _ = _listdir(JOURNEY_DIR)
    deleted: dict[str, int] = {}
    for folder in (journey_upload_dir(name) for name in folders):
        _, names = _listdir(folder)
        old = []
        for name in names:
            path = f"{folder}/{name}"
            try:
                if private_storage.get_modified_time(path) < cutoff:
                    old.append(path)
            except FileNotFoundError:  # deleted meanwhile (the applicant submitted, or another run)
                continue
        referenced = set(CaseFile.objects.filter(file__in=old).values_list("file", flat=True)) if old else set()
        for path in old:
            if path not in referenced:
                private_storage.delete(path)
                deleted[folder] = deleted.get(folder, 0) + 1
        if not any(_listdir(folder)):
            remove_empty_folder(folder)  # unless a new upload arrived in between
    total = sum(deleted.values())
    if total:
        with transaction.atomic():
            audit(SYSTEM, "themes.journey_uploads_purged", summary=f"删除未提交的一件事申请上传文件 {total} 个",
                  data={"files": total, "folders": sorted(deleted), "older_than": cutoff.isoformat()},
                  object_type="themes.journey_upload", object_id=JOURNEY_DIR)
        log.info("purged %s abandoned theme journey upload(s)", total)
    return total


@task()
def purge_journey_uploads():
    return purge_abandoned_uploads()
