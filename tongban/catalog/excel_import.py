"""Import of an 实施清单 workbook: read and validate every row first, then write all or nothing.

Validation collects every problem with its sheet, Excel row number, column header and a Chinese
reason. Only a file without a single error is written, in one transaction, through the catalogue
services (publish_spec for the standard elements, add/update_implementation for the local fields),
so re-importing the same file changes nothing and every write is audited.
"""

import logging
import os
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tongban.accounts.models import Role
from tongban.accounts.selectors import departments_in_scope
from tongban.catalog import excel_bulk, services
from tongban.catalog.codes import (
    CaseKind,
    basic_code_format_problem,
    basic_code_problem,
    implementation_code_problem,
)
from tongban.catalog.excel_guard import (
    WorkbookRefused,
    check_archive,
    check_declared_rows,
    guarded_rows,
    limits,
)
from tongban.catalog.excel_layout import (
    CHILD_SHEETS,
    LEVELS,
    LOCAL_KEYS,
    MAIN_COLUMNS,
    MAIN_SHEET,
    STANDARD_KEYS,
    CellError,
    Column,
    _fold,
    child_columns,
    db_tables,
    normalise_text,
)
from tongban.catalog.models import Implementation, Matter, MatterVersion
from tongban.catalog.spec import carry_form, normalise_spec, version_spec
from tongban.catalog.staff_selectors import site_division_ids
from tongban.core.services import audit
from tongban.core.validators import validate_credit_code
from tongban.org import selectors as org_selectors
from tongban.org.models import Department, ServiceSite

logger = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
FILE = "文件"


class RowError(NamedTuple):
    sheet: str
    row: int  # the Excel row number (1 = header row; 0 = the file as a whole)
    column: str
    message: str

    def __str__(self):
        where = f"“{self.sheet}”表第{self.row}行" if self.row else f"“{self.sheet}”"
        return f"{where}【{self.column}】{self.message}" if self.column else f"{where}：{self.message}"


class ImportReport:
    def __init__(self, errors=None, *, rows=0, created=0, updated=0, unchanged=0, matters_created=0,
                 matters_updated=0, file_name="", failure=""):
        self.errors: list[RowError] = [RowError(*e) for e in (errors or [])]
        self.rows, self.created, self.updated, self.unchanged = rows, created, updated, unchanged
        self.matters_created, self.matters_updated = matters_created, matters_updated
        self.file_name = file_name
        # The import stopped on something other than the file's content (a bug, the database…): the
        # whole sentence to show, e.g. "导入出错，文件中的数据均未写入：…".
        self.failure = failure

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failure

    @property
    def bad_rows(self) -> int:
        return len({(e.sheet, e.row) for e in self.errors if e.row})

    def summary(self) -> str:
        if self.failure:
            return self.failure
        if self.errors and not self.bad_rows:
            # Only the file as a whole is wrong (unreadable, too large…): say why in the summary itself.
            return f"导入未执行：{'；'.join(e.message for e in self.errors)}。文件中的数据均未写入。"
        if not self.ok:
            return (f"导入未执行：发现{len(self.errors)}处错误（涉及{self.bad_rows}行），"
                    f"文件中的数据均未写入，请修改后重新导入。")
        return (f"导入完成：实施清单共{self.rows}条，新增{self.created}条，更新{self.updated}条，"
                f"未变化{self.unchanged}条；新增标准事项{self.matters_created}个，"
                f"发布标准事项新版本{self.matters_updated}个。")

    def __str__(self):
        if self.errors and not self.bad_rows:
            return self.summary()
        return "\n".join([self.summary(), *(f"  {e}" for e in self.errors)])

    def as_dict(self) -> dict:
        return {"ok": self.ok, "summary": self.summary(), "rows": self.rows, "created": self.created,
                "updated": self.updated, "unchanged": self.unchanged, "matters_created": self.matters_created,
                "matters_updated": self.matters_updated, "errors": [list(e) for e in self.errors],
                "failure": self.failure}

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        keys = ("rows", "created", "updated", "unchanged", "matters_created", "matters_updated")
        report = cls(data.get("errors", []), **{k: data.get(k, 0) for k in keys}, failure=data.get("failure", ""))
        if not data.get("ok", True) and report.ok:
            # A failed job stored before failures were recorded: its own words, never "导入完成".
            report.failure = data.get("summary") or "导入出错，文件中的数据均未写入。"
        return report


def _no_progress(status, done, total):
    return None


# ---------------------------------------------------------------- reading


class _Reader:
    """Reads the sheets into plain dicts, converting every cell; cell problems become errors."""

    def __init__(self, path, progress: Progress):
        self.errors: list[RowError] = []
        self.progress = progress
        self.tables = db_tables()
        self.done = 0
        self.total = 0
        self.path = path

    def err(self, sheet, row, column, message):
        self.errors.append(RowError(sheet, row, column, message))

    def read(self):
        import openpyxl

        lim = limits()
        try:
            check_archive(self.path)
        except WorkbookRefused as exc:
            self.err(FILE, 0, "", str(exc))
            return None, {}
        try:
            workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds on a damaged file; all mean "cannot read it"
            logger.info("unreadable workbook %s", self.path, exc_info=True)
            self.err(FILE, 0, "", "无法读取文件，请上传由本平台导出或按模板填写的 .xlsx 格式 Excel 文件"
                                  "（文件可能已损坏：请用 Excel 或 WPS 打开后另存为 .xlsx 再导入）")
            return None, {}
        try:
            if MAIN_SHEET not in workbook.sheetnames:
                self.err(MAIN_SHEET, 0, "", f"缺少工作表“{MAIN_SHEET}”")
                return None, {}
            sheets = {MAIN_SHEET: (MAIN_COLUMNS, lim.rows)}
            sheets.update({title: (child_columns(key), lim.child_rows)
                           for key, (title, _cols) in CHILD_SHEETS.items() if title in workbook.sheetnames})
            for title, (_columns, limit) in sheets.items():
                check_declared_rows(workbook[title], title, limit)
            self.total = sum(max((workbook[t].max_row or 1) - 1, 0) for t in sheets)
            read = {title: self._sheet(workbook[title], title, columns, limit)
                    for title, (columns, limit) in sheets.items()}
            children = {key: read.get(title, []) for key, (title, _cols) in CHILD_SHEETS.items()}
            return read[MAIN_SHEET], children
        except WorkbookRefused as exc:
            self.err(FILE, 0, "", str(exc))
            return None, {}
        finally:
            workbook.close()

    def _sheet(self, ws, title, columns: tuple[Column, ...], limit: int):
        header, rows = guarded_rows(ws, title, limit)
        positions = {}
        for index, value in enumerate(header):
            positions.setdefault(_fold(normalise_text(value)), index)
        present = []
        for col in columns:
            index = positions.get(_fold(col.header))
            if index is None:
                if col.required:
                    self.err(title, 1, col.header, "缺少必填列")
                continue
            present.append((col, index))
        records = []
        for number, values in enumerate(rows, start=2):
            self.done += 1
            if self.done % 200 == 0:
                self.progress("validating", self.done, max(self.total, self.done))
            if values is None or all(normalise_text(v) == "" for v in values):
                continue
            record = {"_row": number, "_bad": False, "_present": {c.key for c, _ in present}}
            for col, index in present:
                raw = values[index] if index < len(values) else None
                try:
                    value = col.read(raw, self.tables)
                except CellError as exc:
                    self.err(title, number, col.header, str(exc))
                    record["_bad"] = True
                    continue
                record[col.key] = _blank(col) if value is None else value
            records.append(record)
        return records


def _blank(col: Column):
    """What an empty cell means: empty text, no number where the field allows none, else the default."""
    if col.kind in ("text", "code"):
        return ""
    if col.kind == "multi":
        return []
    field = col.field
    if col.kind in ("int", "yuan") and (field is None or field.null):
        return None
    return col.default()


# ---------------------------------------------------------------- validation

HEADER = {c.key: c.header for c in MAIN_COLUMNS}


class _Group:
    """The rows of one 基本编码: one standard matter and its implementation entries."""

    def __init__(self, basic_code):
        self.basic_code = basic_code
        self.rows: list[dict] = []
        self.spec: dict | None = None
        self.matter: Matter | None = None
        self.changed = False
        self.owner: Department | None = None


def _validate(main, children, actor, errors: list[RowError], progress: Progress):
    def err(row, key, message, sheet=MAIN_SHEET):
        errors.append(RowError(sheet, row, HEADER.get(key, key), message))

    good = [r for r in main if r.get("basic_code") and r.get("credit_code")]
    credit_codes = {r["credit_code"] for r in good}
    departments = {d.credit_code: d for d in
                   Department.objects.filter(credit_code__in=credit_codes).select_related("division")}
    scope = None
    if actor is not None:
        scope = set(departments_in_scope(actor, Role.EDITOR).values_list("pk", flat=True))
    codes = {r["basic_code"] for r in good}
    matters = {m.basic_code: m for m in Matter.objects.filter(basic_code__in=codes).select_related(
        "owner_department")}
    current = {v.pk: v for v in MatterVersion.objects.filter(
        pk__in=[m.current_version_id for m in matters.values() if m.current_version_id]).prefetch_related(
        "materials", "steps", "fees", "results", "faqs", "service_objects", "categories")}
    existing = {}  # implementation code → Implementation
    sites = _Sites()
    groups: dict[str, _Group] = {}
    seen_codes: dict[str, int] = {}

    for row in good:
        n, basic_code = row["_row"], row["basic_code"]
        problem = _basic_code_problem(basic_code, row.get("matter_type"), matters.get(basic_code))
        if problem:
            err(n, "basic_code", problem)
            if basic_code_format_problem(basic_code):
                continue
        group = groups.setdefault(basic_code, _Group(basic_code))
        group.rows.append(row)
        credit = row["credit_code"]
        try:
            validate_credit_code(credit)
        except ValidationError as exc:
            err(n, "credit_code", exc.messages[0])
            continue
        dept = departments.get(credit)
        if dept is None:
            err(n, "credit_code",
                f"未登记的实施主体（统一社会信用代码 {credit}），请先在机构管理中登记该部门")
            continue
        row["_department"] = dept
        if row.get("department_name") and row["department_name"] != dept.name:
            err(n, "department_name", f"与统一社会信用代码对应的部门“{dept.name}”不一致")
        if scope is not None and dept.pk not in scope:
            err(n, "credit_code", f"“{dept.name}”不在您的事项管理范围内，不能导入该部门的实施清单")
        level = dept.division.level
        if row.get("level") not in (None, level):
            err(n, "level", f"应与实施主体所在区划的层级一致（{dept.name}为{LEVELS.label(level)}）")
        row["level"] = level
        expected = Implementation.derive_code(dept, level, basic_code)
        if row.get("impl_code") and row["impl_code"] != expected:
            shape = implementation_code_problem(row["impl_code"])
            err(n, "impl_code", f"实施编码应为 {expected}（统一社会信用代码+行使层级+基本编码）"
                                + (f"；所填{shape}" if shape else ""))
        row["impl_code"] = expected
        if expected in seen_codes:
            err(n, "impl_code",
                f"与第{seen_codes[expected]}行重复（同一实施主体、同一事项只能有一条实施清单）")
        seen_codes.setdefault(expected, n)
        levels = row.get("levels") or []
        if levels and level not in levels:
            err(n, "level", f"{LEVELS.label(level)}不在该事项的标准行使层级（"
                            f"{'、'.join(LEVELS.label(x) for x in levels)}）中")
        _check_limits(row, err)
        if "site_name" in row["_present"]:
            site, problem = sites.find(dept, row.get("site_name", ""), row.get("site_division", ""))
            if problem:
                err(n, "site_name", problem)
            row["_site"] = site

    for impl in Implementation.objects.filter(code__in=list(seen_codes)):
        existing[impl.code] = impl
        if impl.status != Implementation.Status.ACTIVE:
            err(seen_codes[impl.code], "impl_code", "该实施清单已取消，不能通过导入恢复，请联系平台管理员")

    _check_four_levels(groups, err)
    child_rows = _group_children(children, groups, errors)
    for basic_code, group in groups.items():
        first = next((r for r in group.rows if not r["_bad"]), group.rows[0])
        spec = _spec_of(first, child_rows.get(basic_code, {}))
        group.spec = spec
        if not spec["steps"]:
            err(first["_row"], "basic_code",
                f"缺少办理流程：请在“{CHILD_SHEETS['steps'][0]}”表中为该基本编码填写至少一个环节")
        if not spec["results"]:
            err(first["_row"], "basic_code",
                f"缺少办理结果：请在“{CHILD_SHEETS['results'][0]}”表中为该基本编码填写办理结果")
        group.matter = matters.get(basic_code)
        with_dept = [r for r in group.rows if "_department" in r]
        if group.matter is None:
            group.changed = True
            if with_dept:
                # The highest level implementing the matter maintains its standard (lowest level number).
                group.owner = min(with_dept, key=lambda r: (r["level"], r["_row"]))["_department"]
        else:
            version = current.get(group.matter.current_version_id)
            # The workbook carries no application form: compare as if it kept the published one.
            group.changed = version is None or version_spec(version) != normalise_spec(carry_form(spec, version))
            group.owner = group.matter.owner_department
            if group.changed and scope is not None and group.owner.pk not in scope:
                err(first["_row"], "basic_code",
                    f"标准要素与已发布版本不同，但该事项由“{group.owner.name}”统一维护，"
                    f"您无权修改（四级十同），请只修改办理地点、时间和电话")
    return groups, existing


class _Sites:
    """Finds an entry's 服务场所 by name, and by the site's division code where the name is not enough."""

    def __init__(self):
        self.by_name: dict[str, list[ServiceSite]] | None = None
        self.allowed: dict[int, set[int]] = {}

    def find(self, dept: Department, name: str, division_code: str) -> tuple[ServiceSite | None, str | None]:
        if not name:
            return None, ("填写了服务场所区划代码，但未填写服务场所名称" if division_code else None)
        if self.by_name is None:
            self.by_name = defaultdict(list)
            for site in org_selectors.sites():
                self.by_name[site.name].append(site)
        named = [s for s in self.by_name.get(name, []) if not division_code or s.division.code == division_code]
        allowed = self.allowed.setdefault(dept.pk, set(site_division_ids(dept)))
        found = [s for s in named if s.division_id in allowed]
        if len(found) == 1:
            return found[0], None
        where = f"区划 {division_code} 内" if division_code else ""
        if len(found) > 1:
            return None, (f"{where}有{len(found)}处名为“{name}”的服务场所，"
                          + ("无法区分，请在机构管理中为其改用不同名称" if division_code
                             else "请在“服务场所区划代码”列填写所在区划代码以区分"))
        if named:
            return None, (f"服务场所“{name}”不在{dept.name}可选的范围内"
                          f"（本区划、上级区划或直接下级区划的服务场所）")
        return None, f"{where}没有名为“{name}”的服务场所，请核对名称，或先在机构管理中登记该服务场所"


def _basic_code_problem(code: str, matter_type, matter: Matter | None) -> str | None:
    """The structure of docs/domain.md §2.1; a matter registered before it (a code of another shape)
    keeps its code, but its type may still not change away from the type its code names."""
    if matter is not None and basic_code_problem(code) is not None:
        return None
    return basic_code_problem(code, matter_type)


def _check_limits(row, err):
    n = row["_row"]
    legal, promised = row.get("legal_limit_days"), row.get("promised_limit_days")
    if legal is not None and promised is not None and promised > legal:
        err(n, "promised_limit_days",
            f"承诺办结时限（{promised}个工作日）不得超过法定办结时限（{legal}个工作日）")
    if row.get("case_kind") == CaseKind.IMMEDIATE and promised not in (0, None):
        err(n, "promised_limit_days", "即办件的承诺办结时限应为0个工作日")
    if (row.get("visits_required") or 0) > 9:
        err(n, "visits_required", "到办事现场次数应在0至9次之间")


def _check_four_levels(groups, err):
    """"四级十同": every row of one 基本编码 must carry the same standard elements."""
    for group in groups.values():
        # Rows with unreadable cells are already reported; comparing them would only add noise.
        readable = [r for r in group.rows if not r["_bad"]]
        if not readable:
            continue
        first = readable[0]
        for row in readable[1:]:
            differing = [HEADER[k] for k in STANDARD_KEYS
                         if k in first["_present"] and first.get(k) != row.get(k)]
            if differing:
                errors_for = "、".join(f"“{h}”" for h in differing)
                err(row["_row"], "basic_code",
                    f"四级十同：同一基本编码 {group.basic_code} 的标准要素应完全一致，本行的{errors_for}"
                    f"与第{first['_row']}行不同")


def _group_children(children, groups, errors):
    out: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for key, records in children.items():
        title, columns = CHILD_SHEETS[key]
        headers = {c.key: c.header for c in child_columns(key)}
        orders: dict[tuple, int] = {}
        for rec in records:
            n, code = rec["_row"], rec.get("basic_code")
            if not code:
                continue
            if code not in groups:
                errors.append(RowError(title, n, "基本编码", f"基本编码 {code} 不在“{MAIN_SHEET}”表中"))
                continue
            order = rec.get("order")
            if order is not None:
                if (code, order) in orders:
                    errors.append(RowError(title, n, "序号",
                                           f"与第{orders[code, order]}行重复（同一基本编码的序号不能重复）"))
                orders.setdefault((code, order), n)
            if key == "materials" and rec.get("rongque_allowed") and rec.get("required", True) \
                    and "关键" in rec.get("necessity_note", ""):
                errors.append(RowError(title, n, headers["rongque_allowed"], "关键材料不得容缺"))
            out[code][key].append(rec)
    return out


def _spec_of(row, child_rows) -> dict:
    spec = {k: row[k] for k in STANDARD_KEYS if k in row}
    if "levels" in spec:
        spec["levels"] = ",".join(str(x) for x in spec["levels"])
    for key, (_title, columns) in CHILD_SHEETS.items():
        records = sorted(child_rows.get(key, []), key=lambda r: (r.get("order") is None, r.get("order") or 0,
                                                                   r["_row"]))
        spec[key] = [{c.key: r[c.key] for c in columns if c.key in r} for r in records]
    return spec


# ---------------------------------------------------------------- writing


def _write(groups, existing, actor, report: ImportReport, progress: Progress, file_name: str, job=None):
    total = sum(len(g.rows) for g in groups.values())
    note = f"Excel导入：{file_name}"[:300]
    progress("importing", 0, total)  # before the transaction opens, so the job page sees the phase change
    with transaction.atomic(), services.batched_reindex() as reindex:
        new = sorted((g for g in groups.values() if g.matter is None), key=lambda g: g.basic_code)
        created = excel_bulk.create_matters(actor, [(g.basic_code, g.owner, g.spec) for g in new], note)
        report.matters_created = len(created)
        for group in new:
            group.matter = created[group.basic_code]
        progress("importing", sum(len(g.rows) for g in new) // 2, total)
        new_entries, done = [], 0
        for basic_code in sorted(groups):
            group = groups[basic_code]
            if group.changed and group.basic_code not in created:
                # An existing standard with different elements: a new published version, via the service.
                services.publish_spec(actor, basic_code=basic_code, owner_department=group.owner,
                                      spec=group.spec, change_note=note)
                report.matters_updated += 1
            for row in group.rows:
                local = {k: row[k] for k in LOCAL_KEYS}
                if "_site" in row:  # a workbook without the 服务场所 column leaves the link alone
                    local["site"] = row["_site"]
                impl = existing.get(row["impl_code"])
                if impl is None:
                    new_entries.append((group.matter, row["_department"], local))
                    report.created += 1
                else:
                    changed = {k: v for k, v in local.items() if getattr(impl, k) != v}
                    if changed:
                        services.update_implementation(actor, impl, **changed)
                    if changed or group.changed:
                        report.updated += 1
                    else:
                        report.unchanged += 1
                done += 1
                if done % 100 == 0:
                    progress("importing", done, total)
        impls = excel_bulk.create_implementations(new_entries)
        reindex.update([m.pk for m in created.values()] + [i.matter_id for i in impls])
        data = {k: v for k, v in report.as_dict().items() if k not in ("errors", "summary", "ok")}
        data.update(file=file_name, matters_created_codes=sorted(created),
                    implementations_created_codes=sorted(i.code for i in impls))
        summary = f"导入实施清单 {file_name}：{report.summary()}"
        if job is not None:
            audit(actor, "catalog.import", job, summary, data)
        else:
            audit(actor, "catalog.import", None, summary, data, object_type="file", object_id=file_name[:80])
    progress("importing", total, total)


def import_workbook(path, actor=None, *, progress: Progress | None = None, job=None,
                    file_name: str = "") -> ImportReport:
    """Validate the whole workbook, then (only if it has no error) import it in one transaction."""
    progress = progress or _no_progress
    file_name = file_name or os.path.basename(str(path))
    reader = _Reader(path, progress)
    main, children = reader.read()
    errors = reader.errors
    report = ImportReport(errors, file_name=file_name)
    if main is None:
        return report
    groups, existing = _validate(main, children, actor, errors, progress)
    report.errors = sorted(errors, key=_error_order)
    report.rows = len(main)
    if report.errors:
        return report
    try:
        _write(groups, existing, actor, report, progress, file_name, job)
    except (ValidationError, PermissionDenied) as exc:
        # Validation mirrors the model rules; this is the safety net if one slipped through.
        # The transaction has rolled back, so nothing was written.
        report.created = report.updated = report.unchanged = 0
        report.matters_created = report.matters_updated = 0
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        report.errors = [RowError(MAIN_SHEET, 0, "", f"导入时出错，已全部撤销：{m}") for m in messages]
    return report


_SHEET_ORDER = {FILE: 0, MAIN_SHEET: 1, **{t: i for i, (t, _c) in enumerate(CHILD_SHEETS.values(), start=2)}}


def _error_order(e: RowError):
    return (_SHEET_ORDER.get(e.sheet, 99), e.row)
