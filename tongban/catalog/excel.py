"""Excel import/export of implementation lists (实施清单), layout documented in docs/excel-layout.md.

Entry points for the shell (`tongban import-matters` / `tongban export-matters`) and the staff pages:
- import_matters_file(path, actor=None) -> ImportReport: validate every row, then import all or nothing.
- export_matters_file(path, actor=None) -> int: write the entries the actor may edit (all if None).
"""

from tongban.accounts.models import Role
from tongban.accounts.selectors import department_scope_q
from tongban.catalog.excel_export import exportable_implementations, write_workbook
from tongban.catalog.excel_import import ImportReport, Progress, RowError, import_workbook
from tongban.catalog.models import Implementation
from tongban.core.services import audit

__all__ = ["ImportReport", "RowError", "import_matters_file", "export_matters_file", "export_for_user",
           "write_template"]


def import_matters_file(path, actor=None, *, progress: Progress | None = None, job=None,
                        file_name: str = "") -> ImportReport:
    """actor None is a trusted system import (an administrator at the shell): no scope limit."""
    return import_workbook(path, actor, progress=progress, job=job, file_name=file_name)


def scoped_implementations(actor=None):
    qs = Implementation.objects.all()
    if actor is not None:
        qs = qs.filter(department_scope_q(actor, Role.EDITOR, "department"))
    return exportable_implementations(qs)


def export_matters_file(path, actor=None) -> int:
    return write_workbook(path, scoped_implementations(actor))


def export_for_user(stream, user) -> int:
    """The download on the staff page: only entries of departments in the editor's scope; audited."""
    count = write_workbook(stream, scoped_implementations(user))
    audit(user, "catalog.export", None, f"导出实施清单 {count} 条", {"rows": count},
          object_type="catalog.implementation")
    return count


def write_template(stream) -> int:
    """An empty workbook with every sheet, header, drop-down list and the column notes."""
    return write_workbook(stream, Implementation.objects.none())
