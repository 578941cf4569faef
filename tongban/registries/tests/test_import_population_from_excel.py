"""A data steward imports the population registry from an Excel workbook (and a CSV file on the
shell); importing the same file again changes nothing, a changed row is updated."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from openpyxl import Workbook

from tongban.registries.importing import import_records
from tongban.registries.models import Person
from tongban.registries.tests.builders import registry_world, valid_id

pytestmark = pytest.mark.django_db

HEADER = ["公民身份号码*", "姓名*", "性别*", "出生日期*", "民族", "户籍地址*", "户籍地区划代码*", "户号", "与户主关系",
          "婚姻状况", "户口状态"]


def workbook(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    stream.name = "人口.xlsx"
    return stream


def rows():
    import datetime as dt

    wang = valid_id("43140219880817302")  # 17th digit 2: a woman
    zhao = valid_id("43142119750101451")
    return wang, zhao, [
        [wang, "王小红", "女", dt.datetime(1988, 8, 17), "汉族", "云川市芙蓉区文昌街道学院路3号", "431402002002", "H3001",
         "户主", "已婚", "正常"],
        [zhao, "赵大山", "1", "1975/1/1", "土家族", "云川市云溪县青山镇石桥村5组", 431421101202, "", "", "20", ""],
    ]


def test_a_steward_imports_a_workbook(client):
    w = registry_world()
    wang, zhao, data = rows()
    report = import_records(w.steward, w.population, workbook(data))
    assert report.ok, [str(e) for e in report.errors]
    assert (report.created, report.updated) == (2, 0)
    person = Person.objects.get(id_number=zhao)
    assert (person.name, person.get_sex_display(), str(person.birth_date), person.hukou_division,
            person.get_marital_status_display(), person.ethnicity) == (
        "赵大山", "男", "1975-01-01", "431421101202", "已婚", "土家族")
    again = import_records(w.steward, w.population, workbook(data))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    data[0][5] = "云川市芙蓉区文昌街道学院路5号"
    changed = import_records(w.steward, w.population, workbook(data))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    assert Person.objects.get(id_number=wang).household_address.endswith("学院路5号")


def test_the_steward_uploads_it_in_the_admin(client):
    w = registry_world()
    _wang, _zhao, data = rows()
    client.force_login(w.steward)
    url = f"/admin/registries/dataresource/{w.population.pk}/import/"
    assert "公民身份号码*" in client.get(url).content.decode()
    page = client.post(url, {"file": workbook(data)}, follow=True).content.decode()
    assert "导入完成" in page and Person.objects.count() == 4


def test_a_steward_of_another_department_may_not_import(client):
    from tongban.accounts.models import Role
    from tongban.cases.tests.builders import make_user
    from tongban.registries.importing import import_rows

    w = registry_world()
    outsider = make_user("steward2", role=Role.STEWARD, division=w.city, department=w.market)
    with pytest.raises(PermissionDenied, match="数据专员"):
        import_rows(outsider, w.population, HEADER, [])
    client.force_login(outsider)
    assert client.get(f"/admin/registries/dataresource/{w.population.pk}/import/").status_code == 403


def test_import_on_the_shell_from_csv(tmp_path):
    w = registry_world()
    wang, _zhao, data = rows()
    data[0][3] = "1988-08-17"
    path = tmp_path / "人口.csv"
    lines = [",".join(h.rstrip("*") for h in HEADER)] + [",".join(str(c) for c in data[0])]
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))  # as Excel in China saves CSV
    out = io.StringIO()
    call_command("import_registry", "population", str(path), stdout=out)
    assert "新增1条" in out.getvalue()
    assert Person.objects.get(id_number=wang).name == "王小红"
    assert w.population.pk
