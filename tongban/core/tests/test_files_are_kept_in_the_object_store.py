"""With TONGBAN_STORAGE=s3 every file the platform keeps is an object in one private bucket, and nothing is
written to the server's disk: an editor's Excel import is read back from the bucket by the worker, which
reports its progress there; a 一件事 journey's uploads stay while the applicant works on the draft, move to
the sub-cases when it is submitted and are purged once abandoned; the 好差评 push batches and the guides' blank forms are objects too. Runs against
moto's S3-compatible server; a few seconds."""

import json
import time
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tongban.accounts.models import Role, StaffRole, User
from tongban.cases.models import CaseFile
from tongban.catalog.excel_jobs import _Tracker, job_progress
from tongban.catalog.models import ImportJob
from tongban.catalog.tests.excel_builders import catalogue_counts, sample_sheets, small_city, write_book
from tongban.core.tests.servers import object_store, s3_storages
from tongban.forms.storage import private_storage, touch
from tongban.ratings.push import FileSink
from tongban.themes.tasks import journey_upload_dir, purge_abandoned_uploads


@pytest.fixture(scope="module")
def server():
    with object_store() as store:
        yield store


@pytest.fixture
def bucket(server, settings, tmp_path):
    """A fresh bucket as the storages of this process; the local folders they would use stay empty."""
    store = SimpleNamespace(**{**vars(server), "bucket": f"tongban-{uuid.uuid4().hex[:8]}"})
    store.client.create_bucket(Bucket=store.bucket)
    store.keys = lambda prefix="": sorted(o["Key"] for o in store.client.list_objects_v2(
        Bucket=store.bucket, Prefix=prefix).get("Contents", []))
    settings.STORAGES = s3_storages(store)
    settings.MEDIA_ROOT, settings.PRIVATE_FILES_DIR = tmp_path / "media", tmp_path / "private"
    yield store
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and {"media", "private"} & set(p.parts)]


def _work():
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_uploaded_workbook_is_imported_by_the_worker_from_the_bucket(client, bucket, tmp_path):
    depts = small_city()
    editor = User.objects.create_user(username="city-editor", password="correct-horse-battery")
    StaffRole.objects.create(user=editor, role=Role.EDITOR, division=depts["city"], include_subdivisions=True)
    client.force_login(editor)
    book = write_book(tmp_path / "book.xlsx", sample_sheets(depts))

    response = client.post(reverse("catalog-import"), {"file": SimpleUploadedFile("实施清单.xlsx", book.read_bytes())})

    job = ImportJob.objects.get()
    assert response.status_code == 302 and bucket.keys("media/imports/") == [f"media/{job.file.name}"]
    book.unlink()
    _work()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 3
    assert catalogue_counts() == (2, 3)
    assert bucket.keys("media/imports/progress/") == []  # the progress file goes with the import


@pytest.mark.django_db
def test_the_job_page_reads_the_progress_a_worker_wrote_to_the_bucket(bucket):
    job = ImportJob.objects.create(file="imports/2026/11/x.xlsx", original_name="x.xlsx",
                                   status=ImportJob.Status.IMPORTING, progress_total=10)
    tracker = _Tracker(job)
    tracker._write_file(4, 10)
    tracker._write_file(7, 10)  # replaced, not a second file
    assert job_progress(job) == {"done": 7, "total": 10, "percent": 70}
    assert bucket.keys("media/imports/progress/") == [f"media/imports/progress/{job.pk}.json"]
    tracker.remove()
    assert job_progress(job)["done"] == 0 and bucket.keys("media/imports/progress/") == []


@pytest.mark.django_db
def test_journey_uploads_stay_while_the_draft_is_saved_and_go_once_abandoned(bucket):
    path = private_storage.save(f"{journey_upload_dir(7)}/{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.4 id card"))
    assert bucket.keys("private/theme_journeys/7/") == [f"private/{path}"]
    uploaded = private_storage.get_modified_time(path)
    lifetime = timedelta(seconds=settings.SESSION_COOKIE_AGE)

    time.sleep(1.1)  # the object store keeps whole seconds
    touch(path)  # the applicant saves the draft again
    touched = private_storage.get_modified_time(path)
    assert touched > uploaded
    assert purge_abandoned_uploads(now=uploaded + lifetime + timedelta(milliseconds=500)) == 0
    assert private_storage.exists(path)

    assert purge_abandoned_uploads(now=touched + lifetime + timedelta(seconds=1)) == 1
    assert not private_storage.exists(path) and bucket.keys("private/") == []
    touch(path)  # a draft naming a file already purged: nothing to keep fresh, no error


@pytest.mark.django_db
def test_a_joint_application_moves_its_uploads_in_the_bucket_to_the_sub_cases(client, bucket):
    from tongban.themes.tests.support import make_theme_world
    from tongban.themes.tests.test_page_check_answers_change_links import BASE, _journey_through

    w = make_theme_world("newborn")
    client.force_login(w.applicant)
    _journey_through(client, w)
    kept = bucket.keys("private/theme_journeys/")
    assert kept  # the draft's uploads, while the applicant goes on

    assert client.post(BASE + "check/").status_code == 302

    names = [f"private/{name}" for name in CaseFile.objects.values_list("file", flat=True)]
    assert names and set(names) <= set(bucket.keys("private/cases/"))
    assert bucket.keys("private/theme_journeys/") == []  # the draft's copies went with the draft


@pytest.mark.django_db
def test_each_ratings_push_batch_is_an_object_of_its_own(bucket):
    FileSink().send([{"projectNo": "A1"}, {"projectNo": "A2"}])
    FileSink().send([{"projectNo": "B1"}])
    names = bucket.keys("media/ratings_push/")
    assert len(names) == 2
    with default_storage.open(names[0].removeprefix("media/")) as fh:
        lines = fh.read().decode().splitlines()
    assert {json.loads(line)["projectNo"] for line in lines} <= {"A1", "A2", "B1"}


@pytest.mark.django_db
def test_a_guides_blank_form_downloads_from_the_bucket(client, bucket):
    from tongban.portal.tests.builders import make_full_guide

    impl, _ = make_full_guide()
    material = impl.matter.versions.get().materials.order_by("order").first()
    assert bucket.keys("media/catalog/materials/") == sorted(
        f"media/{name}" for name in (material.blank_form.name, material.sample.name))

    response = client.get(f"/guide/{impl.code}/materials/{material.pk}/blank-form")

    assert response.status_code == 200 and b"".join(response.streaming_content) == b"blank form bytes"
