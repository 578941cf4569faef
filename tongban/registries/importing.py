"""Importing registry records from CSV or Excel (layouts: import_layout.py).

`import_records(actor, resource, source, file_name=…)` reads every row, validates every cell and
the record as a whole (e.g. 出生日期 against the 公民身份号码), and only when the file has not a
single error writes all rows in one transaction (insert or update by the record's key); otherwise
nothing is written and the report lists each problem as 第N行【列名】原因. The demo loader passes
rows directly with `import_rows()`, through the same checks.
"""

import csv
import io
import os
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction

from tongban.core.services import audit
from tongban.registries.codes import Storage
from tongban.registries.import_layout import (
    RECORD_HEADER,
    SUBJECT_HEADER,
    CellError,
    layout_for,
    normalise_header,
)
from tongban.registries.models import CreditRecord, DataResource, GenericRecord, LegalEntity, Person
from tongban.registries.services import require_steward

MODELS = {Storage.POPULATION: Person, Storage.LEGAL_ENTITY: LegalEntity, Storage.CREDIT: CreditRecord}
MAX_ROWS = 200_000


class RowError(NamedTuple):
    row: int  # as the spreadsheet numbers it (1 = header row; 0 = the file as a whole)
    column: str
    message: str

    def __str__(self):
        where = f"第{self.row}行" if self.row else "文件"
        return f"{where}【{self.column}】{self.message}" if self.column else f"{where}：{self.message}"


class ImportReport:
    def __init__(self, resource: DataResource, errors=(), *, rows=0, created=0, updated=0, unchanged=0):
        self.resource, self.errors = resource, list(errors)
        self.rows, self.created, self.updated, self.unchanged = rows, created, updated, unchanged

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if not self.ok:
            bad = len({e.row for e in self.errors})
            return (f"导入未执行：发现{len(self.errors)}处错误（涉及{bad}行），文件中的数据均未写入，"
                    f"请修改后重新导入。")
        return (f"“{self.resource.name}”导入完成：共{self.rows}行，新增{self.created}条，更新{self.updated}条，"
                f"未变化{self.unchanged}条。")


# -- reading files ---------------------------------------------------------------------------------

def read_table(source, file_name: str = "") -> tuple[list, list[tuple[int, list]]]:
    """(header cells, [(row number, cells)]) of a .csv or .xlsx file (path or binary file object)."""
    name = (file_name or (source if isinstance(source, str | os.PathLike) else getattr(source, "name", "")) or "")
    suffix = os.path.splitext(str(name))[1].lower()
    data = open(source, "rb").read() if isinstance(source, str | os.PathLike) else source.read()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    if suffix == ".csv":
        return _read_csv(data)
    raise ValidationError({"file": "只能导入 CSV（.csv）或 Excel（.xlsx）文件"})


def _read_xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError({"file": f"无法读取Excel文件：{type(exc).__name__}"}) from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows, []) or [])
    out = [(n, list(cells)) for n, cells in enumerate(rows, start=2)]
    book.close()
    return header, out


def _read_csv(data: bytes):
    # Excel in China saves CSV as GB18030 (GBK); other tools as UTF-8 (with or without BOM).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError({"file": "CSV文件编码无法识别，请另存为 UTF-8 编码"})
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0] if rows else []
    return header, [(n, cells) for n, cells in enumerate(rows[1:], start=2)]


# -- validating ---------------------------------------------------------------------------------------

def _blank(cells) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def validate_rows(resource: DataResource, header, rows) -> tuple[list[tuple[int, dict]], list[RowError]]:
    """Cell values parsed per column: ([(row number, {key: value})], errors)."""
    key_field, columns = layout_for(resource)
    by_header = {c.header: c for c in columns}
    names = [normalise_header(h) for h in header]
    errors = []
    unknown = [h for h in names if h and h not in by_header]
    if unknown:
        errors.append(RowError(1, "、".join(unknown), f"不是“{resource.name}”的列，可用的列：{'、'.join(by_header)}"))
    missing = [c.header for c in columns if c.required and c.header not in names]
    if missing:
        errors.append(RowError(1, "、".join(missing), "缺少必填列"))
    if errors:
        return [], errors
    rows = [(n, cells) for n, cells in rows if not _blank(cells)]
    if not rows:
        return [], [RowError(0, "", "文件中没有数据行")]
    if len(rows) > MAX_ROWS:
        return [], [RowError(0, "", f"一次最多导入{MAX_ROWS}行，请分批导入")]
    parsed, seen = [], {}
    key_header = next(c.header for c in columns if c.key == key_field)
    for number, cells in rows:
        values = {}
        for i, name in enumerate(names):
            if not name:
                continue
            column, raw = by_header[name], cells[i] if i < len(cells) else None
            try:
                value = column.parse(raw)
            except CellError as exc:
                errors.append(RowError(number, name, str(exc)))
                continue
            if column.required and value in (None, ""):
                errors.append(RowError(number, name, "为必填项"))
            values[column.key] = value
        identity = (values.get(key_field), values.get("record_key", ""))
        if identity[0]:
            if identity in seen:
                errors.append(RowError(number, key_header, f"与第{seen[identity]}行重复"))
            seen.setdefault(identity, number)
        parsed.append((number, values))
    return parsed, errors


def model_values(model, values: dict) -> dict:
    """Cell values as model field values: an empty cell keeps the field's default (or, on update,
    the stored value); otherwise empty means NULL or "" as the field allows."""
    out = {}
    for key, value in values.items():
        field = model._meta.get_field(key)
        if value in (None, ""):
            if field.has_default():
                continue
            value = None if field.null else ""
        out[key] = value
    return out


def _record_errors(resource, parsed, errors) -> list[RowError]:
    """Whole-record checks of the typed models (clean(): 出生日期/性别 against the ID number …)."""
    model = MODELS.get(resource.storage)
    if model is None:
        return errors
    _key, columns = layout_for(resource)
    header_of = {c.key: c.header for c in columns}
    bad_rows = {e.row for e in errors}
    for number, values in parsed:
        if number in bad_rows:
            continue
        record = model(**model_values(model, values))
        try:
            record.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                for message in messages:
                    errors.append(RowError(number, header_of.get(key, ""), message))
    return errors


# -- writing -----------------------------------------------------------------------------------------------

def _write_typed(model, key_field, parsed) -> tuple[int, int, int]:
    keys = [values[key_field] for _n, values in parsed]
    existing = {getattr(o, key_field): o for o in model.objects.filter(**{f"{key_field}__in": keys})}
    new, changed, fields = [], [], set()
    for _n, values in parsed:
        obj = existing.get(values[key_field])
        values = model_values(model, values)
        if obj is None:
            new.append(model(**values))
            continue
        diff = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if diff:
            for k, v in diff.items():
                setattr(obj, k, v)
            fields.update(diff)
            changed.append(obj)
    model.objects.bulk_create(new, batch_size=1000)
    if changed:
        model.objects.bulk_update(changed, sorted(fields | {"updated_at"}), batch_size=1000)
    return len(new), len(changed), len(parsed) - len(new) - len(changed)


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else (float(value) if hasattr(value, "as_tuple")
                                                                 else value)


def _write_generic(resource, parsed) -> tuple[int, int, int]:
    existing = {(r.subject_key, r.record_key): r for r in GenericRecord.objects.filter(resource=resource)}
    new, changed = [], []
    for _n, values in parsed:
        key = (values.pop("subject_key").upper(), values.pop("record_key", "") or "")
        data = {k: _json_value(v) for k, v in values.items() if v not in (None, "")}
        obj = existing.get(key)
        if obj is None:
            new.append(GenericRecord(resource=resource, subject_key=key[0], record_key=key[1], data=data))
        elif obj.data != data:
            obj.data = data
            changed.append(obj)
    GenericRecord.objects.bulk_create(new, batch_size=1000)
    GenericRecord.objects.bulk_update(changed, ["data", "updated_at"], batch_size=1000)
    return len(new), len(changed), len(parsed) - len(new) - len(changed)


def import_rows(actor, resource: DataResource, header, rows, *, file_name: str = "") -> ImportReport:
    """Validate `rows` (cells in the order of `header`); write all of them or none."""
    require_steward(actor, resource.owner)
    parsed, errors = validate_rows(resource, header, rows)
    errors = _record_errors(resource, parsed, errors)
    if errors:
        return ImportReport(resource, sorted(errors, key=lambda e: e.row))
    with transaction.atomic():
        if resource.storage in MODELS:
            key_field, _columns = layout_for(resource)
            counts = _write_typed(MODELS[resource.storage], key_field, parsed)
        else:
            counts = _write_generic(resource, parsed)
        report = ImportReport(resource, rows=len(parsed), created=counts[0], updated=counts[1], unchanged=counts[2])
        if report.created or report.updated:  # re-importing the same file writes nothing, not even an audit row
            audit(actor, "registries.import", resource, report.summary(),
                  {"file": file_name[:200], "rows": len(parsed), "created": counts[0], "updated": counts[1]})
    return report


def import_records(actor, resource: DataResource, source, *, file_name: str = "") -> ImportReport:
    """Import a CSV or Excel file into `resource` (all rows or none)."""
    require_steward(actor, resource.owner)
    try:
        header, rows = read_table(source, file_name)
    except ValidationError as exc:
        return ImportReport(resource, [RowError(0, "", m) for m in exc.messages])
    return import_rows(actor, resource, header, rows, file_name=file_name or str(getattr(source, "name", source)))


def template_headers(resource: DataResource) -> list[str]:
    _key, columns = layout_for(resource)
    return [c.header + ("*" if c.required else "") for c in columns]


__all__ = ["ImportReport", "RowError", "import_records", "import_rows", "template_headers", "read_table",
           "SUBJECT_HEADER", "RECORD_HEADER"]
