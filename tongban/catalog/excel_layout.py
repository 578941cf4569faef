"""The documented column layout of the 实施清单 workbook (docs/excel-layout.md), shared by import and export.

One sheet "实施清单" with one row per implementation entry (standard elements repeated on every row of
the same 基本编码, which the import checks are identical: "四级十同"), and one sheet per kind of child
element of the standard matter, keyed by 基本编码 + 序号. Cells are read by header text, so columns
may be reordered; a missing optional column means "use the default", a blank cell means "empty".
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import models

from tongban.catalog.codes import (
    CaseKind,
    MaterialForm,
    MaterialSource,
    MatterType,
    OnlineDepth,
    ResultKind,
    TongbanScope,
)
from tongban.catalog.models import (
    Category,
    Faq,
    FeeItem,
    Implementation,
    Material,
    MatterResult,
    MatterVersion,
    ProcessStep,
)
from tongban.catalog.spec import SCALAR_FIELDS
from tongban.org.models import Level

MAIN_SHEET = "实施清单"
TRUE_WORDS = {"是", "有", "Y", "YES", "TRUE", "1", "√", "✓"}
FALSE_WORDS = {"否", "无", "N", "NO", "FALSE", "0", "×", "✗"}


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the user as the reason."""


def normalise_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _fold(text: str) -> str:
    # Half-width brackets and stray spaces are the usual differences between typed and official labels.
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").upper()


class ChoiceTable:
    """Reads a code table cell given as its code or its Chinese label (or a well-known short form)."""

    def __init__(self, pairs, extra: dict | None = None):
        self.pairs = [(code, label) for code, label in pairs]
        self.label_of = {code: label for code, label in self.pairs}
        aliases: dict[str, set] = {}

        def add(alias, code):
            if alias:
                aliases.setdefault(_fold(str(alias)), set()).add(code)

        for code, label in self.pairs:
            add(code, code)
            add(label, code)
            bare = re.sub(r"（.*?）", "", label.replace("(", "（").replace(")", "）"))
            add(bare, code)
            for inner in re.findall(r"（(.*?)）", label):
                add(inner, code)
        for alias, code in (extra or {}).items():
            add(alias, code)
        # Codes and labels always win; a short form that fits two entries is not accepted.
        exact = {_fold(str(c)): c for c, _ in self.pairs} | {_fold(lbl): c for c, lbl in self.pairs}
        self.codes = {a: next(iter(cs)) for a, cs in aliases.items() if len(cs) == 1}
        self.codes.update(exact)
        self.ambiguous = {a: sorted(cs) for a, cs in aliases.items() if len(cs) > 1 and a not in exact}

    def read(self, text: str):
        key = _fold(text)
        if key in self.codes:
            return self.codes[key]
        if key in self.ambiguous:
            raise CellError(f"“{text}”对应多项，请填写代码：{'、'.join(map(str, self.ambiguous[key]))}")
        raise CellError(f"“{text}”不是有效的取值，可选：{'、'.join(lbl for _, lbl in self.pairs if lbl)}")

    def label(self, code) -> str:
        return self.label_of.get(code, str(code))

    def export_label(self, code) -> str:
        """The label if it reads back to the same code, else the code itself (lossless round trip)."""
        label = self.label(code)
        return label if self.codes.get(_fold(label)) == code else str(code)


def choices_table(choices: type[models.Choices], extra: dict | None = None) -> ChoiceTable:
    return ChoiceTable([(c, str(lbl)) for c, lbl in choices.choices], extra)


LEVELS = choices_table(Level, {
    "国家": 1, "省": 2, "市": 3, "县": 4, "区": 4, "县区": 4, "镇": 5, "乡": 5, "街道": 5, "乡镇": 5,
    "镇级": 5, "乡镇级": 5, "街道级": 5, "村": 6, "社区": 6, "村级": 6, "社区级": 6, "村（社区）": 6,
})


def split_list(text: str) -> list[str]:
    """Split "市级、县级" on 、,，;； — but not inside brackets: "镇（乡、街道）级" is one item."""
    items, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        if depth == 0 and ch in "、,，;；\n":
            items.append(current.strip())
            current = ""
        else:
            current += ch
    items.append(current.strip())
    return [i for i in items if i]


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = "text"  # text | code | int | bool | choice | multi | yuan
    required: bool = False
    table: ChoiceTable | str | None = None  # a ChoiceTable, or "service_objects"/"categories" (from the DB)
    model: type[models.Model] | None = None
    width: int = 14
    note: str = ""

    @property
    def field(self):
        if self.model is None:
            return None
        try:
            return self.model._meta.get_field(self.key)
        except Exception:
            return None

    def default(self):
        field = self.field
        return field.get_default() if field is not None else None

    def read(self, raw, tables: dict):
        """Cell value → Python value, or CellError with a Chinese reason. Blank → None."""
        if self.kind in ("int", "yuan") and isinstance(raw, bool):
            raise CellError("应为数字")
        text = normalise_text(raw)
        if text == "":
            if self.required:
                raise CellError("必填项，不能为空")
            return None
        field = self.field
        if self.kind == "code":
            if isinstance(raw, int | float):
                raise CellError("请以文本格式填写（数字格式会丢失开头的0）")
            return text.upper()
        if self.kind == "text":
            limit = getattr(field, "max_length", None) if field is not None else None
            if limit and len(text) > limit:
                raise CellError(f"不能超过{limit}个字，当前{len(text)}个字")
            return text
        if self.kind == "int":
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise CellError(f"应为整数（工作日、份数等），当前为“{text}”") from None
            if number != number.to_integral_value() or number < 0:
                raise CellError(f"应为不小于0的整数，当前为“{text}”")
            return int(number)
        if self.kind == "yuan":
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise CellError(f"应为金额（元），当前为“{text}”") from None
            cents = number * 100
            if number < 0 or cents != cents.to_integral_value():
                raise CellError(f"金额应为不小于0、最多两位小数的数字，当前为“{text}”")
            return int(cents)
        if self.kind == "bool":
            if isinstance(raw, bool):
                return raw
            word = _fold(text)
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            raise CellError(f"应填“是”或“否”，当前为“{text}”")
        table = tables[self.table] if isinstance(self.table, str) else self.table
        if self.kind == "choice":
            return table.read(text)
        if self.kind == "multi":
            codes, bad = [], []
            for item in split_list(text):
                try:
                    codes.append(table.read(item))
                except CellError as exc:
                    bad.append(str(exc))
            if bad:
                raise CellError("；".join(bad))
            return sorted(set(codes), key=str)
        raise AssertionError(self.kind)

    def write(self, value, tables: dict):
        """Python value → cell value for export (the inverse of read for every stored value)."""
        if value is None:
            return None
        table = tables[self.table] if isinstance(self.table, str) else self.table
        if self.kind == "bool":
            return "是" if value else "否"
        if self.kind == "choice":
            return table.export_label(value) if value != "" else None
        if self.kind == "multi":
            return "、".join(table.export_label(v) for v in value) or None
        if self.kind == "yuan":
            yuan = Decimal(value) / 100
            return int(yuan) if yuan == yuan.to_integral_value() else float(yuan)
        if value == "":
            return None
        return value


def _std(header, key, kind="text", **kw):
    return Column(header, key, kind, model=MatterVersion, **kw)


def _local(header, key, **kw):
    return Column(header, key, "text", required=True, model=Implementation, width=24, **kw)


MAIN_COLUMNS = (
    Column("实施编码", "impl_code", "code", width=36,
           note="统一社会信用代码（18位）+行使层级（1位）+基本编码（12位），共31位；留空则自动生成"),
    Column("基本编码", "basic_code", "code", required=True, width=16,
           note="12位数字：目录段4位+事项类型代码2位+主项序号3位+子项序号3位；第5–6位须与事项类型一致"),
    _std("事项名称", "name", required=True, width=30),
    _std("事项类型", "matter_type", "choice", required=True,
         table=choices_table(MatterType, {str(int(c)): c for c in MatterType.values})),
    Column("实施主体", "department_name", "text", width=26,
           note="部门名称；须与信用代码对应的已登记部门一致"),
    Column("实施主体统一社会信用代码", "credit_code", "code", required=True, width=22),
    Column("行使层级", "level", "choice", table=LEVELS,
           note="本条实施清单的层级；留空取实施主体所在区划层级"),
    _std("标准行使层级", "levels", "multi", required=True, table=LEVELS, width=18,
         note="标准事项在哪些层级实施，以“、”分隔"),
    _std("服务对象", "service_objects", "multi", required=True, table="service_objects", width=18),
    _std("主题分类", "categories", "multi", table="categories", width=18),
    _std("设定依据", "legal_basis", required=True, width=40),
    _std("受理条件", "conditions", required=True, width=40),
    _std("办件类型", "case_kind", "choice", table=choices_table(CaseKind)),
    _std("法定办结时限（工作日）", "legal_limit_days", "int", note="法律法规未规定时限的留空"),
    _std("承诺办结时限（工作日）", "promised_limit_days", "int", required=True),
    _std("时限说明", "limit_note", width=24),
    _std("是否收费", "has_fee", "bool", width=10),
    _std("到办事现场次数", "visits_required", "int", width=10),
    _std("网上办理深度", "online_depth", "choice", table=choices_table(OnlineDepth), width=20),
    _std("支持预约办理", "supports_appointment", "bool", width=10),
    _std("支持网上支付", "supports_online_payment", "bool", width=10),
    _std("支持物流快递", "supports_express", "bool", width=10),
    _std("通办范围", "tongban_scope", "choice", table=choices_table(TongbanScope), width=16),
    _std("中介服务", "intermediary", width=20),
    _std("数量限制", "quantity_limit", width=20),
    _std("结果送达方式", "result_delivery", width=24),
    _local("办理地点", "place"),
    _local("办理时间", "hours"),
    _local("咨询电话", "consult_phone"),
    _local("监督电话", "supervise_phone"),
    # The entry's 服务场所 (Implementation.site), keyed by name + the site's division: sites carry no code.
    Column("服务场所", "site_name", "text", width=24,
           note="办理本事项的服务场所（政务服务中心、便民服务中心等）名称；留空表示不关联服务场所"),
    Column("服务场所区划代码", "site_division", "text", width=14,
           note="服务场所所在区划的代码；可选的服务场所中只有一处叫这个名称时可留空"),
)
STANDARD_KEYS = tuple(c.key for c in MAIN_COLUMNS if c.model is MatterVersion)
LOCAL_KEYS = ("place", "hours", "consult_phone", "supervise_phone")
SITE_KEYS = ("site_name", "site_division")
assert set(SCALAR_FIELDS) <= set(STANDARD_KEYS), "every standard element needs a column"


def _child(model, header, key, kind="text", **kw):
    return Column(header, key, kind, model=model, **kw)


_KEY = Column("基本编码", "basic_code", "code", required=True, width=16)
_ORDER = Column("序号", "order", "int", width=8, note="同一基本编码内的顺序；留空按行顺序")

CHILD_SHEETS = {
    # spec key: (sheet title, columns after 基本编码 and 序号)
    "materials": ("申请材料", (
        _child(Material, "材料名称", "name", required=True, width=30),
        _child(Material, "材料形式", "form", "choice", table=choices_table(MaterialForm)),
        _child(Material, "份数", "copies", "int", width=8),
        _child(Material, "是否必要", "required", "bool", width=10),
        _child(Material, "必要性说明", "necessity_note", width=20),
        _child(Material, "来源渠道", "source", "choice", table=choices_table(MaterialSource), width=20),
        _child(Material, "来源说明", "source_note", width=20),
        _child(Material, "可容缺", "rongque_allowed", "bool", width=10),
        _child(Material, "纸质规格", "paper_spec", width=10),
        _child(Material, "填报须知", "notes", width=30),
    )),
    "steps": ("办理流程", (
        _child(ProcessStep, "环节名称", "name", required=True, width=16),
        _child(ProcessStep, "办理人员", "actor", width=16),
        _child(ProcessStep, "办理内容与标准", "description", width=40),
        _child(ProcessStep, "环节时限（工作日）", "limit_days", "int"),
    )),
    "fees": ("收费项目", (
        _child(FeeItem, "收费项目", "name", required=True, width=24),
        _child(FeeItem, "收费标准", "standard", required=True, width=24),
        _child(FeeItem, "收费依据", "basis", width=30),
        Column("金额（元）", "amount_cents", "yuan", model=FeeItem, width=12,
               note="固定金额时填写，最多两位小数"),
        _child(FeeItem, "减免政策", "reducible", width=24),
    )),
    "results": ("办理结果", (
        _child(MatterResult, "结果名称", "name", required=True, width=24),
        _child(MatterResult, "结果类型", "kind", "choice", table=choices_table(ResultKind)),
        _child(MatterResult, "有效期", "validity", width=16),
    )),
    "faqs": ("常见问题", (
        _child(Faq, "问题", "question", required=True, width=40),
        _child(Faq, "解答", "answer", required=True, width=60),
    )),
}


def child_columns(key: str) -> tuple[Column, ...]:
    return (_KEY, _ORDER, *CHILD_SHEETS[key][1])


def db_tables() -> dict:
    """Code tables kept in the database (editors may extend them), read once per import/export."""
    from tongban.catalog.models import ServiceObject

    return {
        "service_objects": ChoiceTable(ServiceObject.objects.values_list("code", "name")),
        "categories": ChoiceTable(Category.objects.values_list("code", "name")),
    }
