"""Choosing a password: at least 10 characters, not common, not the user name; staff also mix three of
upper case, lower case, digits and symbols. Each refusal says why in Chinese."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tongban.accounts.models import Role
from tongban.accounts.services import create_user, grant_role

pytestmark = pytest.mark.django_db


def refusal(**kwargs) -> list[str]:
    with translation.override("zh-hans"), pytest.raises(ValidationError) as exc:  # as on the web pages
        create_user("管理员", **kwargs)
    return exc.value.message_dict["password"]


def test_staff_passwords_mix_three_kinds_of_characters():
    assert "工作人员密码须包含大写字母、小写字母、数字、符号中的至少3类。" in refusal(
        username="clerk01", password="yunchuanhall2026", is_staff=True)
    assert create_user("管理员", username="clerk02", password="Yunchuan-hall", is_staff=True).is_staff


def test_an_applicant_may_use_a_long_passphrase():
    assert create_user("管理员", username="zhangsan", password="qingshan lushui 2026")


def test_no_password_contains_the_user_name():
    assert "密码不能包含用户名。" in refusal(username="liuqiang", password="Liuqiang-2026!")


def test_short_and_common_passwords_are_refused_for_everyone():
    assert any("太短" in m for m in refusal(username="zhangsan", password="Ab1-xyz"))
    assert any("常见" in m for m in refusal(username="zhangsan", password="password123"))


def test_a_role_makes_the_staff_rule_apply_when_the_password_is_changed(city):
    user = create_user("管理员", username="wangfang", password="qingshan lushui 2026")
    grant_role("管理员", user, Role.CLERK, division=city)
    from django.contrib.auth.password_validation import validate_password

    with pytest.raises(ValidationError) as exc:
        validate_password("qingshanlushui2027", user)
    assert "工作人员密码须包含大写字母、小写字母、数字、符号中的至少3类。" in exc.value.messages
