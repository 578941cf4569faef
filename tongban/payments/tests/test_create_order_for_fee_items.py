"""A case that charges fees gets a payment order listing the fee items; amounts show as ¥ with two
decimals and, on receipts, in 大写."""

import re

import pytest
from django.core.exceptions import ValidationError

from tongban.core.models import AuditEvent
from tongban.payments.models import amount_in_words, yuan
from tongban.payments.services import create_order
from tongban.payments.tests.builders import REFERENCE, make_applicant, make_order

pytestmark = pytest.mark.django_db


def test_order_lists_the_fee_items_and_their_total():
    payer = make_applicant()
    order = make_order(payer)
    assert re.fullmatch(r"PAY\d{8}\d{7}", order.order_no)
    assert order.amount_cents == 3550 and order.amount_display == "¥35.50"
    assert [(i.name, i.standard, i.amount_display) for i in order.items.all()] == [
        ("食品经营许可证工本费", "每证10元", "¥10.00"), ("现场核查费", "每次25.50元", "¥25.50")]
    assert order.status == "pending" and order.payer == payer and order.payer_name == "张三"
    assert AuditEvent.objects.filter(action="payments.order.create", object_id=str(order.pk)).exists()
    # Numbers run on within the day.
    second = make_order(payer)
    assert int(second.order_no[-7:]) == int(order.order_no[-7:]) + 1


@pytest.mark.parametrize("items, message", [
    ([], "至少应有一个收费项目"),
    ([{"name": "工本费", "amount_cents": 0}], "第1个收费项目“工本费”的“金额”应大于0元"),
    ([{"name": "工本费", "amount_cents": -500}], "应大于0元"),
    ([{"name": "工本费", "amount_cents": 10.5}], "应为以分为单位的整数"),
    ([{"name": "工本费", "amount_cents": 1000}, {"name": "", "amount_cents": 100}],
     "第2个收费项目的“收费项目名称”不能为空"),
])
def test_empty_or_zero_amount_items_are_refused(items, message):
    payer = make_applicant()
    with pytest.raises(ValidationError) as info:
        create_order(payer, reference=REFERENCE, items=items, payer=payer)
    assert any(message in m for m in info.value.message_dict["items"])
    assert not AuditEvent.objects.filter(action="payments.order.create").exists()


@pytest.mark.parametrize("cents, shown, words", [
    (0, "¥0.00", "零元整"),
    (5, "¥0.05", "伍分"),
    (1000, "¥10.00", "壹拾元整"),
    (10550, "¥105.50", "壹佰零伍元伍角整"),
    (100005, "¥1,000.05", "壹仟元零伍分"),
    (123456789, "¥1,234,567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    (1000000000, "¥10,000,000.00", "壹仟万元整"),
    (10000100, "¥100,001.00", "壹拾万零壹元整"),
])
def test_amounts_in_figures_and_in_words(cents, shown, words):
    assert yuan(cents) == shown
    assert amount_in_words(cents) == words
