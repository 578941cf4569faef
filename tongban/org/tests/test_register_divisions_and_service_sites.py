"""Registering the four levels of divisions, a service hall and its windows."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongban.core.models import AuditEvent
from tongban.org.models import Level, Window
from tongban.org.services import create_division, create_site, save_window, update_site

pytestmark = pytest.mark.django_db


def test_a_town_needs_its_twelve_digit_statistical_code(city):
    with pytest.raises(ValidationError) as exc:
        create_division("登记员", code="431402", name="东风街道", level=Level.TOWN, parent=city)
    assert exc.value.message_dict["code"] == ["乡镇、村级区划代码应为12位统计用区划代码"]
    town = create_division("登记员", code="439901001000", name="东风街道", level=Level.TOWN, parent=city,
                           kind="街道")
    assert town.full_name == "云川市东风街道"
    assert AuditEvent.objects.filter(action="org.division.create", object_id=str(town.pk)).exists()


def test_a_division_cannot_sit_under_a_lower_level(city):
    town = create_division("登记员", code="439901001000", name="东风街道", level=Level.TOWN, parent=city)
    with pytest.raises(ValidationError) as exc:
        create_division("登记员", code="439902", name="芙蓉区", level=Level.COUNTY, parent=town)
    assert exc.value.message_dict["parent"] == ["上级区划的层级应高于本区划"]


def _hall(city, **over):
    fields = {"division": city, "name": "云川市政务服务中心", "kind": "center", "address": "云川市芙蓉区云川大道288号",
              "hours": "周一至周五 上午9:00-12:00 下午13:30-17:00（法定节假日除外）", "phone": "0739-5612345",
              "latitude": Decimal("27.812300"), "longitude": Decimal("113.134500")}
    return create_site("登记员", **{**fields, **over})


def test_a_hall_outside_china_is_refused_by_its_coordinates(city):
    with pytest.raises(ValidationError) as exc:
        _hall(city, longitude=Decimal("13.134500"))
    assert exc.value.message_dict["longitude"] == ["经度应在中国境内（73–136）"]


def test_opening_a_window_twice_keeps_one_window_and_one_audit_event(city, market):
    hall = _hall(city)
    window, created = save_window("登记员", hall, number="18", name="企业开办专窗", kind="special",
                                  departments=[market])
    again, created_again = save_window("登记员", hall, number="18", name="企业开办专窗", kind="special",
                                       departments=[market])
    assert created and not created_again and window.pk == again.pk
    assert list(window.departments.all()) == [market]
    assert Window.objects.filter(site=hall).count() == 1
    assert AuditEvent.objects.filter(action__startswith="org.window.").count() == 1
    save_window("登记员", hall, number="18", name="企业开办专窗", kind="special", departments=[])
    assert not window.departments.exists()
    assert AuditEvent.objects.filter(action="org.window.update").count() == 1


def test_changing_the_hours_of_a_hall_is_audited(city):
    hall = _hall(city)
    update_site("登记员", hall, hours="周一至周日 9:00-17:00")
    event = AuditEvent.objects.get(action="org.site.update")
    assert event.data["hours"][1] == "周一至周日 9:00-17:00"
