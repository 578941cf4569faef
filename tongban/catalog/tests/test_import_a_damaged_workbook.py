"""An editor imports a workbook whose sheet XML is damaged: the shell and the job page both say in
Chinese what is wrong (no traceback, never "导入完成"), and nothing is written."""

import pytest

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog import excel_jobs
from tongban.catalog.models import ImportJob
from tongban.catalog.tests.excel_builders import (
    MAIN_SHEET_PART,
    catalogue_counts,
    rewrite_part,
    run_worker,
    sample_sheets,
    small_city,
    upload_workbook,
    write_book,
)
from tongban.cli import main

DAMAGED = "工作表“实施清单”的内容已损坏"


def _damaged(path, depts):
    write_book(path, sample_sheets(depts))
    # A closing tag that does not match, half way down the sheet: not well-formed XML.
    rewrite_part(path, MAIN_SHEET_PART, lambda xml: xml.replace(b"</row>", b"</rowx>", 3))
    return path


@pytest.mark.django_db
def test_the_shell_names_the_damaged_sheet_and_exits_with_status_1(tmp_path, capsys):
    path = _damaged(tmp_path / "坏文件.xlsx", small_city())

    with pytest.raises(SystemExit) as exc:
        main(["import-matters", str(path)])

    assert exc.value.code == 1
    out, err = capsys.readouterr()
    assert out.startswith("导入未执行：") and DAMAGED in out and "XML 格式错误" in out
    assert "另存为 .xlsx 后重新导入" in out and "文件中的数据均未写入" in out
    assert "Traceback" not in out + err
    assert catalogue_counts() == (0, 0)


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    depts = small_city()
    user = User.objects.create_user(username="city-editor", password="correct-horse-battery",
                                    display_name="市事项管理员")
    StaffRole.objects.create(user=user, role=Role.EDITOR, division=depts["city"], include_subdivisions=True)
    client.force_login(user)
    return user, depts


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_failed_job_page_says_why_and_never_says_done(client, editor, tmp_path):
    _user, depts = editor
    response = upload_workbook(client, _damaged(tmp_path / "坏文件.xlsx", depts))

    run_worker()

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.error_count == 1
    page = client.get(response["Location"]).content.decode()
    assert "未导入" in page and "导入未执行" in page and DAMAGED in page
    assert "导入完成" not in page and "实施清单共0条" not in page
    assert catalogue_counts() == (0, 0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_that_stops_on_a_system_error_says_so(client, editor, tmp_path, monkeypatch):
    _user, depts = editor
    response = upload_workbook(client, write_book(tmp_path / "list.xlsx", sample_sheets(depts)))

    def broken(*args, **kwargs):  # a bug or an outage, not the file's fault
        raise RuntimeError("database went away")

    monkeypatch.setattr(excel_jobs, "import_matters_file", broken)
    run_worker()

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "未导入" in page and "导入出错，文件中的数据均未写入" in page and f"任务编号 {job.pk}" in page
    assert "导入完成" not in page


@pytest.mark.django_db
def test_a_job_failed_before_this_change_still_reads_as_failed(client, editor):
    user, _depts = editor
    job = ImportJob.objects.create(original_name="旧.xlsx", created_by=user, status=ImportJob.Status.FAILED,
                                   report={"ok": False, "summary": "导入出错，数据均未写入：ValueError。请联系平台管理员。",
                                           "errors": []})
    page = client.get(f"/manage/catalog/import/{job.pk}/").content.decode()
    assert "导入出错，数据均未写入：ValueError" in page and "导入完成" not in page
