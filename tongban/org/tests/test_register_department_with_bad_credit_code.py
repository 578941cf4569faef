"""A registrar enters a department's 统一社会信用代码 (GB 32100) and sees what is wrong with it."""

import pytest
from django.core.exceptions import ValidationError

from tongban.catalog.tests.builders import credit_code
from tongban.core.models import AuditEvent
from tongban.org.models import Department
from tongban.org.services import create_department, update_department

pytestmark = pytest.mark.django_db

GOOD = credit_code("11431400MB1234567")


def _register(city, code, name="云川市民政局"):
    return create_department("登记员", division=city, name=name, credit_code=code, sector="civil_affairs")


def _error(city, code) -> list[str]:
    with pytest.raises(ValidationError) as exc:
        _register(city, code)
    return exc.value.message_dict["credit_code"]


def test_a_wrong_check_character_is_named_and_nothing_is_saved(city):
    wrong = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")
    assert _error(city, wrong) == ["统一社会信用代码校验位错误"]
    assert not Department.objects.exists()
    assert not AuditEvent.objects.filter(action="org.department.create").exists()


def test_letters_the_standard_leaves_out_are_refused(city):
    # GB 32100 does not use I, O, Z, S, V.
    assert _error(city, "11431400MB12345O7X") == ["统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"]


def test_a_short_code_says_how_long_it_is(city):
    assert _error(city, "114314001234") == ["统一社会信用代码应为18位，当前为12位"]


def test_a_pasted_code_in_lower_case_with_spaces_is_accepted(city):
    dept = _register(city, f"  {GOOD.lower()} ")
    assert dept.credit_code == GOOD
    event = AuditEvent.objects.get(action="org.department.create")
    assert event.actor_label == "登记员" and event.data["credit_code"] == GOOD


def test_the_same_code_cannot_belong_to_two_departments(city):
    _register(city, GOOD)
    with pytest.raises(ValidationError) as exc:
        _register(city, GOOD, name="云川市民政局（重复）")
    assert "credit_code" in exc.value.message_dict


def test_correcting_a_code_is_audited_and_a_bad_correction_is_refused(city):
    dept = _register(city, GOOD)
    fixed = credit_code("11431400MB7654321")
    update_department("登记员", dept, credit_code=fixed)
    dept.refresh_from_db()
    assert dept.credit_code == fixed
    assert AuditEvent.objects.get(action="org.department.update").data["credit_code"] == [GOOD, fixed]
    with pytest.raises(ValidationError) as exc:
        update_department("登记员", dept, credit_code=fixed[:17] + ("0" if fixed[17] != "0" else "1"))
    assert exc.value.message_dict["credit_code"] == ["统一社会信用代码校验位错误"]


def test_saving_unchanged_fields_writes_no_audit_event(city):
    dept = _register(city, GOOD)
    update_department("登记员", dept, name=dept.name, credit_code=GOOD)
    assert not AuditEvent.objects.filter(action="org.department.update").exists()
