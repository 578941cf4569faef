"""An administrator creates accounts and gives staff a role in a scope."""

import pytest
from django.core.exceptions import ValidationError

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department, departments_in_scope
from tongban.accounts.services import create_user, grant_role, revoke_role
from tongban.catalog.tests.builders import make_department, make_division
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_citizen_with_a_wrong_id_number_is_told_so():
    with pytest.raises(ValidationError) as exc:
        create_user("管理员", username="zhangsan", password="Yc-citizen-2026", id_number="431402199003151820")
    assert exc.value.message_dict["id_number"] == ["公民身份号码校验位错误"]


def test_a_weak_password_is_refused_with_the_reason():
    with pytest.raises(ValidationError) as exc:
        create_user("管理员", username="zhangsan", password="12345678")
    assert "password" in exc.value.message_dict


def test_a_valid_account_can_log_in_and_its_creation_is_audited(client):
    user = create_user("管理员", username="zhangsan", password="Yc-citizen-2026", display_name="张三",
                       id_number="11010519491231002X")
    assert client.login(username="zhangsan", password="Yc-citizen-2026")
    assert AuditEvent.objects.get(action="accounts.user.create").object_id == str(user.pk)


def test_an_approver_acts_only_for_their_department(city, market):
    police = make_department(city, name="云川市公安局", sector="public_security")
    user = create_user("管理员", username="approver", password="Hall-Qz7-yunchuan")
    role, created = grant_role("管理员", user, Role.APPROVER, division=city, department=market)
    assert created and user.is_staff
    assert can_act_for_department(user, Role.APPROVER, market)
    assert not can_act_for_department(user, Role.APPROVER, police)
    assert not can_act_for_department(user, Role.EDITOR, market)
    again, created_again = grant_role("管理员", user, Role.APPROVER, division=city, department=market)
    assert again.pk == role.pk and not created_again
    assert AuditEvent.objects.filter(action="accounts.role.grant").count() == 1
    revoke_role("管理员", role)
    assert not can_act_for_department(user, Role.APPROVER, market)
    assert AuditEvent.objects.filter(action="accounts.role.revoke").count() == 1


def test_a_city_supervisor_with_subdivisions_sees_district_departments(city, market):
    district = make_division(code="439902", name="芙蓉区", level=4, parent=city)
    district_market = make_department(district, name="芙蓉区市场监督管理局")
    user = create_user("管理员", username="supervisor", password="Hall-Qz7-yunchuan")
    grant_role("管理员", user, Role.SUPERVISOR, division=city)
    assert set(departments_in_scope(user, Role.SUPERVISOR)) == {market}
    grant_role("管理员", user, Role.SUPERVISOR, division=city, include_subdivisions=True)
    assert set(departments_in_scope(user, Role.SUPERVISOR)) == {market, district_market}


def test_a_role_for_a_department_of_another_division_is_refused(city):
    district = make_division(code="439902", name="芙蓉区", level=4, parent=city)
    district_market = make_department(district, name="芙蓉区市场监督管理局")
    user = create_user("管理员", username="editor", password="Hall-Qz7-yunchuan")
    with pytest.raises(ValidationError) as exc:
        grant_role("管理员", user, Role.EDITOR, division=city, department=district_market)
    assert exc.value.message_dict["department"] == ["部门不属于所选区划"]
