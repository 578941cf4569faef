"""A small upload that would expand into hundreds of megabytes of XML, or that holds more rows than one
import may take, is refused from the zip directory and the sheet's dimension, before anything is parsed:
at once, in Chinese, without a memory spike. The limits are settings."""

import re
import time
import tracemalloc

import pytest

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.excel import import_matters_file
from tongban.catalog.models import ImportJob
from tongban.catalog.tests.excel_builders import (
    MAIN_SHEET_PART,
    catalogue_counts,
    rewrite_part,
    sample_sheets,
    small_city,
    upload_workbook,
    write_book,
    write_zip_bomb,
)
from tongban.cli import main

pytestmark = pytest.mark.django_db


def test_a_200_mb_sheet_in_a_small_file_is_refused_at_once_on_the_shell(tmp_path, capsys):
    path = tmp_path / "bomb.xlsx"
    assert write_zip_bomb(path, small_city(), megabytes=200) < 1024 * 1024

    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(SystemExit) as exc:
        main(["import-matters", str(path)])
    elapsed = time.monotonic() - started
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert exc.value.code == 1
    out = capsys.readouterr().out
    assert "文件解压后约201MB，超过单次导入上限100MB" in out and "分批导入" in out
    assert elapsed < 0.5 and peak < 5 * 1024 * 1024
    assert catalogue_counts() == (0, 0)


def test_the_upload_form_refuses_it_before_storing_it(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    depts = small_city()
    user = User.objects.create_user(username="city-editor", password="correct-horse-battery")
    StaffRole.objects.create(user=user, role=Role.EDITOR, division=depts["city"], include_subdivisions=True)
    client.force_login(user)
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path, depts, megabytes=200)
    assert client.get("/manage/catalog/import/").status_code == 200  # the editor opens the page first

    started = time.monotonic()
    response = upload_workbook(client, path)

    assert time.monotonic() - started < 1
    assert response.status_code == 200
    assert "超过单次导入上限100MB" in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not (tmp_path / "media" / "imports").exists()


def test_a_part_compressed_far_beyond_any_spreadsheet_is_refused_even_under_the_size_limit(tmp_path):
    path = tmp_path / "dense.xlsx"
    write_zip_bomb(path, small_city(), megabytes=20)

    report = import_matters_file(path)

    assert not report.ok
    assert re.search(r"“xl/worksheets/sheet1\.xml”压缩比异常（约\d+:1，上限100:1）", report.errors[0].message)


def test_more_rows_than_one_import_may_take_are_refused_before_they_are_read(tmp_path, settings):
    settings.CATALOG_IMPORT_LIMITS = {"MAX_ROWS": 2}
    path = write_book(tmp_path / "list.xlsx", sample_sheets(small_city()))  # three entries

    report = import_matters_file(path)

    assert not report.ok and report.rows == 0
    assert report.summary() == ("导入未执行：工作表“实施清单”超过单次导入上限2行（不含表头；设置过格式的空行也计入），"
                                "请删除多余的行，或拆分为多个文件分批导入。文件中的数据均未写入。")
    assert catalogue_counts() == (0, 0)

    # A sheet that understates its size in <dimension> is counted as it is read.
    rewrite_part(path, MAIN_SHEET_PART, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', xml))
    assert "超过单次导入上限2行" in import_matters_file(path).summary()


def test_a_wrong_dimension_no_longer_cuts_rows_off(tmp_path):
    path = write_book(tmp_path / "list.xlsx", sample_sheets(small_city()))
    rewrite_part(path, MAIN_SHEET_PART, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', xml))

    report = import_matters_file(path)

    assert report.ok, str(report)
    assert report.created == 3 and catalogue_counts() == (2, 3)
