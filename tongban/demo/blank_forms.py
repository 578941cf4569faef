"""Blank forms (空白表格) and filled-in samples (示例样表) for the demo city's application forms.

A real 办事指南 lets the applicant download, for every form they must fill on paper, the empty
form and a sample filled in correctly (空白表格 and 示例样表 are elements of each 申请材料 in
GB/T 39046 table 4). The demo data has no such files, so `attach_blank_forms()` draws them after the matters
are loaded: one pair per (matter, material name), shared by every published version that lists the
material (and so by every implementation of the matter).

What counts as a form the applicant fills: a material they provide themselves (来源：申请人自备)
whose name says it is a form, a commitment, a declaration, a written explanation or an authorisation
(FORM_WORDS) — not a document issued by someone else that merely has a form word in its name
(NOT_FORMS). The table of the form is the matter version's application form (`effective_form()`),
so the paper form asks for exactly what the online one does.

Drawing is in tongban/demo/blank_form_pdf.py (fast enough for ~470 files while the demo loads).
Files are named by a hash of what they show, so loading the demo again into the same data
directory reuses the files drawn last time.
"""

import re
import time
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from tongban.catalog.codes import MaterialSource, OnlineDepth, VersionStatus
from tongban.catalog.models import Material
from tongban.core.services import audit
from tongban.core.validators import credit_code_check_char, id_number_check_char
from tongban.demo.blank_form_pdf import (
    DATE_BLANK,
    EMPTY_BOX,
    NOT_APPLICABLE,
    TICKED,
    Row,
    Sheet,
    prepare_font,
    render_all,
)
from tongban.forms.defaults import default_form_for, effective_form
from tongban.forms.spec import APPLICANT_TYPE_KEY, CHOICE_TYPES, PERSON, resolve_date_bound

FORM_WORDS = ("申请书", "申请表", "登记表", "申报表", "审批表", "备案表", "承诺书", "声明", "情况说明", "说明表",
              "委托书", "授权书")
NOT_FORMS = ("批准文件", "备案材料")  # e.g. “环境影响报告书（表）批准文件或环境影响登记表备案材料”


def is_fillable_form(name: str, source: str = MaterialSource.APPLICANT) -> bool:
    """A material the applicant fills in on paper: its name is a form word and they bring it."""
    return (source == MaterialSource.APPLICANT and any(w in name for w in FORM_WORDS)
            and not any(w in name for w in NOT_FORMS))


def form_kind(name: str) -> str:
    """commitment | authorisation | declaration | statement | application (decides the layout)."""
    if "承诺书" in name:
        return "commitment"
    if "委托书" in name and "申请" not in name:
        return "authorisation"
    if "声明" in name:
        return "declaration"
    if "情况说明" in name or "说明表" in name:
        return "statement"
    return "application"


# -- sample people and values (fictional; the numbers pass their check digits) -------------------

def _id(first17: str) -> str:
    return first17 + id_number_check_char(first17)  # GB 11643-1999


def _credit(first17: str) -> str:
    return first17 + credit_code_check_char(first17)  # GB 32100-2015


# (name, 公民身份号码); the 17th digit is odd for men, even for women, as GB 11643 says.
ZHANG_SAN = ("张三", _id("43140219900307123"))
PEOPLE = {  # label keyword → the person a sample shows there
    "母亲": ("李梅", _id("43140219910512124")), "配偶": ("李梅", _id("43140219910512124")),
    "父亲": ZHANG_SAN, "户主": ZHANG_SAN, "经办": ZHANG_SAN, "申请": ZHANG_SAN, "经营者": ZHANG_SAN,
    "新生儿": ("张小明", _id("43140220240615131")), "儿童": ("张小明", _id("43140220180615131")),
    "子女": ("张小明", _id("43140220180615131")), "持卡人": ("张小明", _id("43140220180615131")),
    "参保人": ("张小明", _id("43140220180615131")), "退休": ("王建国", _id("43140219640820101")),
    "法定代表人": ("李四", _id("43140219800214155")), "卖方": ("李四", _id("43140219800214155")),
    "受托": ("王芳", _id("43140319920416128")), "代理": ("王芳", _id("43140319920416128")),
}
OTHER_PERSON = ("王五", _id("43140319850909173"))
PHONE, OTHER_PHONE = "13812345678", "13912345678"
ADDRESS = "云川市芙蓉区芙蓉中路88号"
ORG = {"name": "云川市示例商贸有限公司", "credit_code": _credit("91431402MA4L2B3C5"),
       "address": "云川市芙蓉区建设北路16号"}
PREFILLED = {
    "applicant.name": ZHANG_SAN[0], "applicant.id_number": ZHANG_SAN[1], "applicant.phone": PHONE,
    "applicant.email": "zhangsan@example.com", "applicant.address": ADDRESS,
    "organisation.name": ORG["name"], "organisation.credit_code": ORG["credit_code"],
    "organisation.legal_representative": "李四", "organisation.address": ORG["address"],
}
EXAMPLE_RE = re.compile(r"如[“\s]*([^”，。；\s]+)")
ATTACHED_PAPERS = re.compile(r"及([^及]*(?:证件|身份证|证明|执照)[^及]*)$")
LABEL_SAMPLES = (  # text answers without an example in the form, by what their label asks
    (("经营范围",), "日用百货销售；食品销售（仅销售预包装食品）"),
    (("家庭成员",), "李梅（配偶）"),
    (("名称",), ORG["name"]),
    (("编号", "合同号"), "YC2026000123"),
)
SAMPLE_TEXT = "（示例）按实际情况如实填写，内容较多的可另附页。"


def _person_for(label: str) -> tuple[str, str]:
    return next((p for key, p in PEOPLE.items() if key in label), OTHER_PERSON)


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# -- the sheet: what one form shows, blank and filled --------------------------------------------

def build_sheet(material: Material, version, today: date | None = None) -> Sheet:
    """The sheet of one material of `version` (a published MatterVersion)."""
    today = today or date.today()
    name, kind = material.name, form_kind(material.name)
    form = effective_form(version)
    objects = [o.code for o in version.service_objects.all()]
    org_only = bool(objects) and PERSON not in objects
    chosen = _sample_applicant_type(form, name)
    if kind != "application":
        form = _identity_block(form, drop_agent=kind == "authorisation") or default_form_for(objects)
    rows = _field_rows(form, chosen, today)
    sheet = Sheet(title=name, matter=version.name, kind=kind, rows=rows, sample_date=_day(today))
    signer = ORG["name"] if org_only or (chosen and chosen != PERSON) else ZHANG_SAN[0]
    if kind == "application":
        sheet.rows.append(Row("申请事项", version.name, version.name))
        sheet.signatures = ([("申请单位（盖章）", ORG["name"]), ("法定代表人或经办人（签字）", ZHANG_SAN[0])]
                            if org_only else [("申请人（签字或盖章）", signer)])
    elif kind == "commitment":
        sheet.paragraphs = _commitment(name, version.name)
        sheet.signatures = [("承诺人（签字或盖章）", signer)]
    elif kind == "declaration":
        sheet.rows.append(Row("声明事项", "", _declared(name, sheet.sample_date), "box", 40))
        closing = "本人对以上声明内容的真实性负责，如有虚假，愿意承担相应的法律责任。"
        if "授权" in name:  # 声明及核对授权书: the applicant lets the department check the family's income
            closing += "本人同意并授权经办部门及相关单位核对本人及家庭成员的收入、财产和住房等情况。"
        sheet.paragraphs = [("", closing)]
        sheet.signatures = [("声明人（签字）", signer)]
    elif kind == "statement":
        sheet.rows.append(Row(_topic(name), "", SAMPLE_TEXT, "box", 50))
        sheet.paragraphs = [("", "以上情况属实，如有虚假，愿意承担相应的法律责任。")]
        sheet.signatures = [("说明人（签字或盖章）", signer)]
    else:
        sheet.rows = [Row("委托人", kind="heading"), *rows, *_agent_rows(version.name)]
        sheet.signatures = [("委托人（签字或盖章）", signer), ("受托人（签字）", PEOPLE["受托"][0])]
    sheet.notes = _notes(material, form, version.online_depth)
    return sheet


def _sample_applicant_type(form: list[dict], material_name: str) -> str:
    """Which kind of applicant the sample fills in for, when the form is shared by several."""
    chooser = next((f for f in form if f.get("key") == APPLICANT_TYPE_KEY), None)
    if chooser is None:
        return ""
    values = [o["value"] for o in chooser.get("options", [])]
    wants_org = any(w in material_name for w in ("公司", "单位", "企业", "法人", "经营"))
    org = [v for v in values if v != PERSON]
    return org[0] if wants_org and org else (PERSON if PERSON in values else values[0])


def _identity_block(form: list[dict], drop_agent: bool = False) -> list[dict]:
    """Who signs: the form's applicant fields (those the account prefills) and their headings.
    In an authorisation the 经办人 is the person authorised (受托人), who has rows of their own."""
    kept, heading = [], None
    for f in form:
        if f["type"] == "section":
            heading = f
        elif drop_agent and f.get("key", "").startswith("agent_"):
            continue
        elif f.get("prefill") or f.get("key") == APPLICANT_TYPE_KEY:
            if heading is not None:
                kept.append(heading)
                heading = None
            kept.append(f)
    return kept


def _field_rows(form: list[dict], chosen: str, today: date) -> list[Row]:
    rows = []
    for f in form:
        applies = f.get("applies_to")
        off = bool(applies and chosen and chosen not in applies)  # the other kind of applicant's block
        if f["type"] == "section":
            rows.append(Row(f["label"] + ("（" + f["help"] + "）" if applies and f.get("help") else ""),
                            kind="heading"))
        elif f["type"] == "boolean":
            ticked = not off and (f.get("default", True) is not False)
            rows.append(Row("", f"{EMPTY_BOX} {f['label']}", f"{TICKED if ticked else EMPTY_BOX} {f['label']}",
                            "wide"))
        elif f["type"] == "textarea":
            rows.append(Row(f["label"], "", NOT_APPLICABLE if off else _sample_value(f, chosen, today), "box", 24))
        else:
            rows.append(Row(f["label"], _blank_value(f),
                            NOT_APPLICABLE if off else _sample_value(f, chosen, today)))
    return rows


def _blank_value(f: dict) -> str:
    if f["type"] in CHOICE_TYPES:
        return "　".join(f"{EMPTY_BOX} {o['label']}" for o in f.get("options", []))
    if f["type"] == "date":
        return DATE_BLANK
    return ""


def _sample_value(f: dict, chosen: str, today: date) -> str:  # noqa: C901 - one branch per field type
    kind, label = f["type"], f["label"]
    if f.get("prefill") in PREFILLED:
        return PREFILLED[f["prefill"]]
    if kind in CHOICE_TYPES:
        options = f.get("options", [])
        picked = {chosen} if f.get("key") == APPLICANT_TYPE_KEY and chosen else set()
        default = f.get("default")
        picked = picked or set(default if isinstance(default, list) else [default] if default else [])
        picked = picked or {o["value"] for o in options[:2 if kind == "checkbox" else 1]}
        return "　".join(f"{TICKED if o['value'] in picked else EMPTY_BOX} {o['label']}" for o in options)
    if f.get("default") not in (None, "", True, False):
        return str(f["default"])
    if kind == "id_number" or "证件号码" in label or "身份证" in label:
        return _person_for(label)[1]
    if kind == "credit_code":
        return ORG["credit_code"]
    if kind == "phone":
        return PHONE if any(w in label for w in ("申请", "经办")) else OTHER_PHONE
    if kind == "email":
        return "zhangsan@example.com"
    if kind == "date":
        return _day(_sample_date(f, today))
    if kind in ("number", "money"):
        return _sample_number(f)
    if "姓名" in label:
        return _person_for(label)[0]
    example = EXAMPLE_RE.search(f.get("pattern_message", "") + " " + f.get("help", ""))
    if example:
        return example.group(1)
    placeholder = f.get("placeholder", "")
    if placeholder and not any(w in placeholder for w in ("、", "请", "如")):
        return placeholder
    if kind == "address":
        return ADDRESS
    for words, value in LABEL_SAMPLES:
        if any(w in label for w in words):
            return value
    if "卡号" in label or "账号" in label:
        return "6217003810012345678"
    return SAMPLE_TEXT if kind == "textarea" else "按实际填写"


def _sample_date(f: dict, today: date) -> date:
    low = resolve_date_bound(f.get("min"), today) or today - timedelta(days=3650)
    high = resolve_date_bound(f.get("max"), today) or today
    wanted = today - timedelta(days=30)
    return min(max(wanted, low), high)


def _sample_number(f: dict) -> str:
    label = f["label"]
    for words, value in ((("体重",), 3300), (("面积",), 86), (("年限",), 15), (("人数", "人员数"), 3),
                         (("价",), 1280000), (("资本", "资金"), 100000)):
        if any(w in label for w in words):
            number = value
            break
    else:
        number = 1000 if f["type"] == "money" else 10
    if f.get("min") is not None:
        number = max(number, f["min"])
    if f.get("max") is not None:
        number = min(number, f["max"])
    return f"{number:,.2f}" if f["type"] == "money" else str(number)


def _agent_rows(matter_name: str) -> list[Row]:
    name, id_number = PEOPLE["受托"]
    powers = ("代为提交申请材料", "代为补正材料", "代为签收文书", "代为领取办理结果")
    return [
        Row("受托人", kind="heading"),
        Row("受托人姓名", "", name), Row("受托人公民身份号码", "", id_number),
        Row("受托人手机号码", "", OTHER_PHONE),
        Row("委托事项", matter_name, matter_name),
        Row("委托权限", "　".join(f"{EMPTY_BOX} {p}" for p in powers), "　".join(f"{TICKED} {p}" for p in powers)),
        Row("委托期限", f"自{DATE_BLANK}至{DATE_BLANK}", "自委托之日起至该事项办结之日止"),
    ]


# 承诺书: what the applicant promises, by the kind of commitment its name names.
COMMITMENTS = (
    (("住所", "经营场所"), "对所申报的住所（经营场所）享有合法使用权，该场所符合规划、消防、安全等规定，"
                          "并按申报的用途使用"),
    (("车辆",), "拟投入的车辆数量、类型和技术性能符合规定，取得许可后按承诺投入运营"),
    (("资金",), "建设资金已经落实，并按合同约定按时足额支付"),
    (("宅基地",), "一户一宅，不超标准占地，按批准的面积和位置建房，不私自改变用途"),
    (("异地就医",), "异地就医期间的医疗费用按规定结算，不重复报销，不冒名就医"),
    (("投资人",), "全体投资人对所提交材料的真实性、合法性负责，并已知晓相关法律责任"),
    (("思想品德",), "本人遵守宪法和法律，品行端正，无违法犯罪记录"),
    (("守法", "信用", "守信"), "严格遵守法律法规和行业规范，诚信经营，自觉接受监督管理"),
)


def _commitment(name: str, matter: str) -> list[tuple[str, str]]:
    promise = next((text for words, text in COMMITMENTS if any(w in name for w in words)),
                   "已知晓并符合该事项规定的条件、标准和要求，按规定履行相关义务")
    text = (f"本人（本单位）申请办理“{matter}”，郑重承诺：\n一、所提交的申请材料和填写的信息真实、合法、有效，"
            f"复印件与原件一致；\n二、{promise}；\n三、如有不实，愿意承担相应的法律责任，同意审批机关依法撤销"
            f"相关决定，并将不实承诺记入信用记录。")
    if "告知承诺" not in name:
        return [("承诺内容", text)]
    # 证明事项告知承诺制：国办发〔2020〕42号《关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》.
    told = (f"依据国务院办公厅《关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号），"
            f"现告知如下：申请办理“{matter}”须符合法律法规规定的条件和标准；申请人书面承诺已符合条件并提交本"
            f"承诺书的，审批机关可以依据承诺直接作出决定；审批机关将在决定作出后依法核查承诺内容，发现承诺不实的，"
            f"依法撤销相关决定并追究法律责任。")
    return [("告知内容", told), ("承诺内容", text)]


def _declared(name: str, day: str) -> str:
    """The sample's words for a 声明, from what the material's name says is declared."""
    topic = re.search(r"声明（(.+?)）", name)
    if topic and ("丢失" in topic.group(1) or "遗失" in topic.group(1)):
        return f"本人于{day}在云川市芙蓉区不慎遗失相关证件，经查找未能找回，特此声明。（示例）"
    if topic:
        return f"本人郑重声明：{topic.group(1)}如下（示例）：……"
    subject = re.sub(r"(的)?(签字|书面)?声明.*$", "", name)
    subject = re.sub(r"证明或$", "", subject)
    if "没有" in subject or subject.startswith("本人无"):  # the name is itself the statement
        return f"本人郑重声明：{subject}。（示例）"
    return f"本人郑重声明：本人如实申报{subject or '有关情况'}，所报内容真实、完整。（示例）"


def _topic(name: str) -> str:
    """The heading of a 情况说明's free-text box: “人员情况说明”, else just “情况说明”."""
    topic = re.sub(r"表$", "", name.split("及")[-1])
    return topic if len(topic) <= 10 else "情况说明"


def _notes(material: Material, form: list[dict], online_depth: int) -> list[str]:
    copies = f"本表（{material.paper_spec or 'A4'}纸）一式{material.copies}份。"
    if online_depth >= OnlineDepth.ACCEPT:  # 四星及以上: the form can be filled in online instead
        copies += "网上申请的，在云川市一体化政务服务平台在线填写，无需另交纸质表格。"
    notes = ["请用黑色钢笔或签字笔填写，字迹工整、清楚，不得涂改；不适用的栏目填“／”。", copies]
    attached = ATTACHED_PAPERS.search(material.name)
    if attached:  # “授权委托书及经办人身份证件”: the ID is not part of this form
        notes.append(f"{attached.group(1)}请另行提交。")
    if material.notes:
        notes.append(material.notes)
    for f in form:
        help_text = f.get("help", "")
        if help_text and f["type"] != "section" and not any(w in help_text for w in ("登录", "自动带出", "短信")):
            notes.append(f"{f['label']}：{help_text}")
    return notes


# -- attaching -------------------------------------------------------------------------------------

def attach_blank_forms(actor: str, say=None, workers: int | None = None) -> dict:
    """Give every fillable material of the published versions its blank form and sample PDF.

    Materials that already have a blank form are left alone, so running it again adds nothing.
    Returns {"materials": rows updated, "forms": distinct forms, "drawn": forms drawn now,
    "reused": forms found from an earlier load, "missing_glyphs": [...], "seconds": s}.
    """
    started = time.monotonic()
    candidates = (Material.objects.filter(version__status=VersionStatus.PUBLISHED, blank_form="",
                                          source=MaterialSource.APPLICANT)
                  .select_related("version__matter").prefetch_related("version__service_objects")
                  .order_by("version__matter_id", "pk"))
    groups: dict[tuple[int, str], list[Material]] = {}
    for m in candidates:
        if is_fillable_form(m.name, m.source):
            groups.setdefault((m.version.matter_id, m.name), []).append(m)
    # Sample dates stay the same for a month, so that a reload within it reuses the files.
    today = date.today().replace(day=1)
    forms = []
    for rows in groups.values():
        # Drawn from the matter's current version when it lists the material, else the newest.
        rows.sort(key=lambda m: (m.version.pk == m.version.matter.current_version_id, m.version.number))
        shown = rows[-1]
        sheet = build_sheet(shown, shown.version, today)
        names = {f: _file_name(shown, f, sheet) for f in ("blank_form", "sample")}
        forms.append((rows, shown, sheet, names))
    storage = Material._meta.get_field("blank_form").storage
    to_draw = [f for f in forms if not all(storage.exists(n) for n in f[3].values())]
    summary = {"materials": 0, "forms": len(forms), "drawn": len(to_draw), "reused": len(forms) - len(to_draw),
               "missing_glyphs": []}
    if to_draw:
        font = prepare_font({c for *_x, sheet, _n in to_draw for text in sheet.texts() for c in text},
                            settings.DATA_DIR / "cache")
        missing = set()
        for (_rows, _shown, _sheet, names), (blank, filled, lost) in zip(
                to_draw, render_all([f[2] for f in to_draw], font, workers), strict=True):
            for field_name, body in (("blank_form", blank), ("sample", filled)):
                if storage.exists(names[field_name]):
                    storage.delete(names[field_name])  # half of a pair left by an interrupted load
                names[field_name] = storage.save(names[field_name], ContentFile(body))
            missing |= lost
        summary["missing_glyphs"] = sorted(missing)
    for rows, shown, sheet, names in forms:
        with transaction.atomic():
            # A direct UPDATE, not Material.save(): a published version's elements are immutable
            # (its save() refuses), but these files are not elements — version_spec() leaves them
            # out and no case depends on them. They are the attachments a department adds to its
            # guide; the demo adds them the same way to every version listing the material.
            Material.objects.filter(pk__in=[m.pk for m in rows]).update(**names)
            audit(actor, "catalog.material.attach_files", shown,
                  f"为 {sheet.matter} 的材料“{sheet.title}”添加空白表格和示例样表",
                  {"materials": [m.pk for m in rows], **names})
        summary["materials"] += len(rows)
    summary["seconds"] = round(time.monotonic() - started, 1)
    if say is not None and forms:
        say(f"空白表格和示例样表 {summary['forms']} 套（{summary['materials']} 条材料，新绘制 {summary['drawn']} 套），"
            f"用时 {summary['seconds']} 秒")
    return summary


def _file_name(material: Material, field_name: str, sheet: Sheet) -> str:
    # Named by content: the same form drawn by a later load of the same data dir is reused.
    return material._meta.get_field(field_name).generate_filename(
        material, f"{field_name}-{sheet.digest()}.pdf")
