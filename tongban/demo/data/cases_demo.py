"""Demo cases (办件) for 云川市: one or more in every state a window, an approver and a supervisor
meet in a working day, filed by the demo accounts for the demo city's own matters.

`load_demo_cases(stdout=None)` runs after the city, accounts and matters are loaded. Every case is
made through the case services (start → fill → upload → submit → accept → …), so the timeline,
notices, notifications and audit trail are the ones real work leaves. Only two things are not:
the cases that must look old (预警, 超期) are moved back in time after the fact — see
`_backdate_for_demo()` — because the clock cannot be stopped at runtime.

Safe to run again: when the city already has cases, it does nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import User
from tongban.cases import deadlines, materials
from tongban.cases.models import ActionKind, Case, CaseEvent, Channel
from tongban.cases.services import delivery, intake, processing
from tongban.catalog.models import Implementation
from tongban.core.validators import id_number_check_char
from tongban.demo.data.accounts import ACCOUNTS, company_credit_code
from tongban.forms.defaults import effective_form
from tongban.forms.spec import APPLICANT_TYPE_KEY, resolve_date_bound
from tongban.forms.validation import clean_answers

CITY = "431400"
FOOD = "食品经营许可（新办）"
PUBLIC_PLACE = "公共场所卫生许可（不含饭馆、咖啡馆、酒吧、茶座）"
PASSPORT = "普通护照签发"


@dataclass
class Party:
    """Who an application is for: a person, or an organisation acting through `person`."""

    name: str
    id_number: str
    phone: str
    address: str
    account: User | None = None
    org_name: str = ""
    org_credit_code: str = ""
    legal_representative: str = ""
    # A person running a shop applies as a person but names the shop (个体工商户, code "92…").
    shop_name: str = ""
    shop_credit_code: str = ""


def _id(first17: str) -> str:
    return first17 + id_number_check_char(first17)


# People without a platform account who walk in to the hall (their IDs are valid but made up).
WALK_INS = [
    Party("刘德明", _id("43140219780512301"), "13974001122", "云川市芙蓉区解放西路66号",
          shop_name="云川市芙蓉区德明粉面馆", shop_credit_code=company_credit_code("92431402MA4TB3D4E")),
    Party("周慧敏", _id("43140319860924242"), "13875002233", "云川市天心区书院路18号",
          shop_name="云川市天心区慧敏小厨", shop_credit_code=company_credit_code("92431403MA4TC5F6G")),
]


class _Out:
    def __init__(self, stdout):
        self.stdout = stdout

    def __call__(self, text: str) -> None:
        if self.stdout is not None:
            self.stdout.write(text + "\n")


def load_demo_cases(stdout=None) -> dict:
    """Create the demo cases. Returns {"created": n, "skipped": reason or "", "warnings": [...]}."""
    say = _Out(stdout)
    if Case.objects.filter(division__code=CITY).exists():
        say("演示办件已存在，跳过")
        return {"created": 0, "skipped": "演示办件已存在", "warnings": []}
    users = {u.username: u for u in User.objects.filter(username__in=[a["username"] for a in ACCOUNTS])}
    needed = ("citizen", "agent", "clerk", "approver_market", "approver_police", "supervisor")
    missing = [u for u in needed if u not in users]
    if missing:
        say(f"缺少演示账号 {', '.join(missing)}，未创建演示办件")
        return {"created": 0, "skipped": "缺少演示账号", "warnings": []}
    demo = _Demo(users, say)
    not_loaded = []
    for scenario in demo.scenarios():
        try:
            with transaction.atomic():
                scenario()
        except MatterNotLoaded as exc:
            not_loaded.append(f"{scenario.__doc__ or scenario.__name__}（需要市级“{exc.args[0]}”）")
        except (ValidationError, PermissionDenied, LookupError) as exc:
            # One scenario that cannot be built (a matter missing from the data files, a year the
            # working-day calendar does not know yet) must not take the whole demo down.
            text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            demo.warnings.append(f"演示办件“{scenario.__doc__ or scenario.__name__}”未创建：{text}")
    for w in demo.warnings:
        say(f"警告：{w}")
    if not_loaded:
        # Expected with a subset of the data files, so a note rather than a warning.
        say(f"提示：未加载所需事项，跳过演示办件 {len(not_loaded)} 件：{'；'.join(not_loaded)}")
    say(f"演示办件 {demo.created} 件（待受理、待补正、容缺、预警、超期、待缴费、待领取、寄递中、已送达）")
    return {"created": demo.created, "skipped": "", "warnings": demo.warnings, "not_loaded": not_loaded}


class _Demo:
    def __init__(self, users: dict, say):
        self.u = users
        self.say = say
        self.created = 0
        self.warnings: list[str] = []
        self.pdf: bytes | None = None
        agent_spec = next(a for a in ACCOUNTS if a["username"] == "agent")
        citizen, agent = users["citizen"], users["agent"]
        self.citizen = Party(citizen.display_name, citizen.id_number, citizen.phone, "云川市芙蓉区五一大道218号",
                             account=citizen, shop_name="云川市芙蓉区晓梅甜品店",
                             shop_credit_code=company_credit_code("92431402MA4TA1B2C"))
        self.company = Party(agent.display_name, agent.id_number, agent.phone, "云川市芙蓉区蔡锷中路98号",
                             account=agent, org_name=agent_spec["company"],
                             org_credit_code=agent_spec["company_credit_code"], legal_representative="李建国")

    def scenarios(self):
        return [self.pending, self.correction, self.rongque, self.warning, self.overdue, self.awaiting_payment,
                self.ready_for_pickup, self.shipped, self.delivered]

    # -- the scenarios ------------------------------------------------------------------------

    def pending(self):
        """网上申请，待受理"""
        self._online(FOOD, self.company)

    def correction(self):
        """一次性告知补正"""
        case = self._online(FOOD, self.citizen)
        materials = {m.name: m for m in case.matter_version.materials.all()}
        items = []
        for name, problem in (("食品安全管理人员基本情况", "未附食品安全管理员培训考核合格证明，请补充。"),
                              ("与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
                               "平面布局图未标明粗加工、烹饪、餐用具清洗消毒区域，请重新绘制。")):
            m = materials.get(name)
            items.append({"material_id": m.pk if m else None, "name": name, "problem": problem})
        self._act(self.u["clerk"], case, ActionKind.REQUEST_CORRECTION, items=items,
                  note="请在“我的办件”中按上述要求补正后提交，原办件继续办理。")

    def rongque(self):
        """容缺受理，等待材料补齐"""
        impl = _impl(PUBLIC_PLACE)
        rongque = [m for m in materials.required_uploads(_draft_probe(impl)) if m.rongque_allowed]
        if not rongque:
            raise LookupError(f"“{PUBLIC_PLACE}”没有可容缺的材料")
        # 容缺 is decided face to face: the agent brings the papers to the window.
        case = self._walk_in(PUBLIC_PLACE, self.company, skip={m.name for m in rongque})
        self._act(self.u["clerk"], case, ActionKind.ACCEPT_RONGQUE, materials=[m.pk for m in rongque],
                  due_on=timezone.localdate() + timedelta(days=10), comment="主要材料齐全，卫生检测报告容后补交。")

    def warning(self):
        """办理中，预警"""
        case = self._walk_in(FOOD, WALK_INS[0])
        case = self._act(self.u["clerk"], case, ActionKind.ACCEPT, comment="纸质材料已当面核验。")
        case = processing.claim(self.u["approver_market"], case, expected_revision=case.revision)
        _backdate_for_demo(case, deadlines.DeadlineState.WARNING)

    def overdue(self):
        """办理中，超期（已督办）"""
        case = self._walk_in(FOOD, WALK_INS[1])
        case = self._act(self.u["clerk"], case, ActionKind.ACCEPT)
        case = processing.claim(self.u["approver_market"], case, expected_revision=case.revision)
        _backdate_for_demo(case, deadlines.DeadlineState.OVERDUE, extra_days=3)
        processing.urge(self.u["supervisor"], Case.objects.get(pk=case.pk),
                        message="该件已超过承诺办结时限，请说明原因并于今日内办结。")

    def awaiting_payment(self):
        """准予，待缴费"""
        case = self._online(PASSPORT, self.citizen)
        self._decide(case, self.u["approver_police"], [("EH", 7)])

    def ready_for_pickup(self):
        """准予，待领取"""
        case = self._online(FOOD, self.company)
        self._decide(case, self.u["approver_market"], [("JY143140200", 5)])

    def shipped(self):
        """准予，邮寄送达中"""
        party = self.citizen
        case = self._online(FOOD, party)
        delivery.choose_delivery(party.account, case, method="express", recipient=party.name, phone=party.phone,
                                 address=party.address + "3栋201室")
        case = self._decide(Case.objects.get(pk=case.pk), self.u["approver_market"], [("JY143140200", 5)])
        delivery.ship(self.u["clerk"], case)

    def delivered(self):
        """准予，已窗口领取"""
        case = self._online(FOOD, self.company)
        case = self._decide(case, self.u["approver_market"], [("JY143140200", 5)])
        delivery.hand_over(self.u["clerk"], case, pickup_code=case.pickup_code)

    # -- building blocks ------------------------------------------------------------------------

    def _online(self, matter_name: str, party: Party, *, skip=()) -> Case:
        impl = _impl(matter_name)
        actor = party.account
        case = intake.start_application(actor, impl, channel=Channel.WEB)
        case = self._fill(actor, case, party)
        for m in materials.required_uploads(case):
            if m.name not in skip:
                intake.attach_file(actor, case, m, self._pdf(m.name))
        case = intake.submit(actor, Case.objects.get(pk=case.pk))
        self.created += 1
        return case

    def _walk_in(self, matter_name: str, party: Party, *, skip=()) -> Case:
        clerk = self.u["clerk"]
        case = intake.register_walk_in(clerk, _impl(matter_name), id_number=party.id_number, name=party.name,
                                       phone=party.phone)
        case = self._fill(clerk, case, party)
        for m in materials.required_uploads(case):  # the clerk scans the papers handed in
            if m.name not in skip:
                intake.attach_file(clerk, case, m, self._pdf(m.name))
        case = intake.submit(clerk, Case.objects.get(pk=case.pk))
        self.created += 1
        return case

    def _act(self, actor, case: Case, action: str, **params) -> Case:
        case = Case.objects.get(pk=case.pk)
        return processing.act(actor, case, action, expected_revision=case.revision, **params)

    def _decide(self, case: Case, approver, numbers: list[tuple[str, int]]) -> Case:
        case = self._act(self.u["clerk"], case, ActionKind.ACCEPT)
        case = self._act(approver, case, ActionKind.ADVANCE, comment="材料齐全，符合法定条件，建议准予。")
        results = []
        for r, (prefix, digits) in zip(case.matter_version.results.all(), numbers * 5, strict=False):
            results.append({"name": r.name, "number": f"{prefix}{case.pk:0{digits}d}"})
        return self._act(approver, case, ActionKind.APPROVE, results=results)

    def _fill(self, actor, case: Case, party: Party) -> Case:
        """Answer the matter's form the way this party would; try other plausible values for any
        field the form's own rules refuse (demo forms may set date ranges, patterns…)."""
        spec = effective_form(case.matter_version)
        # Required fields and what the account fills in; optional ones stay empty, as people leave them.
        wanted = [f for f in spec if f.get("type") != "section" and (f.get("required") or f.get("prefill"))]
        answers = {f["key"]: _candidates(f, party)[0] for f in wanted if _candidates(f, party)}
        for attempt in range(1, 4):
            _, errors = clean_answers(spec, answers)
            if not errors:
                break
            for f in spec:
                if f.get("key") in errors:
                    options = _candidates(f, party)
                    if attempt < len(options):
                        answers[f["key"]] = options[attempt]
        case, _errors = intake.save_draft(actor, case, answers)
        return case

    def _pdf(self, name: str) -> SimpleUploadedFile:
        # One stand-in page for every material: embedding the CJK font costs seconds per PDF.
        if self.pdf is None:
            self.pdf = _scan_pdf()
        return SimpleUploadedFile(f"{name[:60]}.pdf", self.pdf, content_type="application/pdf")


class MatterNotLoaded(LookupError):
    """The matter a scenario needs is not in the loaded data (`tongban demo --matters` picks a subset)."""


def _impl(matter_name: str) -> Implementation:
    impl = (Implementation.objects.filter(matter__name=matter_name, department__division__code=CITY,
                                          status=Implementation.Status.ACTIVE, matter__current_version__isnull=False)
            .select_related("matter", "department").first())
    if impl is None:
        raise MatterNotLoaded(matter_name)
    return impl


def _draft_probe(impl: Implementation) -> Case:
    """An unsaved case, only to ask the intake service which materials the matter requires."""
    return Case(implementation=impl, matter_version=impl.matter.current_version, department=impl.department)


def _candidates(f: dict, p: Party) -> list:
    """Plausible answers for one field, best first."""
    kind, key, label = f.get("type"), f.get("key", ""), f.get("label", "")
    prefill = f.get("prefill", "")
    by_prefill = {
        "applicant.name": p.name, "applicant.id_number": p.id_number, "applicant.phone": p.phone,
        "applicant.email": f"{p.account.username}@example.cn" if p.account else "",
        "applicant.address": p.address, "organisation.name": p.org_name,
        "organisation.credit_code": p.org_credit_code, "organisation.legal_representative": p.legal_representative,
        "organisation.address": p.address,
    }
    if by_prefill.get(prefill):
        return [by_prefill[prefill]]
    options = [o["value"] for o in f.get("options") or ()]
    if key == APPLICANT_TYPE_KEY and options:
        want = "2" if p.org_name else "1"
        return [want if want in options else options[0]]
    if kind == "checkbox":
        return [options[:1], options[:2]] if options else []
    if options:
        return options
    if kind == "boolean":
        return [True]
    if kind == "id_number":
        return [p.id_number]
    if kind == "credit_code":
        code = p.org_credit_code or p.shop_credit_code
        return [code] if code else []
    if kind == "phone":
        return [p.phone]
    if kind == "email":
        return ["service@example.cn"]
    if kind == "address":
        return [p.address]
    if kind == "date":
        return _dates(f)
    if kind in ("number", "money"):
        return ["2", "1", "20", "200.00"] if kind == "number" else ["50000.00", "100.00"]
    if kind == "textarea":
        return [f"{label}：详见所附材料。"]
    return [_text_for(label, p), "演示", "1"]


def _dates(f: dict) -> list[str]:
    today = date.today()
    lo, hi = resolve_date_bound(f.get("min")), resolve_date_bound(f.get("max"))
    picks = [today + timedelta(days=30), today - timedelta(days=365 * 30), today - timedelta(days=20), today]
    if lo or hi:
        lo = lo or (hi - timedelta(days=3650))
        hi = hi or (lo + timedelta(days=3650))
        picks = [lo + (hi - lo) / 2, lo, hi] + picks
    return [d.isoformat() for d in picks]


def _text_for(label: str, p: Party) -> str:
    if "名称" in label:
        return p.org_name or p.shop_name or p.name
    if "姓名" in label or "经营者" in label or "负责人" in label or "管理员" in label:
        return p.name
    if "地址" in label or "场所" in label or "住所" in label:
        return p.address
    return "详见申请材料"


def _scan_pdf(title: str = "演示材料") -> bytes:
    """A one-page PDF standing in for a scanned material, legible when opened."""
    from fpdf import FPDF

    from tongban.core.pdf import cjk_font_path

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(0, 8, "（演示材料：此页代替申请人提交的扫描件）")
    return bytes(pdf.output())


def _backdate_for_demo(case: Case, state: str, *, extra_days: int = 0) -> None:
    """DEMO ONLY. Move an accepted case back in time until its clock shows `state` (预警/超期).

    A real case gets there by waiting; the demo cannot wait and cannot freeze the clock at runtime,
    so it shifts the acceptance (and the timeline with it) with a queryset update, then lets
    deadlines.recompute() derive the due dates exactly as it does for real cases. Never do this
    outside demo data: the dates of a real case are part of the legal record.
    """
    case = Case.objects.get(pk=case.pk)
    accepted = case.accepted_at
    for days in range(1, 60):
        case.accepted_at = accepted - timedelta(days=days)
        deadlines.recompute(case)
        if deadlines.clock(case).state == state:
            break
    else:
        raise ValidationError(f"无法把演示办件调整为“{deadlines.STATE_LABELS[state]}”状态")
    shift = timedelta(days=days + extra_days)
    case.accepted_at = accepted - shift
    deadlines.recompute(case)
    Case.objects.filter(pk=case.pk).update(
        accepted_at=case.accepted_at, submitted_at=case.submitted_at - shift, promised_due=case.promised_due,
        legal_due=case.legal_due, warn_on=case.warn_on, created_at=case.created_at - shift)
    for event in CaseEvent.objects.filter(case=case):
        CaseEvent.objects.filter(pk=event.pk).update(at=event.at - shift)
