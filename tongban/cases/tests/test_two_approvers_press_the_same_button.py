"""Concurrent requests on PostgreSQL: exactly one of two identical actions succeeds."""

import threading

import pytest
from django.db import connection

from tongban.cases.models import ActionKind, Case
from tongban.cases.services.common import CaseConflict
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_action_twice_at_the_same_moment():
    if connection.vendor != "postgresql":
        pytest.fail("this test needs PostgreSQL row locks (scripts/test runs on PostgreSQL)")
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    seen = case.revision
    barrier = threading.Barrier(2)
    outcomes = []

    def press(user):
        from django.db import connection as conn

        try:
            barrier.wait()
            act(user, Case.objects.get(pk=case.pk), ActionKind.ADVANCE, expected_revision=seen,
                comment=f"{user} 审查通过")
            outcomes.append("ok")
        except CaseConflict as exc:
            outcomes.append(str(exc.messages[0]))
        except Exception as exc:  # anything else is a failure the assertion below shows
            outcomes.append(repr(exc))
        finally:
            conn.close()

    threads = [threading.Thread(target=press, args=(u,)) for u in (w.approver, w.approver2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert outcomes.count("ok") == 1
    loser = next(o for o in outcomes if o != "ok")
    assert "已被他人处理" in loser
    case.refresh_from_db()
    assert case.state.code == "decide"
    assert case.events.filter(action=ActionKind.ADVANCE).count() == 1
