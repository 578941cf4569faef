"""E-licence identifiers (证照标识) per GB/T 36904-2018 and their ISO 7064 MOD 37,36 check character.

    1.2.156.3005.2.{type code}.{issuer credit code}.{serial}.{version}.{check}

- 1.2.156.3005.2 — the object-identifier arc of national e-licences (docs/domain.md §6);
- type code — the 证照类型代码 of the licence catalogue (upper-case letters and digits);
- issuer credit code — the issuing body's 统一社会信用代码 (GB 32100);
- serial — running number per type and issuer, 8 digits; version — 变更 raises it, 3 digits;
- check — one character over 0–9A–Z, ISO/IEC 7064 hybrid system MOD 37,36, computed over every
  character before it with the dots left out.
"""

import re

ROOT = "1.2.156.3005.2"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TYPE_CODE_RE = re.compile(r"^[0-9A-Z]{2,32}$")
IDENTIFIER_RE = re.compile(
    r"^1\.2\.156\.3005\.2\.(?P<type>[0-9A-Z]{2,32})\.(?P<issuer>[0-9A-Z]{18})\.(?P<serial>\d{8})"
    r"\.(?P<version>\d{3})\.(?P<check>[0-9A-Z])$")


def mod37_36_check_char(text: str) -> str:
    """ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36): the character that makes the string check.

    Starting from P = M, each character a: S = (P + a) mod M (0 → M), P = 2S mod (M + 1).
    The check character c satisfies (P + c) mod M = 1.
    """
    m = len(ALPHABET)
    p = m
    for ch in text.upper():
        s = (p + ALPHABET.index(ch)) % m or m
        p = (2 * s) % (m + 1)
    return ALPHABET[(m + 1 - p) % m]


def is_valid_mod37_36(text: str) -> bool:
    text = text.upper()
    return len(text) >= 2 and all(c in ALPHABET for c in text) and mod37_36_check_char(text[:-1]) == text[-1]


def _checked_part(identifier_without_check: str) -> str:
    return identifier_without_check.replace(".", "")


def make_identifier(type_code: str, issuer_credit_code: str, serial: int, version: int) -> str:
    if not TYPE_CODE_RE.match(type_code or ""):
        raise ValueError("证照类型代码应为2至32位大写字母或数字")
    if not 0 < serial < 10**8 or not 0 < version < 1000:
        raise ValueError("流水号或版本号超出范围")
    body = f"{ROOT}.{type_code}.{issuer_credit_code}.{serial:08d}.{version:03d}"
    return f"{body}.{mod37_36_check_char(_checked_part(body))}"


def is_valid_identifier(identifier: str) -> bool:
    if not IDENTIFIER_RE.match(identifier or ""):
        return False
    body, check = identifier.rsplit(".", 1)
    return mod37_36_check_char(_checked_part(body)) == check
