"""Masking of personal identifiers in pages, exports, logs and audit records.

《个人信息保护法》第五十一条 asks for "去标识化" measures and GB/T 35273-2020 §6.2 shows partial
masking ("展示时部分屏蔽") as one: 公民身份号码 keep the first 4 and last 4 characters
(4301**********1234), mobile numbers the first 3 and last 4 (138****5678), names the surname.
Pages that a role needs the full value for (the applicant on their own pages, the clerk
registering a walk-in, the approver deciding) simply don't call these.
"""

import logging
import re

from tongban.core.validators import is_valid_id_number

# 17 digits + digit/X not glued to other digits or letters; checked with the GB 11643 check digit
# so that order numbers and all-digit credit codes of the same length are left alone.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def mask_id_number(number: str) -> str:
    """4301**********1234: first 4 (province + city) and last 4 characters kept."""
    number = (number or "").strip()
    if len(number) < 8:
        return number
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str) -> str:
    """138****5678; fixed lines keep their area code and last 4 digits the same way."""
    phone = (phone or "").strip()
    if len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳小明 → 欧**明."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_login_name(name: str) -> str:
    """A user name as logs show it: one that is (or looks like) an ID or phone number is masked, even when
    mistyped, since a failed login's name is whatever was typed; other names (staff accounts) stay."""
    name = (name or "").strip()[:150]
    if re.search(r"\d{7,}", name):
        return mask_id_number(name) if len(name) >= 15 else mask_phone(name)
    return name


def mask_personal_data(text: str) -> str:
    """Every valid ID number and mobile number inside free text, masked (log lines, audit summaries)."""
    if not text:
        return text or ""
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)) if is_valid_id_number(m.group(0)) else m.group(0),
                           text)
    return _MOBILE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


def mask_in_data(value):
    """mask_personal_data applied to every string inside JSON-like data (audit details)."""
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, dict):
        return {k: mask_in_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_in_data(v) for v in value]
    return value


class MaskPersonalDataFilter(logging.Filter):
    """Logging filter: the formatted message of every record goes out with identifiers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's problem, not ours
            return True
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
