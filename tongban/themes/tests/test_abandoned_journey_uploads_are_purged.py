"""A mother uploads her documents on the 新生儿出生 journey and never submits. Once no session can
reach them any more (older than the session lifetime, 8 h), the sweep deletes them; a journey still
under way keeps its files, a file a case points at is never deleted, and a mother coming back to an
old journey is simply asked for the file again."""

import os
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tongban.cases.models import CaseFile
from tongban.cases.tests.builders import pdf
from tongban.core.models import AuditEvent
from tongban.core.scheduler import load_entries
from tongban.forms.storage import private_storage
from tongban.themes.tasks import purge_abandoned_uploads
from tongban.themes.tests.newborn_support import apply_newborn
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db
BASE = "/themes/newborn/apply/"


@pytest.fixture
def w(settings, tmp_path):
    settings.PRIVATE_FILES_DIR = tmp_path / "private"
    return make_theme_world("newborn")


def _upload_on_the_journey(user) -> tuple[Client, str]:
    """Answer the questions, then upload one material on the materials page; (client, stored path)."""
    client = Client()
    client.force_login(user)
    client.post(BASE + "questions/settle_here/", {"answer": "true"})
    client.post(BASE + "questions/parents_married/", {"answer": "true"})
    client.post(BASE + "services/", {"optional": []})
    page = client.get(BASE + "materials/").content.decode()
    key = page.split('name="material_', 1)[1].split('"', 1)[0]
    response = client.post(BASE + "materials/", {f"material_{key}": pdf("出生医学证明申请表.pdf"), "action": "upload"})
    assert response.status_code == 200
    _, names = private_storage.listdir(f"theme_journeys/{user.pk}")
    assert len(names) == 1
    return client, f"theme_journeys/{user.pk}/{names[0]}"


def _age(path: str, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(private_storage.path(path), (then, then))


def test_abandoned_uploads_go_the_rest_stays(w):
    _, abandoned = _upload_on_the_journey(w.applicant)
    _, recent = _upload_on_the_journey(w.other)
    _age(abandoned, django_settings.SESSION_COOKIE_AGE / 3600 + 1)
    _age(recent, 1)

    assert purge_abandoned_uploads() == 1
    assert not private_storage.exists(abandoned) and private_storage.exists(recent)
    assert not os.path.isdir(private_storage.path(f"theme_journeys/{w.applicant.pk}"))  # nothing left of her
    purge = AuditEvent.objects.get(action="themes.journey_uploads_purged")
    assert purge.data["files"] == 1 and purge.actor_label == "一件事申请草稿清理程序"
    assert purge_abandoned_uploads() == 0  # a second run finds nothing


def test_a_journey_still_under_way_keeps_its_files(w):
    client, path = _upload_on_the_journey(w.applicant)
    _age(path, django_settings.SESSION_COOKIE_AGE / 3600 + 1)
    client.post(BASE + "questions/parents_married/", {"answer": "true"})  # she is still at it: the draft is saved
    assert purge_abandoned_uploads() == 0 and private_storage.exists(path)


def test_a_file_a_case_points_at_is_never_deleted(w):
    _, path = _upload_on_the_journey(w.applicant)
    _age(path, django_settings.SESSION_COOKIE_AGE / 3600 + 1)
    bundle = apply_newborn(w)
    CaseFile.objects.filter(case__bundle=bundle).update(file=path)
    assert purge_abandoned_uploads() == 0 and private_storage.exists(path)


def test_coming_back_to_an_old_journey_asks_for_the_file_again(w):
    client, path = _upload_on_the_journey(w.applicant)
    assert "出生医学证明申请表.pdf" in client.get(BASE + "materials/").content.decode()
    _age(path, django_settings.SESSION_COOKIE_AGE / 3600 + 1)
    purge_abandoned_uploads()
    page = client.get(BASE + "materials/").content.decode()
    assert "出生医学证明申请表.pdf" not in page  # not a dead link: the file input is offered again


def test_the_sweep_is_scheduled():
    entry = next(e for e in load_entries() if e.path == "tongban.themes.tasks.purge_journey_uploads")
    assert entry.task is not None and not entry.error and entry.interval <= django_settings.SESSION_COOKIE_AGE
