"""Demo joint cases (联办件, "一件事一次办") of 云川市, on the demo themes (themes_demo.py):

- `citizen`: 新生儿出生一件事 for 王小川, the twin brother of the 王小满 whose 出生医学证明 she already holds
  (licences_demo.py; 王小满's 出生登记 is left for a visitor to try). She chose 预防接种证 and 医保参保 of
  the optional services; every department approved, the results flowed from member to member, and she
  collected them all at once with one pickup code. Completed and NOT rated, so a visitor logged in as
  `citizen` can give the joint case its one rating (我的办件 → 评价本次办事).
- `agent`: 开办餐饮店一件事 for the company he represents (already licensed: a new 420 ㎡ restaurant), accepted
  at the window; 芙蓉区市场监管局 has granted the food licence, the fire check is still under way.

The departments decide through their demo approvers (accounts.py, 芙蓉区's 卫生健康局, 公安分局 and
医疗保障局 among them). Everything goes through the themes and cases services: application,
一窗受理, decisions, result hand-over. Nothing is backdated: the completed joint case was completed the
day the demo was loaded, well within the time a rating may be given.

Safe to run again: when the demo applicants already have a joint case, it does nothing.
"""

import functools
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role, StaffRole, User
from tongban.cases.models import ActionKind, BundleMemberState, Case, CaseBundle
from tongban.cases.services.bundle_progress import hand_over_bundle
from tongban.cases.services.bundles import accept_bundle
from tongban.cases.services.processing import act
from tongban.demo.data import accounts as account_data
from tongban.demo.data.cases_demo import Party, _candidates, _id, _Out, _scan_pdf
from tongban.themes.models import Theme, ThemeStatus
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme

FURONG = "431402"
NEWBORN, RESTAURANT = "newborn", "restaurant"

NEWBORN_SITUATION = {"settle_here": True, "parents_married": True}
NEWBORN_OPTIONAL = ["vaccine", "medical"]  # 社会保障卡 left out: "some" of the optional services
RESTAURANT_SITUATION = {"entity": "company", "has_licence": True, "area": 420}  # > 300 ㎡: fire check too
TWIN_CERTIFICATE = "S431402568"  # 王小满's is S431402567 (licences_demo.py)
HOSPITAL = "云川市芙蓉区妇幼保健院"


def load_demo_joint_cases(stdout=None) -> dict:
    """Create the demo joint cases. Returns {"created": n, "skipped": reason or "", "warnings": [...],
    "not_loaded": [...]}."""
    say = _Out(stdout)
    result = {"created": 0, "skipped": "", "warnings": [], "not_loaded": []}
    if CaseBundle.objects.filter(applicant__username__in=["citizen", "agent"]).exists():
        say("演示联办件已存在，跳过")
        return {**result, "skipped": "演示联办件已存在"}
    users = {u.username: u for u in User.objects.filter(
        username__in=["citizen", "agent", "clerk", "approver_furong_market"])}
    if len(users) < 4:
        say("缺少演示账号，未创建演示联办件")
        return {**result, "skipped": "缺少演示账号"}
    themes = {t.code: t for t in Theme.objects.filter(code__in=[NEWBORN, RESTAURANT], status=ThemeStatus.PUBLISHED)}
    made = []
    for code, scenario in ((NEWBORN, _completed_newborn), (RESTAURANT, _restaurant_in_progress)):
        if code not in themes:
            # Expected with a subset of the matter files (`tongban demo --matters …`): a note, not a warning.
            result["not_loaded"].append(code)
            continue
        try:
            with transaction.atomic():
                made.append(scenario(themes[code], users))
        except (ValidationError, PermissionDenied, LookupError) as exc:
            text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            result["warnings"].append(f"演示联办件“{themes[code].name}”未创建：{text}")
    result["created"] = len(made)
    for w in result["warnings"]:
        say(f"警告：{w}")
    if result["not_loaded"]:
        say(f"提示：未加载一件事主题 {'、'.join(result['not_loaded'])}，跳过相应演示联办件")
    if made:
        say(f"演示联办件 {len(made)} 件（{'；'.join(made)}）")
    return result


# -- the scenarios ------------------------------------------------------------------------------

def _completed_newborn(theme: Theme, users: dict) -> str:
    citizen, clerk = users["citizen"], users["clerk"]
    approvers = _approvers()
    born = timezone.localdate() - timedelta(days=21)  # with his twin sister (licences_demo.py)
    baby_id = _id(f"431402{born:%Y%m%d}013")  # an odd 17th digit: a boy (GB 11643)
    party = Party(citizen.display_name, citizen.id_number, citizen.phone, "云川市芙蓉区五一大道218号", account=citizen)
    story = {
        "baby_name": "王小川", "baby_sex": "1", "baby_birth_date": born.isoformat(), "baby_birth_time": "08:42",
        "baby_weight": 2650, "birth_hospital": HOSPITAL, "relation": "母亲", "mother_name": citizen.display_name,
        "mother_id_number": citizen.id_number, "father_name": "王志强", "hukou__relation": "母亲",
        "settle_with": "mother", "householder_name": citizen.display_name, "relation_to_householder": "子",
        "hukou_address": party.address, "promise": True,
    }
    bundle = _apply(citizen, theme, NEWBORN_SITUATION, NEWBORN_OPTIONAL, party, story)
    bundle = accept_bundle(clerk, bundle, expected_revision=bundle.revision)
    # Each department decides as soon as its sub-case reaches it: the certificate first, then what
    # waited for it (预防接种证, 出生登记), then 医保参保, which waited for the baby's 公民身份号码.
    numbers = {"cert": TWIN_CERTIFICATE, "vaccine": f"YM{FURONG}{bundle.pk:06d}", "hukou": baby_id,
               "medical": ""}
    while True:
        ready = [m for m in _members(bundle) if m.state == BundleMemberState.DISPATCHED and not _decided(m.case)]
        if not ready:
            break
        for m in ready:
            if m.case.department_id not in approvers:
                raise LookupError(f"{m.case.department.name}没有演示审批人员")
            _approve(approvers[m.case.department_id], m.case, numbers.get(m.code, ""))
    bundle.refresh_from_db()
    if not bundle.pickup_code:
        raise ValidationError(f"联办件 {bundle.number} 未能全部办结（{bundle.get_phase_display()}）")
    hand_over_bundle(clerk, bundle, pickup_code=bundle.pickup_code)
    return f"{theme.name}：已办结、已领取，待评价"


def _restaurant_in_progress(theme: Theme, users: dict) -> str:
    agent, clerk = users["agent"], users["clerk"]
    spec = next(a for a in account_data.ACCOUNTS if a["username"] == "agent")
    premises = "云川市芙蓉区五一大道360号"  # the new restaurant; the company's seat is on 蔡锷中路
    party = Party(agent.display_name, agent.id_number, agent.phone, "云川市芙蓉区蔡锷中路98号", account=agent,
                  org_name=spec["company"], org_credit_code=spec["company_credit_code"], legal_representative="李建国")
    story = {
        "applicant_type": "2", "premises": premises, "business_form": "caterer",
        "business_items": ["hot_food", "cold_food"], "floor_area": RESTAURANT_SITUATION["area"], "staff_count": 18,
        "safety_manager_name": "谭秀英", "safety_manager_id_number": _id("43140219880412262"),
        "safety_manager_phone": "13974005566", "promise": True,
    }
    bundle = _apply(agent, theme, RESTAURANT_SITUATION, None, party, story)
    bundle = accept_bundle(clerk, bundle, expected_revision=bundle.revision)
    food = next((m for m in _members(bundle) if m.code == "food"), None)
    if food is None or len(_members(bundle)) < 2:
        raise LookupError("开办餐饮店一件事未同时包含食品经营许可和其他事项")
    _approve(users["approver_furong_market"], food.case, f"JY2{FURONG}{food.case.pk:07d}")
    return f"{theme.name}：办理中（食品经营许可已准予，其余事项办理中）"


# -- building blocks ----------------------------------------------------------------------------

def _apply(actor: User, theme: Theme, situation: dict, optional, party: Party, story: dict) -> CaseBundle:
    """The applicant's one application: the merged form answered (the story's values first, then what
    the account fills in for any other required field) and every required material uploaded."""
    plan = evaluate_theme(theme, situation, optional, user=actor)
    answers = {}
    for f in plan["form"]:
        key = f.get("key")
        if f.get("type") == "section":
            continue
        if key in story:
            answers[key] = story[key]
        elif f.get("required") or f.get("prefill"):
            options = _candidates(f, party)
            if options:
                answers[key] = options[0]
    pdf = _pdf()
    uploads = {m["key"]: SimpleUploadedFile(f"{m['name'][:60]}.pdf", pdf, content_type="application/pdf")
               for m in plan["materials"] if m["upload"] and m["required"]}
    bundle, _ = apply_for_theme(actor, theme, situation=situation, optional=optional, answers=answers,
                                uploads=uploads)
    return bundle


# One stand-in page for every material, drawn once: embedding the CJK font costs about a second.
_pdf = functools.cache(_scan_pdf)


def _members(bundle: CaseBundle):
    return list(bundle.members.select_related("case").order_by("order", "pk"))


def _decided(case: Case) -> bool:
    return case.decided_at is not None


def _approve(approver: User, case: Case, number: str) -> Case:
    """The department's approver takes the sub-case through 审查 to 准予, registering its results."""
    case = Case.objects.get(pk=case.pk)
    if case.state.code == "review":
        case = act(approver, case, ActionKind.ADVANCE, expected_revision=case.revision,
                   comment="材料齐全，符合法定条件，建议准予。")
    results = [{"name": r.name, "number": number} for r in case.matter_version.results.all()]
    return act(approver, case, ActionKind.APPROVE, expected_revision=case.revision, results=results)


def _approvers() -> dict[int, User]:
    """{department pk: its demo approver} in 芙蓉区 (accounts.py)."""
    return {r.department_id: r.user for r in StaffRole.objects.filter(
        role=Role.APPROVER, division__code=FURONG, department__isnull=False).select_related("user")}
