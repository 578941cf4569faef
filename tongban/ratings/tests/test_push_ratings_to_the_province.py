"""The push adapter: every rating, formatted with the provincial 好差评 fields, goes to the sink named
in settings (a JSON-lines file by default); a bad one is pushed again when its loop moves on."""

import json

import pytest
from django.test import override_settings

from tongban.ratings import push
from tongban.ratings.models import Rating, RatingChannel
from tongban.ratings.services import loop
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


class Collect:
    sent: list = []

    def send(self, records):
        Collect.sent.extend(records)


class Down:
    def send(self, records):
        raise ConnectionError("省好差评系统无响应")


def test_ratings_are_pushed_once_with_the_provincial_fields(tmp_path):
    w = world()
    case = completed_case(w)
    rating = rate(None, case, level=2, channel=RatingChannel.SMS, comment="慢", scores={"efficiency": 2})
    with override_settings(MEDIA_ROOT=tmp_path):
        assert push.push_pending() == 1 and push.push_pending() == 0
        line = json.loads(next(tmp_path.joinpath("ratings_push").glob("*/*.jsonl")).read_text().splitlines()[0])
    assert line["projectNo"] == case.number and line["taskCode"] == case.implementation.code
    assert (line["pf"], line["alternate"], line["satisfaction"]) == ("7", "2", "不满意")
    assert line["deptCode"] == w.market.credit_code and line["userName"] == "张三"
    assert line["appraisald"] == [{"code": "efficiency", "name": "办事效率", "alternate": "2"}]
    assert line["rectification"]["step"] == "核实回访"

    loop.verify(w.approver, rating.review, verification="属实", callback_note="已回访", callback_reached=True)
    review = loop.handle(w.approver, Rating.objects.get(pk=rating.pk).review, outcome="explain", measures="x",
                         feedback="已说明原因")
    assert Rating.objects.get(pk=rating.pk).pushed_at is None  # the answer goes to the province too
    Collect.sent = []
    with override_settings(RATINGS_PUSH_SINK=f"{__name__}.Collect"):
        assert push.push_pending() == 1
    assert Collect.sent[0]["rectification"]["feedback"] == "已说明原因" and review.feedback == "已说明原因"


def test_a_failed_push_is_retried_later():
    w = world()
    rate(None, completed_case(w), level=5, channel=RatingChannel.QR, anonymous=True)
    with pytest.raises(ConnectionError):
        push.push_pending(sink=Down())
    assert Rating.objects.get().pushed_at is None
    Collect.sent = []
    assert push.push_pending(sink=Collect()) == 1 and Collect.sent[0]["userName"] == ""
