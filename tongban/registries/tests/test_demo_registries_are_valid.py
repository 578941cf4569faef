"""The demo city's registries: the demo accounts' people and companies are there, every generated
number is valid (GB 11643 / GB 32100), and every row passes the same checks as a real import."""

import random

import pytest

from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.demo.data import registries_demo as demo
from tongban.demo.data.accounts import ACCOUNTS
from tongban.registries.codes import Storage
from tongban.registries.importing import _record_errors, validate_rows
from tongban.registries.models import DataResource

pytestmark = pytest.mark.django_db


def _check(storage, header, rows):
    resource = DataResource(name=storage, storage=storage)
    parsed, errors = validate_rows(resource, header, list(enumerate(rows, start=2)))
    return _record_errors(resource, parsed, errors)


def test_people_and_companies_are_valid_and_include_the_demo_accounts():
    rng = random.Random(20260301)
    people = demo.known_people()
    people += demo.generated_people(rng, {p[0] for p in people})
    companies = demo.known_companies() + demo.generated_companies(rng, people[4:])
    assert len(people) == 4 + demo.GENERATED_PEOPLE and len({p[0] for p in people}) == len(people)
    assert all(is_valid_id_number(p[0]) for p in people) and all(is_valid_credit_code(c[0]) for c in companies)
    accounts = {a["username"]: a for a in ACCOUNTS}
    assert people[0][:2] == [accounts["citizen"]["id_number"], "张晓梅"]
    assert people[1][:2] == ["431421198507263012", "李建国"]
    assert companies[0][:5] == ["91431402MA4T8K6X25", "云川市芙蓉区湘味轩餐饮有限公司", "有限责任公司", "李建国",
                                "431421198507263012"]
    assert _check(Storage.POPULATION, demo.POPULATION_HEADER, people) == []
    assert _check(Storage.LEGAL_ENTITY, demo.LEGAL_HEADER, companies) == []
    assert _check(Storage.CREDIT, demo.CREDIT_HEADER, demo.credit_rows(people, companies)) == []
