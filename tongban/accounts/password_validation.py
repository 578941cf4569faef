"""The platform's own password rule, next to Django's (length, common passwords, similarity).

GB/T 22239-2019 (网络安全等级保护基本要求) 8.1.4.1 a) asks that 身份鉴别信息具有复杂度要求: staff
passwords mix at least three of the four character classes. No password may contain the
user name (Django's similarity check misses "zhangsan2026!" for "zhangsan").
"""

import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with the message in Chinese: Django 5.2's catalogue misses this one for zh-hans."""

    def get_error_message(self):
        return f"密码太短，至少需要{self.min_length}个字符。"

    def get_help_text(self):
        return f"密码至少需要{self.min_length}个字符。"


def _classes(password: str) -> int:
    return sum((
        any(c in string.ascii_lowercase for c in password),
        any(c in string.ascii_uppercase for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ))


def _is_staff(user) -> bool:
    if user is None:
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    return bool(getattr(user, "pk", None)) and user.staff_roles.exists()


class PlatformPasswordValidator:
    def __init__(self, staff_min_classes: int = 3):
        self.staff_min_classes = staff_min_classes

    def validate(self, password, user=None):
        errors = []
        username = (getattr(user, "username", "") or "").strip().lower()
        if len(username) >= 3 and username in (password or "").lower():
            errors.append(ValidationError("密码不能包含用户名。", code="password_contains_username"))
        if _is_staff(user) and _classes(password or "") < self.staff_min_classes:
            errors.append(ValidationError(
                "工作人员密码须包含大写字母、小写字母、数字、符号中的至少%(n)s类。",
                code="password_too_simple", params={"n": self.staff_min_classes}))
        if errors:
            raise ValidationError(errors)

    def get_help_text(self):
        return f"密码不能包含用户名；工作人员密码须包含大写字母、小写字母、数字、符号中的至少{self.staff_min_classes}类。"
