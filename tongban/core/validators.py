"""National identifier formats, validated the way the standards define them.

- 统一社会信用代码: GB 32100-2015 (18 chars, alphabet without I O Z S V, MOD 31 check).
- 公民身份号码: GB 11643-1999 (18 chars: address code, birth date, sequence, ISO 7064 MOD 11-2 check).
- 行政区划代码: GB/T 2260 (6 digits) and the 12-digit statistical division code.
Each validator raises django ValidationError with a Chinese message.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

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


# GB/T 2260 province-level codes (the first two digits of every division code): 11–15 华北, 21–23 东北,
# 31–37 华东, 41–46 中南, 50–54 西南, 61–65 西北, 71 台湾省, 81 香港, 82 澳门. 83 is no division: the
# numbers of 港澳台居民居住证 carry the address codes 810000, 820000 and 830000 (see 港澳台居民居住证申领
# 发放办法, 国办发〔2018〕81号), and they are accepted wherever a 公民身份号码 is.
PROVINCE_CODES = frozenset({*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
                            *range(61, 66), 71, 81, 82, 83})
# Taiwan, Hong Kong, Macao (and the residence permits' 83) have no subdivisions in GB/T 2260.
WHOLE_PROVINCE_CODES = frozenset({71, 81, 82, 83})
EARLIEST_BIRTH = date(1900, 1, 1)  # project choice: a sane floor, no one living was born earlier


def _address_code_ok(code: str) -> bool:
    """GB 11643 §5.2.1: the 县（市、旗、区）code of the holder's residence (GB/T 2260). Without a full
    GB/T 2260 table: the province must exist, and below it the code must name a city (digits 3–4 not
    00); digits 5–6 may be 00 (a city without districts, e.g. 441900 东莞市)."""
    province = int(code[:2])
    if province not in PROVINCE_CODES:
        return False
    if province in WHOLE_PROVINCE_CODES:
        return code[2:] == "0000"
    return code[2:4] != "00"


def id_birth_date(number: str) -> date | None:
    """The date of birth digits 7–14 encode (GB 11643 §5.2.2), or None when it is not a real date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def id_number_problem(number: str) -> ValidationError | None:
    """What is wrong with a 公民身份号码 (GB 11643-1999), as the error to raise; None when it is valid.
    The address code and birth date are checked before the check character: a typo there says more
    than "校验位错误"."""
    number = (number or "").strip().upper()
    if not _ID_RE.match(number):
        return ValidationError("公民身份号码应为18位（前17位为数字，末位为数字或X）", code="id_format")
    if not _address_code_ok(number[:6]):
        return ValidationError("公民身份号码中的地址码（第1至6位）无效，请核对", code="id_address")
    born = id_birth_date(number)
    if born is None or born < EARLIEST_BIRTH or born > timezone.localdate():
        return ValidationError("公民身份号码中的出生日期（第7至14位）无效，请核对", code="id_birth_date")
    if id_number_check_char(number[:17]) != number[17]:
        return ValidationError("公民身份号码校验位错误", code="id_check")
    return None


def is_valid_id_number(number: str) -> bool:
    return id_number_problem(number) is None


def validate_id_number(number: str) -> None:
    problem = id_number_problem(number)
    if problem is not None:
        raise problem


def validate_division_code(code: str) -> None:
    if not re.fullmatch(r"\d{6}|\d{9}|\d{12}", code or ""):
        raise ValidationError("行政区划代码应为6位（市、县）或12位（乡镇、村）数字", code="division_format")


MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def is_valid_mobile(number: str) -> bool:
    """Mainland mobile number: 11 digits starting 13–19."""
    return bool(MOBILE_RE.match((number or "").strip()))
