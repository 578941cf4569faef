"""The push adapter: ratings (and, for bad ones, the state of their loop) formatted for the
province's 好差评 system, handed to the sink named by settings.RATINGS_PUSH_SINK.

The record carries the fields a provincial system asks of every rating (docs/domain.md §7, 国办发〔2019〕51号
"评价数据实时汇聚"): rating id, case number and handling, matter code and name, department (name and
统一社会信用代码), division code, channel, level with its code, the indicator scores, the comment,
time, the rater (real name or anonymous), the rated staff and window, and for a bad rating its
verification, rectification, feedback and closure. The key names follow those commonly used by
provincial interfaces (pf = channel, alternate = level 1 非常不满意 … 5 非常满意); a province with other
names needs only a new format function and a sink, nothing else changes.

Sinks: FileSink (default) writes each batch as a file of JSON lines, ratings_push/<date>/<time>-<id>.jsonl
in the default storage (MEDIA_ROOT, or the bucket every node shares); ConsoleSink prints them. A real sink
(HTTPS to the province) implements send(records) and raises on failure; the sweep then leaves the ratings
unpushed and tries again next time.
"""

import json
import logging
import sys
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from tongban.ratings.models import Indicator, Rating, RatingChannel

log = logging.getLogger("tongban.ratings.push")

# 评价渠道 codes of the provincial interface.
CHANNEL_CODES = {RatingChannel.PC: "1", RatingChannel.MOBILE: "2", RatingChannel.QR: "3",
                 RatingChannel.TABLET: "4", RatingChannel.PHONE: "6", RatingChannel.SMS: "7"}
BATCH = 500


def _time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def format_rating(rating: Rating) -> dict:
    case = rating.case
    names = {i.code: i.name for i in Indicator.objects.filter(mode=rating.mode)}
    record = {
        "evaluateId": f"{rating.division.code}{timezone.localtime(rating.rated_at):%Y%m%d}{rating.pk:08d}",
        "projectNo": case.number,
        # Ours, not a provincial name: the joint case (联办件) whose one rating this row is part of.
        "jointProjectNo": rating.bundle_number,
        "serviceNumber": rating.handling,
        "serviceName": rating.handling_label,
        "taskCode": case.implementation.code,
        "taskName": rating.matter_name,
        "deptCode": rating.department.credit_code,
        "deptName": rating.department.name,
        "areaCode": rating.division.code,
        "handleMode": rating.get_mode_display(),
        "pf": CHANNEL_CODES[rating.channel],
        "pfName": rating.get_channel_display(),
        "alternate": str(rating.level),
        "satisfaction": rating.get_level_display(),
        "appraisald": [{"code": code, "name": names.get(code, code), "alternate": str(level)}
                       for code, level in sorted(rating.scores.items())],
        "writingEvaluation": rating.comment,
        "assessTime": _time(rating.rated_at),
        "anonymous": rating.anonymous,
        "userName": "" if rating.anonymous else rating.rater_name,
        "userCert": "" if rating.anonymous else case.applicant_id_number,
        "userPhone": "" if rating.anonymous else rating.rater_phone,
        "staffName": rating.staff_name,
        "windowNo": rating.window.number if rating.window_id else "",
        "valid": not rating.invalid,
    }
    review = getattr(rating, "review", None) if rating.is_bad else None
    if review is not None:
        record["rectification"] = {
            "status": review.get_status_display(),
            "step": review.state.name if review.is_open else "",
            "verifyTime": _time(review.verified_at),
            "callbackTime": _time(review.callback_at),
            "callbackReached": review.callback_reached,
            "outcome": review.get_outcome_display() if review.outcome else "",
            "rectifyDeadline": review.rectify_due.isoformat() if review.rectify_due else "",
            "rectifyResult": review.rectification,
            "feedback": review.feedback,
            "feedbackTime": _time(review.feedback_at),
            "closeTime": _time(review.closed_at),
            "onTime": review.on_time,
        }
    return record


class ConsoleSink:
    def send(self, records: list[dict]) -> None:
        for r in records:
            print("[好差评推送] " + json.dumps(r, ensure_ascii=False), file=sys.stdout, flush=True)


class FileSink:
    """One file per batch, never appended to: workers on several nodes may push at the same moment, and an
    object store cannot append."""

    def __init__(self, folder: str = "ratings_push"):
        self.folder = folder

    def send(self, records: list[dict]) -> None:
        now = timezone.localtime()
        name = f"{self.folder}/{now:%Y-%m-%d}/{now:%H%M%S}-{uuid.uuid4().hex[:8]}.jsonl"
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        default_storage.save(name, ContentFile(body.encode("utf-8")))


def get_sink():
    return import_string(settings.RATINGS_PUSH_SINK)()


def push_pending(sink=None, limit: int = BATCH) -> int:
    """Send the ratings not pushed yet (new, or changed since: a loop step, an appeal upheld)."""
    sink = sink or get_sink()
    with transaction.atomic():
        qs = (Rating.objects.filter(pushed_at__isnull=True).order_by("pk")
              .select_related("case", "case__implementation", "department", "division", "window",
                              "review", "review__state"))
        qs = qs.select_for_update(skip_locked=True, of=("self",)) if _skip_locked() else qs
        batch = list(qs[:limit])
        if not batch:
            return 0
        sink.send([format_rating(r) for r in batch])  # raises: nothing is marked, the next sweep retries
        Rating.objects.filter(pk__in=[r.pk for r in batch]).update(pushed_at=timezone.now())
    log.info("pushed %s rating(s) to the provincial 好差评 system", len(batch))
    return len(batch)


def _skip_locked() -> bool:
    from django.db import connection

    return connection.features.has_select_for_update_skip_locked
