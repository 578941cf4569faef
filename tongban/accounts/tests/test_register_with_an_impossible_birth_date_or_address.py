"""A person registers (an account, 实名认证, a walk-in application) with a 公民身份号码 whose check
character is right but whose birth date or address code cannot exist: they are told which part is
wrong, and nothing is bound to the number (GB 11643-1999; docs/domain.md §6.1)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tongban.accounts.models import IdentityVerification
from tongban.accounts.services import create_user
from tongban.cases.models import Case
from tongban.cases.tests.builders import make_user, make_world, valid_id
from tongban.core.validators import is_valid_id_number
from tongban.registries.models import AccessLog

pytestmark = pytest.mark.django_db

BIRTH = "公民身份号码中的出生日期（第7至14位）无效，请核对"
ADDRESS = "公民身份号码中的地址码（第1至6位）无效，请核对"
TOMORROW = timezone.localdate() + timedelta(days=1)

IMPOSSIBLE = [  # each with a correct check character
    (valid_id("43140219901301001"), BIRTH),  # month 13
    (valid_id("43140219900230001"), BIRTH),  # 30 February
    (valid_id("43140219000229001"), BIRTH),  # 1900 was not a leap year
    (valid_id(f"431402{TOMORROW:%Y%m%d}001"), BIRTH),  # born tomorrow
    (valid_id("43140218991231001"), BIRTH),  # before 1900: nobody applying was born then
    (valid_id("00000019900315001"), ADDRESS),
    (valid_id("99140219900315001"), ADDRESS),  # no province 99
    (valid_id("43000019900315001"), ADDRESS),  # a province, not a county
    (valid_id("81010119900315001"), ADDRESS),  # Hong Kong has no subdivisions in GB/T 2260
]


@pytest.mark.parametrize("number, message", IMPOSSIBLE)
def test_an_account_with_an_impossible_number_is_refused_with_the_part_named(number, message):
    with pytest.raises(ValidationError) as exc:
        create_user("管理员", username="zhangsan", password="Yc-citizen-2026", id_number=number)
    assert exc.value.message_dict["id_number"] == [message]


def test_real_numbers_still_pass_including_residence_permits_and_cities_without_counties():
    assert is_valid_id_number(valid_id("11010519491231002"))  # 北京市朝阳区
    assert is_valid_id_number(valid_id("44190019900315001"))  # 东莞市: a city without districts
    assert is_valid_id_number(valid_id("81000019900315001"))  # 港澳台居民居住证 (香港)
    assert is_valid_id_number(valid_id("83000019900315001"))  # 港澳台居民居住证 (台湾)
    assert is_valid_id_number(valid_id("43140220000229001"))  # 2000 was a leap year
    assert is_valid_id_number(valid_id(f"431402{timezone.localdate():%Y%m%d}001"))  # born today


def test_identity_check_names_the_birth_date_and_asks_no_registry(client):
    person = make_user("zhangsan", display_name="张三")
    client.force_login(person)
    response = client.post("/my/account/verify/", {"name": "张三", "id_number": valid_id("43140219900230001")})
    assert response.status_code == 400
    assert BIRTH in response.content.decode()
    assert not AccessLog.objects.exists() and not IdentityVerification.objects.exists()


def test_window_registration_names_the_address_code(client):
    w = make_world()
    client.force_login(w.clerk)
    number = valid_id("00000019900315001")
    page = client.post("/desk/", {"id_number": number}).content.decode()
    assert ADDRESS in page

    r = client.post("/desk/register/", {"id_number": number, "name": "王五", "implementation": w.impl.pk})
    assert r.status_code == 422 and ADDRESS in r.content.decode()
    assert not Case.objects.exists()
