"""Excel export of the 好差评 statistics (openpyxl): one sheet per dimension, the same columns as
the page, percentages as numbers formatted 0.00% so they can be summed and charted."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tongban.ratings import statistics

HEAD_FILL = PatternFill("solid", fgColor="ECF2FA")


def _header(levels) -> list[str]:
    return ["名称", "评价总数", *[label for _, label in levels], "好评率", "差评数", "差评已办结", "差评按时办结", "差评按时办结率"]


def workbook(period, sheets, title: str = "") -> bytes:
    """`sheets`: (dimension code, scope Q or None) per sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for code, scope in sheets:
        label = statistics.DIMENSIONS[code][0]
        ws = wb.create_sheet(f"按{label}")
        ws.append([f"{title}好差评统计（按{label}） {period.label}"])
        ws["A1"].font = Font(bold=True, size=13)
        header = _header(statistics.LEVELS)
        ws.append(header)
        for cell in ws[2]:
            cell.font, cell.fill = Font(bold=True), HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in [*statistics.rows(code, period, scope), {**statistics.totals(period, scope), "name": "合计"}]:
            ws.append([row["name"], row["total"], *row["levels"], row["good_rate"], row["bad"], row["bad_closed"],
                       row["bad_on_time"], row["on_time_rate"]])
            for col in (3 + len(statistics.LEVELS), len(header)):  # 好评率, 差评按时办结率
                ws.cell(row=ws.max_row, column=col).number_format = "0.00%"
        ws.freeze_panes = "B3"
        ws.column_dimensions["A"].width = 42
        for i in range(2, len(header) + 1):
            ws.column_dimensions[get_column_letter(i)].width = 11
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
