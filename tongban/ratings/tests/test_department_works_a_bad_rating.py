"""The department's side of the 差评 loop, step by step: real-name call-back is required, the
rectification deadline counts working days (default 10, as data), an appeal goes to 督办, every
step is one audited history line with who and when, and nothing typed is lost on an error."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from tongban.core.models import AuditEvent
from tongban.ratings.models import Rating, RatingChannel, ReviewStatus
from tongban.ratings.services import loop
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world
from tongban.workflow import services as workflow

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def bad(w, **kw):
    return rate(None, completed_case(w), level=1, channel=RatingChannel.QR, comment="窗口让我跑了三趟", **kw).review


@freeze_time(MONDAY)
def test_real_name_bad_rating_cannot_skip_the_call_back():
    w = world()
    review = bad(w)
    assert review.state.code == "verify" and review.step_due == date(2026, 11, 25)  # 2 working days
    with pytest.raises(ValidationError) as exc:
        loop.verify(w.approver, review, verification="属实：材料清单未一次告知。", callback_note="")
    errors = exc.value.message_dict
    assert "实名差评必须回访" in errors["callback_note"][0] and "是否接通" in errors["callback_reached"][0]
    review.refresh_from_db()
    assert review.state.code == "verify" and review.verification == ""


@freeze_time(MONDAY)
def test_anonymous_bad_rating_is_verified_without_a_call():
    w = world()
    review = bad(w, anonymous=True)
    review = loop.verify(w.approver, review, verification="匿名评价，调取录像核实：窗口解释不清。")
    assert review.state.code == "handle" and review.callback_at is None and review.handler == w.approver


@freeze_time(MONDAY)
def test_rectification_deadline_is_ten_working_days_unless_the_data_says_otherwise():
    w = world()
    review = loop.verify(w.approver, bad(w), verification="属实", callback_note="已致电道歉", callback_reached=True)
    review = loop.handle(w.approver, review, outcome="rectify", measures="窗口补充一次性告知清单。")
    assert review.rectify_due == date(2026, 12, 7)  # 10 working days after Monday 11-23
    # An administrator shortens 整改 to 5 working days in a new version of the loop; the review under
    # way keeps the version it started with, the next bad rating takes the new one.
    draft = workflow.draft_from(None, loop.current_version())
    rectify = draft.states.get(code="rectify")
    rectify.sla_value = 5
    rectify.save()
    workflow.publish(None, draft)
    other = loop.verify(w.approver, bad(w), verification="属实", callback_note="已回访", callback_reached=True)
    other = loop.handle(w.approver, other, outcome="rectify", measures="培训")
    assert other.rectify_due == date(2026, 11, 30)
    with pytest.raises(ValidationError) as exc:
        third = loop.verify(w.approver, bad(w), verification="属实", callback_note="已回访", callback_reached=True)
        loop.handle(w.approver, third, outcome="rectify", measures="培训", days="30")
    assert "1至15个工作日" in exc.value.message_dict["days"][0]


@freeze_time(MONDAY)
def test_appeal_upheld_voids_the_rating_and_closes_the_loop():
    w = world()
    review = loop.verify(w.approver, bad(w), verification="评价人称误点", callback_note="本人确认误点",
                         callback_reached=True)
    review = loop.handle(w.approver, review, outcome="appeal", appeal_reason="回访录音证实评价人误点。")
    assert review.state.code == "appeal"
    with pytest.raises(PermissionDenied):
        loop.decide_appeal(w.approver, review, upheld=True, comment="自己裁决自己")
    review = loop.decide_appeal(w.supervisor, review, upheld=True, comment="录音属实，申诉成立。")
    assert review.status == ReviewStatus.VOIDED and Rating.objects.get(pk=review.rating_id).invalid


@freeze_time(MONDAY)
def test_appeal_refused_goes_back_to_the_department():
    w = world()
    review = loop.verify(w.approver, bad(w), verification="x", callback_note="y", callback_reached=False)
    review = loop.handle(w.approver, review, outcome="appeal", appeal_reason="认为是恶意评价")
    review = loop.decide_appeal(w.supervisor, review, upheld=False, comment="证据不足，请整改。")
    assert review.state.code == "handle" and review.is_open


@freeze_time(MONDAY)
def test_a_step_out_of_turn_or_out_of_role_is_refused():
    w = world()
    review = bad(w)
    with pytest.raises(ValidationError, match="核实回访"):
        loop.rectified(w.approver, review, rectification="x", feedback="y")
    with pytest.raises(PermissionDenied):
        loop.verify(w.police_approver, review, verification="x", callback_note="y", callback_reached=True)
    with pytest.raises(PermissionDenied):
        loop.verify(w.clerk, review, verification="x", callback_note="y", callback_reached=True)


def test_an_overdue_step_escalates_once_and_counts_as_late():
    from tongban.notify.models import Notification
    from tongban.ratings.tasks import sweep

    w = world()
    with freeze_time(MONDAY):
        review = bad(w)
    with freeze_time(datetime(2026, 11, 27, 9, tzinfo=ZoneInfo("Asia/Shanghai"))):  # due Wednesday 11-25
        assert sweep()["escalated"] == 1
        assert sweep()["escalated"] == 0
    review.refresh_from_db()
    assert review.late and review.escalated_step == "verify"
    assert Notification.objects.filter(recipient=w.supervisor, subject__startswith="差评处理超期").exists()
    assert review.events.filter(action="escalate", actor_label="系统").exists()


@freeze_time(MONDAY)
def test_every_step_is_audited_with_who():
    w = world()
    review = loop.verify(w.approver, bad(w), verification="属实", callback_note="已回访", callback_reached=True)
    assert AuditEvent.objects.filter(action="ratings.loop.verify", actor=w.approver,
                                     object_id=str(review.pk)).exists()
    labels = list(review.events.values_list("label", "actor_label"))
    assert ("核实并回访", "审批刘强") in labels and labels[0][0].startswith("收到差评")
