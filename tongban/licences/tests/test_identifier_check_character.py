"""Licence identifiers follow GB/T 36904 with an ISO/IEC 7064 MOD 37,36 check character."""

import pytest

from tongban.licences.identifiers import (
    is_valid_identifier,
    is_valid_mod37_36,
    make_identifier,
    mod37_36_check_char,
)


@pytest.mark.parametrize("code", ["A12425GABC1234002M", "A12425GXYZ98760086", "A12425G1234567890L"])
def test_mod37_36_published_examples(code):
    # ISO 7064 MOD 37,36 as used by the GRid standard, whose published examples these are.
    assert mod37_36_check_char(code[:-1]) == code[-1]
    assert is_valid_mod37_36(code)
    assert not is_valid_mod37_36(code[:-1] + ("0" if code[-1] != "0" else "1"))


def test_identifier_layout_and_check():
    identifier = make_identifier("SPJYXK", "91431402MA4T8K6X25", 1, 1)
    root, rest = identifier[:14], identifier[15:]
    assert root == "1.2.156.3005.2"
    assert rest.split(".")[:4] == ["SPJYXK", "91431402MA4T8K6X25", "00000001", "001"]
    assert is_valid_identifier(identifier)
    # One character changed anywhere breaks the check (single-character errors are always caught).
    for i, ch in enumerate(identifier[:-2]):
        if ch.isalnum():
            swapped = identifier[:i] + ("7" if ch != "7" else "8") + identifier[i + 1:]
            assert not is_valid_identifier(swapped), swapped


def test_bad_type_code_is_refused_in_chinese():
    with pytest.raises(ValueError, match="证照类型代码"):
        make_identifier("spjy-xk", "91431402MA4T8K6X25", 1, 1)
