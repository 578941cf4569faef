"""Export of 实施清单 entries to the workbook layout that the import reads back unchanged."""

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tongban.catalog.excel_layout import (
    CHILD_SHEETS,
    MAIN_COLUMNS,
    MAIN_SHEET,
    ChoiceTable,
    Column,
    child_columns,
    db_tables,
)
from tongban.catalog.models import Implementation, MatterVersion
from tongban.catalog.spec import version_spec

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
LAST_ROW = 1048576


CHUNK = 500


def exportable_implementations(qs: QuerySet[Implementation]) -> QuerySet[Implementation]:
    """Active entries whose standard matter has a published version, in a stable order."""
    return (
        qs.filter(status=Implementation.Status.ACTIVE, matter__current_version__isnull=False)
        .select_related("matter", "department", "department__division", "site", "site__division")
        .order_by("matter__basic_code", "level", "code")
    )


def _specs(version_ids) -> dict[int, dict]:
    """version_spec() of many versions with a few queries per chunk (not through the FK prefetch,
    which Django writes as one OR term per row: too deep for SQLite past ~1,000 matters)."""
    ids, specs = sorted(set(version_ids)), {}
    for i in range(0, len(ids), CHUNK):
        for version in MatterVersion.objects.filter(pk__in=ids[i:i + CHUNK]).prefetch_related(
                "materials", "steps", "fees", "results", "faqs", "service_objects", "categories"):
            specs[version.pk] = version_spec(version)
    return specs


def write_workbook(target, implementations) -> int:
    """Write the workbook to `target` (a path or a binary file object); returns the number of entries."""
    tables = db_tables()
    workbook = Workbook()
    main = workbook.active
    main.title = MAIN_SHEET
    _header(main, MAIN_COLUMNS, tables, freeze="D2")
    implementations = list(implementations)
    by_version = _specs(impl.matter.current_version_id for impl in implementations)
    specs: dict[str, dict] = {}
    count = 0
    for impl in implementations:
        matter = impl.matter
        spec = specs.setdefault(matter.basic_code, by_version[matter.current_version_id])
        values = {
            **spec,
            "levels": [int(x) for x in spec["levels"].split(",") if x],
            "impl_code": impl.code,
            "basic_code": matter.basic_code,
            "department_name": impl.department.name,
            "credit_code": impl.department.credit_code,
            "level": impl.level,
            "place": impl.place,
            "hours": impl.hours,
            "consult_phone": impl.consult_phone,
            "supervise_phone": impl.supervise_phone,
            "site_name": impl.site.name if impl.site else "",
            "site_division": impl.site.division.code if impl.site else "",
        }
        count += 1
        _append(main, count + 1, [col.write(values[col.key], tables) for col in MAIN_COLUMNS])
    for key, (title, _columns) in CHILD_SHEETS.items():
        columns = child_columns(key)
        ws = workbook.create_sheet(title)
        _header(ws, columns, tables, freeze="C2")
        row_number = 1
        for basic_code, spec in specs.items():
            for order, row in enumerate(spec[key], start=1):
                values = {**row, "basic_code": basic_code, "order": order}
                row_number += 1
                _append(ws, row_number, [col.write(values[col.key], tables) for col in columns])
    _notes(workbook.create_sheet("填写说明"))
    workbook.save(target)
    return count


def _header(ws, columns: tuple[Column, ...], tables: dict, freeze: str):
    ws.append([c.header for c in columns])
    for index, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = col.width
        if col.kind == "code":
            # Codes keep their leading zeros only as text.
            ws.column_dimensions[letter].number_format = "@"
        if col.kind in ("choice", "bool"):
            options = ["是", "否"] if col.kind == "bool" else _options(col, tables)
            formula = '"' + ",".join(options) + '"'
            if len(formula) <= 255 and not any("," in o or '"' in o for o in options):
                # A warning, not a stop: codes typed instead of labels are accepted by the import.
                dv = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning",
                                    showErrorMessage=True, error=f"请从列表中选择{col.header}")
                dv.add(f"{letter}2:{letter}{LAST_ROW}")
                ws.add_data_validation(dv)
    ws.freeze_panes = freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"


def _options(col: Column, tables: dict) -> list[str]:
    table: ChoiceTable = tables[col.table] if isinstance(col.table, str) else col.table
    return [table.export_label(code) for code, label in table.pairs if label and code != ""]


def _append(ws, row_number: int, values):
    clean = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]
    ws.append(clean)
    for index, value in enumerate(clean, start=1):
        if isinstance(value, str) and value.startswith("="):
            # Stored text, never a formula (guards against formula injection when the file is opened).
            ws.cell(row=row_number, column=index).data_type = "s"


def _notes(ws):
    ws.append(["工作表", "列", "必填", "说明"])
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    sheets = [(MAIN_SHEET, MAIN_COLUMNS)] + [(t, child_columns(k)) for k, (t, _c) in CHILD_SHEETS.items()]
    for title, columns in sheets:
        for col in columns:
            ws.append([title, col.header, "是" if col.required else "", col.note or _kind_note(col)])
    ws.append([])
    ws.append(["", "", "", "同一基本编码的各行，标准要素须完全一致（四级十同）；"
                           "只有办理地点、办理时间、咨询电话、监督电话和服务场所可以不同。"
                           "导入时先校验全部行，有任何错误则不写入任何数据。"])
    for letter, width in zip("ABCD", (12, 26, 8, 90), strict=True):
        ws.column_dimensions[letter].width = width


def _kind_note(col: Column) -> str:
    return {
        "bool": "填“是”或“否”",
        "choice": "填名称或代码",
        "multi": "可填多项，以“、”分隔；填名称或代码",
        "int": "整数",
        "yuan": "金额（元）",
        "code": "文本格式",
    }.get(col.kind, "")
