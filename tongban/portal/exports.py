"""Excel downloads of the published lists (政务服务事项目录, 公共服务事项目录).

Streaming write-only workbook: a province's list runs to hundreds of thousands of rows.
"""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from tongban.catalog.codes import CaseKind, MatterType, OnlineDepth
from tongban.catalog.models import MatterVersion
from tongban.org.models import Level
from tongban.portal.guide_rows import days, yes_no

COLUMNS = [
    ("序号", 7), ("事项名称", 36), ("事项类型", 12), ("基本编码", 16), ("实施编码", 36), ("实施主体", 28),
    ("实施主体统一社会信用代码", 22), ("行使层级", 10), ("服务对象", 18), ("办件类型", 9), ("法定时限", 14),
    ("承诺时限", 12), ("是否收费", 8), ("到办事现场次数", 8), ("网上办理深度", 22), ("通办范围", 14),
    ("办理地点", 30), ("咨询电话", 16),
]


def _service_objects_by_version(version_ids) -> dict[int, str]:
    names: dict[int, list[str]] = {}
    through = MatterVersion.service_objects.through.objects.filter(matterversion_id__in=version_ids)
    pairs = through.values_list("matterversion_id", "serviceobject__name").order_by("serviceobject__code")
    for vid, name in pairs:
        names.setdefault(vid, []).append(name)
    return {k: "、".join(v) for k, v in names.items()}


def published_list_xlsx(title: str, implementations) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    for i, (_, width) in enumerate(COLUMNS):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="ECF2FA")
    header = []
    for name, _ in COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.append(header)

    # Standard matters number thousands even when entries number hundreds of thousands.
    version_ids = set(
        implementations.order_by().values_list("matter__current_version_id", flat=True).distinct())
    objects = _service_objects_by_version(version_ids)
    for n, impl in enumerate(implementations.iterator(chunk_size=2000), start=1):
        v = impl.matter.current_version
        ws.append([
            n, v.name, MatterType(v.matter_type).label, impl.matter.basic_code, impl.code,
            impl.department.name, impl.department.credit_code, Level(impl.level).label, objects.get(v.pk, ""),
            CaseKind(v.case_kind).label, days(v.legal_limit_days), days(v.promised_limit_days),
            yes_no(v.has_fee), v.visits_required, OnlineDepth(v.online_depth).label,
            v.get_tongban_scope_display(), impl.place, impl.consult_phone,
        ])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
