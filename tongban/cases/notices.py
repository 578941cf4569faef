"""Notices on paper and PDF (受理通知书, 一次性告知书, 不予受理通知书, 决定书).

Each carries the case number and a QR code to a public verification page, so whoever holds the
paper can check it is genuine (docs/domain.md §3). They are rendered from the case's stored record on
demand: the record is append-only, so the same notice always prints the same.
"""

import hashlib
import hmac

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF

from tongban.cases.models import AcceptMode, Case, Outcome
from tongban.cases.rating_links import rating_url_for
from tongban.core import qr
from tongban.core.links import absolute_url
from tongban.core.masking import mask_id_number
from tongban.core.pdf import cjk_font_path

FONT = "NotoSansSC"

KINDS = {
    "accept": "受理通知书",
    "correction": "补正材料一次性告知书",
    "refusal": "不予受理通知书",
    "decision": "决定书",
}

# 行政复议法 §20: 60 days; 行政诉讼法 §46: six months.
REMEDIES = ("如不服本决定，可以自收到本通知之日起六十日内向{superior}申请行政复议，"
            "或者在六个月内向人民法院提起行政诉讼。")


def token(number: str, kind: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"notice:{number}:{kind}".encode(), hashlib.sha256).hexdigest()[:20]


def verify_url(case: Case, kind: str) -> str:
    path = reverse("case-notice-verify", args=[case.number, kind, token(case.number, kind)])
    return absolute_url(path)


def available(case: Case) -> list[str]:
    kinds = []
    if case.accepted_at:
        kinds.append("accept")
    if case.corrections.exists():
        kinds.append("correction")
    if case.phase == "refused":
        kinds.append("refusal")
    if case.outcome:
        kinds.append("decision")
    return kinds


def title_of(case: Case, kind: str) -> str:
    if kind == "decision":
        verb = "准予" if case.outcome == Outcome.APPROVED else "不予"
        return f"{verb}{case.matter_version.get_matter_type_display().replace('行政', '')}决定书" \
            if case.matter_version.matter_type == "01" else f"{verb}办理决定书"
    return KINDS[kind]


class _Notice(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FONT, fname=cjk_font_path())
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(auto=True, margin=20)

    def para(self, text: str, size=11.5, h=7.5):
        self.set_font(FONT, size=size)
        self.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")


def render(case: Case, kind: str) -> bytes:
    if kind not in available(case):
        raise LookupError(kind)
    dept = case.department.name
    pdf = _Notice()
    pdf.add_page()
    pdf.set_font(FONT, size=18)
    pdf.cell(0, 12, dept, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=16)
    pdf.cell(0, 12, title_of(case, kind), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    pdf.cell(0, 7, f"办件编号：{case.number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.para(f"{case.applicant_name or '申请人'}：")
    body = _BODIES[kind](case)
    for line in body:
        pdf.para("    " + line if not line.startswith("  ") else line)
    pdf.ln(6)
    pdf.para(f"办理地点：{case.implementation.place}", size=10, h=6)
    pdf.para(f"咨询电话：{case.implementation.consult_phone}    监督电话：{case.implementation.supervise_phone}",
             size=10, h=6)
    pdf.ln(8)
    y = pdf.get_y()
    pdf.image(qr.png(verify_url(case, kind)), x=22, y=y, w=28, h=28)
    pdf.set_xy(55, y + 2)
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(70, 5, "扫码核验本文书真伪\n" + f"申请人证件：{mask_id_number(case.applicant_id_number)}")
    pdf.set_xy(120, y + 6)
    pdf.set_font(FONT, size=11.5)
    pdf.multi_cell(68, 7, f"{dept}\n（电子印章）\n{_date_of(case, kind):%Y年%m月%d日}", align="C")
    if kind in RATED_KINDS:
        _rating_qr(pdf, case)
    return bytes(pdf.output())


# 好差评 (国办发〔2019〕51号): the result a case ends with carries a QR code to rate the handling.
RATED_KINDS = ("decision", "refusal")


def _rating_qr(pdf: _Notice, case: Case) -> None:
    y = pdf.get_y() + 8
    if y + 26 > pdf.h - 20:
        pdf.add_page()
        y = pdf.get_y()
    pdf.image(qr.png(rating_url_for(case)), x=22, y=y, w=24, h=24)
    pdf.set_xy(50, y + 5)
    pdf.set_font(FONT, size=10)
    if case.bundle_id:  # a sub-case's notice: the joint case is rated once, as a whole
        caption = "扫码评价本次“一件事”联办服务（好差评）\n各事项办结后评价一次即可，无需逐项评价"
    else:
        caption = "扫码评价本次服务（好差评）\n您的评价和意见将由专人核实处理并答复"
    pdf.multi_cell(120, 6, caption)


def _date_of(case, kind):
    if kind == "accept":
        return timezone.localtime(case.accepted_at)
    if kind == "correction":
        return timezone.localtime(case.corrections.order_by("-requested_at").first().requested_at)
    return timezone.localtime(case.completed_at or timezone.now())


def _accept_body(case: Case) -> list[str]:
    lines = [f"你（单位）于 {timezone.localtime(case.submitted_at):%Y年%m月%d日} 提出的“{case.matter_name}”申请，"
             f"经审查，申请材料齐全、符合法定形式，本机关决定予以受理。"]
    if case.accept_mode == AcceptMode.RONGQUE:
        pending = list(case.pending_materials.select_related("material"))
        names = "、".join(p.material.name for p in pending)
        due = min(p.due_on for p in pending) if pending else None
        lines = [f"你（单位）于 {timezone.localtime(case.submitted_at):%Y年%m月%d日} 提出的“{case.matter_name}”申请，"
                 f"主要申请材料齐全，本机关决定予以容缺受理。请于 {due:%Y年%m月%d日} 前补交：{names}。"
                 "办理时限自容缺材料补齐之日起计算；材料补齐前不作出决定。"]
    elif case.accept_mode == AcceptMode.COMMITMENT:
        lines.append("你（单位）已书面承诺符合法定条件，本机关依告知承诺制当场作出决定，并将在事后进行核查。"
                     "承诺不实的，依法撤销决定并承担相应责任。")
    elif case.accept_mode == AcceptMode.IMMEDIATE:
        lines.append("本事项为即办件，已当场办结。")
    if case.promised_due and case.accept_mode in (AcceptMode.NORMAL,):
        lines.append(f"本事项承诺办结时限为 {case.promised_days} 个工作日（法定时限 {case.legal_days or '—'} 个工作日），"
                     f"预计于 {case.promised_due:%Y年%m月%d日} 前办结。依法需要听证、检验、检测、专家评审等的，"
                     "所需时间不计算在办理时限内。")
    lines.append("请凭本通知书及办件编号查询办理进度。")
    return lines


def _correction_body(case: Case) -> list[str]:
    c = case.corrections.order_by("-requested_at").first()
    lines = [f"你（单位）提出的“{case.matter_name}”申请，申请材料不齐全或者不符合法定形式。"
             "根据《中华人民共和国行政许可法》第三十二条，现一次性告知需要补正的全部内容如下："]
    for i, item in enumerate(c.items, start=1):
        lines.append(f"  {i}. {item.get('name') or '申请材料'}：{item.get('problem')}")
    if c.note:
        lines.append(c.note)
    lines.append("请按上述要求补正后提交，补正后原办件继续办理，无需重新申请。")
    return lines


def _refusal_body(case: Case) -> list[str]:
    return [f"你（单位）提出的“{case.matter_name}”申请，经审查，本机关决定不予受理。",
            f"理由：{case.decision_text}",
            REMEDIES.format(superior=_superior(case))]


def _decision_body(case: Case) -> list[str]:
    if case.outcome == Outcome.APPROVED:
        lines = [f"你（单位）提出的“{case.matter_name}”申请，经审查，符合法定条件、标准，本机关决定准予办理。"]
        if case.decision_text:
            lines.append(case.decision_text)
        for r in case.results.all():
            num = f"，编号 {r.number}" if r.number else ""
            lines.append(f"办理结果：{r.name}{num}。")
        return lines
    return [f"你（单位）提出的“{case.matter_name}”申请，经审查，本机关决定不予办理。",
            f"理由：{case.decision_text}",
            REMEDIES.format(superior=_superior(case))]


def _superior(case: Case) -> str:
    # 行政复议法（2023年修订）§24: the people's government at the department's level hears the appeal.
    return f"{case.division.name}人民政府"


_BODIES = {"accept": _accept_body, "correction": _correction_body, "refusal": _refusal_body,
           "decision": _decision_body}
