"""Someone loads the demo city and exports its list: every demo 基本编码 follows the numbering of
docs/domain.md §2.1 (12 digits, the 5th–6th the matter type), so the export imports back."""

import pytest

from tongban.catalog.codes import basic_code_problem
from tongban.demo.data import matters_business, matters_people, matters_sample

ENTRIES = [*matters_people.MATTERS, *matters_business.MATTERS, *matters_sample.MATTERS]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["basic_code"])
def test_each_demo_code_carries_its_matter_type(entry):
    assert basic_code_problem(entry["basic_code"], entry["matter_type"]) is None


def test_demo_codes_are_unique():
    codes = [e["basic_code"] for e in ENTRIES]
    assert len(codes) == len(set(codes))
