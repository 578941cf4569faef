"""The guide's element rows, worded once for the page and the PDF (GB/T 39046 table 4 labels).

Labels stay Chinese here (the PDF is an official Chinese document); they are marked with
gettext_noop so the page can translate them with {% translate label %}.
"""

from django.utils.translation import gettext_noop as _


def yes_no(value: bool) -> str:
    return "是" if value else "否"


def days(value) -> str:
    return "法律法规未规定" if value is None else f"{value}个工作日"


def basic_rows(guide: dict) -> list[tuple[str, str]]:
    body = guide["implementing_body"]
    published = guide["published_at"].strftime("%Y-%m-%d") if guide["published_at"] else "—"
    standard_levels = "、".join(x["label"] for x in guide["levels"])
    promised = days(guide["promised_limit_days"])
    if guide["limit_note"]:
        promised += f"（{guide['limit_note']}）"
    return [
        (_("事项名称"), guide["name"]),
        (_("事项类型"), f"{guide['matter_type']['label']}（{guide['matter_type']['code']}）"),
        (_("基本编码"), guide["basic_code"]),
        (_("实施编码"), guide["implementation_code"]),
        (_("实施主体"), body["name"]),
        (_("实施主体统一社会信用代码"), body["credit_code"]),
        (_("行使层级"), f"{guide['level']['label']}（标准行使层级：{standard_levels}）"),
        (_("服务对象"), "、".join(o["name"] for o in guide["service_objects"]) or "—"),
        (_("办件类型"), guide["case_kind"]["label"]),
        (_("法定办结时限"), days(guide["legal_limit_days"])),
        (_("承诺办结时限"), promised),
        (_("到办事现场次数"), f"{guide['visits_required']}次"),
        # The five-star label already says 全程网办; the page's badge repeats it at the top.
        (_("网上办理深度"), guide["online_depth"]["label"]),
        (_("是否支持预约办理"), yes_no(guide["supports_appointment"])),
        (_("是否支持网上支付"), yes_no(guide["supports_online_payment"])),
        (_("是否支持物流快递"), yes_no(guide["supports_express"])),
        (_("通办范围"), guide["tongban_scope"]["label"]),
        (_("是否收费"), yes_no(guide["has_fee"])),
        (_("中介服务"), guide["intermediary"] or "无"),
        (_("数量限制"), guide["quantity_limit"] or "无数量限制"),
        (_("主题分类"), "、".join(c["name"] for c in guide["categories"]) or "—"),
        (_("版本"), f"第{guide['version']}版"),
        (_("发布日期"), published),
    ]


def necessity(m: dict) -> str:
    text = "必要" if m["required"] else "非必要"
    return f"{text}（{m['necessity_note']}）" if m["necessity_note"] else text


def source(m: dict) -> str:
    return f"{m['source_label']}（{m['source_note']}）" if m["source_note"] else m["source_label"]


def material_rows(guide: dict) -> list[tuple]:
    rows = []
    for i, m in enumerate(guide["materials"], start=1):
        files = []
        if m["blank_form_url"]:
            files.append("空白表格")
        if m["sample_url"]:
            files.append("示例样表")
        rows.append((i, m["name"], m["form_label"], m["copies"], necessity(m), source(m),
                     "可容缺" if m["rongque_allowed"] else "否", "、".join(files) or "无", m["notes"]))
    return rows
