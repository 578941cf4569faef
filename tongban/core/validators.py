"""National identifier formats, validated the way the standards define them.

- 统一社会信用代码: GB 32100-2015 (18 chars, alphabet without I O Z S V, MOD 31 check).
- 公民身份号码: GB 11643-1999 (18 chars, ISO 7064 MOD 11-2 check).
- 行政区划代码: GB/T 2260 (6 digits) and the 12-digit statistical division code.
Each validator raises django ValidationError with a Chinese message.
"""

import re

from django.core.exceptions import ValidationError

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
_CREDIT_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_ID_RE = re.compile(r"^\d{17}[\dX]$")


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 for its first 17 (GB 32100 §4.1)."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    value = 31 - total % 31
    return CREDIT_ALPHABET[0 if value == 31 else value]


def is_valid_credit_code(code: str) -> bool:
    code = (code or "").strip().upper()
    return bool(_CREDIT_RE.match(code)) and credit_code_check_char(code[:17]) == code[17]


def validate_credit_code(code: str) -> None:
    code = (code or "").strip().upper()
    if len(code) != 18:
        raise ValidationError("统一社会信用代码应为18位，当前为%(n)s位", params={"n": len(code)}, code="credit_length")
    if not _CREDIT_RE.match(code):
        raise ValidationError("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）", code="credit_chars")
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError("统一社会信用代码校验位错误", code="credit_check")


def id_number_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(number: str) -> bool:
    number = (number or "").strip().upper()
    return bool(_ID_RE.match(number)) and id_number_check_char(number[:17]) == number[17]


def validate_id_number(number: str) -> None:
    number = (number or "").strip().upper()
    if not _ID_RE.match(number):
        raise ValidationError("公民身份号码应为18位（前17位为数字，末位为数字或X）", code="id_format")
    if id_number_check_char(number[:17]) != number[17]:
        raise ValidationError("公民身份号码校验位错误", code="id_check")


def validate_division_code(code: str) -> None:
    if not re.fullmatch(r"\d{6}|\d{9}|\d{12}", code or ""):
        raise ValidationError("行政区划代码应为6位（市、县）或12位（乡镇、村）数字", code="division_format")


MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def is_valid_mobile(number: str) -> bool:
    """Mainland mobile number: 11 digits starting 13–19."""
    return bool(MOBILE_RE.match((number or "").strip()))
