"""An editor uploads a workbook on the import page; the background worker validates and imports it;
the job page shows the progress, then the counts (and the errors of a bad file)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.models import ImportJob
from tongban.catalog.tests.excel_builders import catalogue_counts, sample_sheets, small_city, write_book
from tongban.core.models import AuditEvent

# The worker commits and checks its connection like a separate process would: use real transactions
# (serialized_rollback restores the code tables the migrations seed, which a flush empties).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    depts = small_city()
    user = User.objects.create_user(username="city-editor", password="correct-horse-battery",
                                    display_name="市事项管理员")
    # A city-wide editor: every department of the city and of the districts below it.
    StaffRole.objects.create(user=user, role=Role.EDITOR, division=depts["city"], include_subdivisions=True)
    client.force_login(user)
    return user, depts


def _upload(client, path, name="实施清单.xlsx"):
    with open(path, "rb") as fh:
        upload = SimpleUploadedFile(name, fh.read())
    return client.post(reverse("catalog-import"), {"file": upload})


def _work():
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)


def test_upload_is_imported_by_the_worker_and_the_job_page_shows_the_counts(client, editor, tmp_path):
    user, depts = editor
    page = client.get(reverse("catalog-import"))
    assert page.status_code == 200 and "实施清单文件（.xlsx）" in page.content.decode()

    response = _upload(client, write_book(tmp_path / "list.xlsx", sample_sheets(depts)))

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog-import-job", args=[job.pk])
    assert job.status == ImportJob.Status.QUEUED and job.created_by == user
    assert job.file.name.startswith("imports/") and job.task_id
    waiting = client.get(response["Location"])
    waiting = waiting.content.decode()
    assert "排队等待后台处理" in waiting and 'hx-trigger="every 1s"' in waiting
    assert catalogue_counts() == (0, 0)

    _work()

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.created_count, job.updated_count, job.unchanged_count, job.error_count) == (3, 0, 0, 0)
    assert catalogue_counts() == (2, 3)
    assert AuditEvent.objects.filter(action="catalog.import", actor=user).count() == 1
    # The HTMX poll gets the finished fragment, which stops polling; a plain reload shows the same.
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "导入完成" in fragment and "every 1s" not in fragment and "<html" not in fragment
    page = client.get(response["Location"]).content.decode()
    assert "新增实施清单</th><td>3" in page and "已完成" in page

    # Uploading the same file again: done, nothing changed.
    _upload(client, write_book(tmp_path / "list.xlsx", sample_sheets(depts)))
    _work()
    again = ImportJob.objects.order_by("-pk").first()
    assert again.status == ImportJob.Status.DONE
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 3)


def test_a_bad_file_ends_with_its_error_table_and_writes_nothing(client, editor, tmp_path):
    _user, depts = editor
    sheets = sample_sheets(depts)
    sheets["实施清单"][2]["承诺办结时限（工作日）"] = "五天"
    response = _upload(client, write_book(tmp_path / "bad.xlsx", sheets))

    _work()

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.error_count == 1
    assert catalogue_counts() == (0, 0)
    page = client.get(response["Location"]).content.decode()
    assert "导入未执行" in page and "第4行" in page
    assert "承诺办结时限（工作日）" in page and "应为整数" in page


def test_the_upload_form_explains_what_is_wrong_with_the_file(client, editor):
    old_excel = SimpleUploadedFile("list.xls", b"\xd0\xcf\x11\xe0")
    response = client.post(reverse("catalog-import"), {"file": old_excel})
    assert response.status_code == 200
    assert "实施清单文件须为 .xlsx 格式" in response.content.decode()
    response = client.post(reverse("catalog-import"), {})
    assert "请选择要导入的实施清单文件" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_only_catalogue_editors_reach_the_import_page(client, db):
    assert client.get(reverse("catalog-import")).status_code == 302  # to the login page
    User.objects.create_user(username="citizen", password="correct-horse-battery")
    client.login(username="citizen", password="correct-horse-battery")
    assert client.get(reverse("catalog-import")).status_code == 403
    assert client.get(reverse("catalog-export")).status_code == 403
