"""The demo city comes with cases in every state a window, an approver and a supervisor meet."""

import pytest
from freezegun import freeze_time

from tongban.accounts.models import Role, User
from tongban.cases import deadlines
from tongban.cases.models import AcceptMode, Case, Channel, DeliveryStatus, Phase
from tongban.cases.selectors import queue
from tongban.demo.data.cases_demo import load_demo_cases
from tongban.demo.tests.whole_city import NOW, REAL_CLOCK_FOR
from tongban.payments.selectors import orders_for

pytestmark = pytest.mark.django_db

TODAY = NOW.date()


@pytest.fixture
def result(whole_city, db):
    # load_demo builds the cases itself, as `tongban demo` does (the city is loaded on NOW: conftest.py).
    # The tests run on that day too, as if the demo had just been loaded.
    with freeze_time(NOW, ignore=REAL_CLOCK_FOR):
        yield whole_city["cases"]


def by(**filters) -> Case:
    return Case.objects.filter(**filters).order_by("pk").first()


def test_every_state_is_there(result):
    assert result["created"] == 9 and result["warnings"] == [] and result["not_loaded"] == []
    assert by(phase=Phase.SUBMITTED, channel=Channel.WEB).applicant.username == "agent"

    corrected = by(phase=Phase.CORRECTION)
    assert len(corrected.corrections.get().items) == 2 and corrected.applicant.username == "citizen"

    rongque = by(accept_mode=AcceptMode.RONGQUE)
    assert rongque.clock_paused and rongque.pending_materials.filter(received_at__isnull=True).exists()

    states = {deadlines.clock(c, TODAY).state for c in Case.objects.filter(phase=Phase.PROCESSING)}
    assert {deadlines.DeadlineState.WARNING, deadlines.DeadlineState.OVERDUE} <= states

    unpaid = by(delivery_status=DeliveryStatus.AWAITING_PAYMENT)
    assert orders_for(unpaid.number).get().amount_cents == 12000  # 普通护照 ¥120
    assert len(by(delivery_status=DeliveryStatus.READY).pickup_code) == 6
    assert by(delivery_status=DeliveryStatus.SHIPPED).delivery_method == "express"
    assert by(delivery_status=DeliveryStatus.DELIVERED).events.filter(action="hand_over").exists()


def test_the_overdue_case_looks_old_and_is_urged(result):
    late = next(c for c in Case.objects.filter(phase=Phase.PROCESSING)
                if deadlines.clock(c, TODAY).state == deadlines.DeadlineState.OVERDUE)
    accept = late.events.get(action="accept")
    assert accept.at == late.accepted_at and late.accepted_at.date() < TODAY
    assert late.urges.count() == 1 and late.assignee.username == "approver_market"
    with freeze_time(NOW):
        approver = User.objects.get(username="approver_market")
        supervisor = User.objects.get(username="supervisor")
        assert late in queue(approver, "overdue")
        assert late in queue(supervisor, "overdue", roles=(Role.SUPERVISOR,))


def test_loading_again_adds_nothing(result):
    count = Case.objects.count()
    assert load_demo_cases()["created"] == 0
    assert Case.objects.count() == count
