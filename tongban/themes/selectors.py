"""Reads of themes: the published list, a theme's guide (questions, members, reduction report), the
evaluation of an applicant's answers, and the editor's scoped list. The guide page and the API use
the same structures."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from tongban.accounts.selectors import is_platform_admin
from tongban.cases.models import Case, CaseBundle
from tongban.catalog.staff_selectors import editor_departments
from tongban.forms.spec import fields
from tongban.registries.models import AccessLog
from tongban.themes.definition import definition_of
from tongban.themes.merge import merge, prefill
from tongban.themes.models import Theme, ThemeStatus
from tongban.themes.planning import plan
from tongban.themes.prefill import read_registries, registry_answers
from tongban.themes.selection import choose, typical_situation

# What the seeds report for Shaoyang's 43 "我要开店" themes (邵阳市行政审批服务局 2019 年工作总结).
SEED_REFERENCE = {
    "source": "邵阳市43项“我要开店”类“一件事一次办”事项（2019年）",
    "materials": {"before": 38.3, "after": 24.1},
    "steps": {"before": 27.69, "after": 4},
    "promised_days": {"before": 35.37, "after": 8.7},
}
FIGURES = ("materials", "uploads", "forms", "fields", "steps", "promised_days", "visits")
FIGURE_LABELS = {"materials": "申请材料（份）", "uploads": "需申请人提交的材料（份）", "forms": "申请表（张）",
                 "fields": "填写项（项）", "steps": "办理环节（个）", "promised_days": "承诺办结时限（工作日）",
                 "visits": "到现场次数（次）"}


def published_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(status=ThemeStatus.PUBLISHED).select_related(
        "division", "lead_department", "category").order_by("code")


def published_theme(code: str) -> Theme | None:
    return published_themes().filter(code=code).first()


def themes_for_editor(user) -> QuerySet[Theme]:
    """An editor sees the themes whose lead department is in their scope (platform admins: all)."""
    qs = Theme.objects.select_related("division", "lead_department")
    if is_platform_admin(user):
        return qs
    return qs.filter(lead_department__in=editor_departments(user))


def _percent(before, after) -> float:
    if not before:
        return 0.0
    value = (Decimal(str(before)) - Decimal(str(after))) / Decimal(str(before)) * 100
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _critical_path(definition: dict, codes: list[str], days: dict[str, int]) -> int:
    """In parallel, the longest chain of prerequisites decides: sum of promised days along it."""
    needs = {}
    for dep in definition["dependencies"]:
        if dep["member"] in codes and dep["requires"] in codes:
            needs.setdefault(dep["member"], []).append(dep["requires"])
    memo: dict[str, int] = {}

    def longest(code, seen=()):
        if code in memo:
            return memo[code]
        if code in seen:  # a cycle is refused at publication; never loop here
            return days[code]
        memo[code] = days[code] + max((longest(r, (*seen, code)) for r in needs.get(code, [])), default=0)
        return memo[code]

    return max((longest(c) for c in codes), default=0)


def reduction_report(definition: dict, situation: dict | None = None, optional=None) -> dict:
    """减材料、减环节、减时限、减跑动: every chosen member done on its own versus the theme, computed from
    the catalogue (materials, steps, promised days and visits of each matter version). Without answers
    the theme's typical situation (each question's 典型答案, optional members as preset) is used."""
    typical = situation is None
    situation = typical_situation(definition) if typical else situation
    selection, _ = choose(definition, situation, optional)
    if not selection.members:
        return {"theme": definition["code"], "typical": typical, "members": [], "separately": {}, "as_theme": {},
                "reduction": {}, "labels": FIGURE_LABELS, "reference": SEED_REFERENCE}
    merged = merge(definition, selection)
    rows = []
    for m in selection.members:
        code = m["code"]
        waived = selection.waived.get(code, set())
        extra = selection.required.get(code, set())
        needed = [x for x in m["materials"] if x["name"] not in waived and (x["required"] or x["name"] in extra)]
        rows.append({
            "code": code, "name": m["name"], "department": m["department"],
            "materials": len(needed), "uploads": sum(1 for x in needed if x["source"] == "applicant"),
            "forms": 1, "fields": merged.asked[code], "steps": m["steps"],
            "promised_days": m["promised_days"], "visits": m["visits"],
            "waits_for": selection.waits.get(code, []),
        })
    separately = {k: sum(r[k] for r in rows) for k in FIGURES}
    needed_groups = [g for g in merged.materials if g.required and not g.provided_by]
    as_theme = {
        "materials": len(needed_groups),
        "uploads": sum(1 for g in needed_groups if g.upload),
        "forms": 1, "fields": len(fields(merged.spec)), "steps": len(definition["steps"]),
        "promised_days": definition["promised_days"], "visits": definition["visits"],
    }
    days = {r["code"]: r["promised_days"] for r in rows}
    return {
        "theme": definition["code"], "name": definition["name"], "typical": typical, "situation": situation,
        "members": rows, "separately": separately, "as_theme": as_theme,
        "reduction": {k: {"saved": separately[k] - as_theme[k], "percent": _percent(separately[k], as_theme[k])}
                      for k in FIGURES},
        "parallel_days": _critical_path(definition, [r["code"] for r in rows], days),
        "shared_fields": merged.shared_fields,
        "labels": FIGURE_LABELS, "reference": SEED_REFERENCE,
    }


def evaluate_theme(theme: Theme, situation: dict | None, optional=None, user=None, *, ref: str | None = None,
                   read: dict | None = None) -> dict:
    """情形引导 → which members apply and why, the one merged form (prefilled from the account), the one
    set of materials, what waits for what, and the report for this situation. Answers may be partial:
    errors say what is still missing.

    With `ref` (the future joint case's uid) and `read`, a logged-in user's merged form is also read from
    the base registries as the journey does (themes/prefill.py): each chosen member's department reads,
    under its own grant, what the form still asks, logged under `ref`. `read` is what was read under
    that ref before ({member code: …}) and is updated in place, so a member already read is not read
    again. Without them (anonymous callers, or a ref whose reads this caller cannot recall) nothing is
    read and registry_prefill is empty."""
    definition = definition_of(theme)
    answers, selection, merged, errors = plan(definition, situation, optional, partial=True)
    names = {m["code"]: m["name"] for m in definition["members"]}
    chosen = [{"code": m["code"], "name": m["name"], "department": m["department"],
               "reason": selection.reasons[m["code"]], "promised_days": m["promised_days"],
               "waits_for": [names[c] for c in selection.waits.get(m["code"], [])]}
              for m in selection.members]
    skipped = [{"code": c, "name": names[c], "reason": r} for c, r in selection.skipped.items()]
    registry, sources = {}, {}
    if merged is not None and ref and read is not None:
        read_registries(user, merged, selection, ref=ref, read=read)
        registry, sources = registry_answers(merged, read)
    return {
        "theme": theme.code, "situation": answers, "errors": errors, "chosen": chosen, "skipped": skipped,
        "form": merged.spec if merged else [], "prefill": prefill(merged.spec, user) if merged else {},
        "registry_prefill": registry, "registry_sources": sources, "ref": ref,
        "materials": [m.as_dict() for m in merged.materials] if merged else [],
        "report": reduction_report(definition, answers, optional) if merged else None,
    }


def ref_problem(user, ref: str, *, idempotency_key: str | None = None) -> str:
    """Why `ref` cannot become the uid of `user`'s next joint case ("" when it can). A ref is one
    application's: once a joint case (or a single case) has that uid, or someone else's registry reads
    are logged under it, reads logged under it would be shown against the wrong case on 谁用了我的数据.
    The same application retried with its Idempotency-Key may repeat the ref of the joint case it made."""
    bundle = CaseBundle.objects.filter(uid=ref).only("applicant_id", "idempotency_key").first()
    if bundle is not None:
        if idempotency_key and bundle.applicant_id == user.pk and bundle.idempotency_key == idempotency_key:
            return ""
        return "该申请标识（ref）已被已提交的联办件使用，请重新评估（不带 ref）以取得新的申请标识"
    if Case.objects.filter(uid=ref).exists():
        return "该申请标识（ref）已被办件使用，请重新评估（不带 ref）以取得新的申请标识"
    if AccessLog.objects.filter(case_ref=ref).exclude(actor=user).exists():
        return "该申请标识（ref）已被他人使用，请重新评估（不带 ref）以取得新的申请标识"
    return ""


def reads_logged_under(user, ref: str) -> bool:
    """Whether `user`'s registry reads are already logged under `ref` (申请表预填)."""
    return AccessLog.objects.filter(case_ref=ref, actor=user, purpose=AccessLog.Purpose.PREFILL).exists()
