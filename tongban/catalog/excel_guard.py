"""Limits on an 实施清单 workbook, checked before and while openpyxl reads it (docs/excel-layout.md).

An .xlsx file is a zip archive of XML parts, and XML compresses extremely well: a 1 MB upload that
expanded to 1 GB took 40 s and 1.2 GB of memory to parse. So the zip's own directory is read first
(number of parts, total uncompressed size, the compression ratio of each large part), then each
sheet's declared dimension, and the rows are read with a hard bound on rows and columns. zipfile
never hands out more than a part's declared size (it stops there and checks the CRC), so the sizes in
the directory really bound what the parser sees. The limits are settings (CATALOG_IMPORT_LIMITS).

A part that is not well-formed XML (or any other damage openpyxl trips over) becomes a Chinese
reason instead of a traceback; see `guarded_rows`.
"""

import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULTS = {"MAX_UNCOMPRESSED_MB": 100, "MAX_ROWS": 20_000, "MAX_CHILD_ROWS": 100_000, "MAX_MEMBERS": 200,
            "MAX_COMPRESSION_RATIO": 100}
# Small parts (styles, theme, an empty sheet) may compress very well without being a threat.
RATIO_FLOOR = MB
# The layout has about 35 columns; cells beyond this many are never read.
MAX_COLUMNS = 256
RESAVE = "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新导入"


class WorkbookRefused(ValueError):
    """The file is refused as a whole; the message says why, in Chinese."""


@dataclass(frozen=True)
class Limits:
    uncompressed_bytes: int
    rows: int  # data rows of the 实施清单 sheet (header not counted)
    child_rows: int  # data rows of each child sheet (申请材料, 办理流程 …): several per matter
    members: int
    ratio: int


def limits() -> Limits:
    conf = {**DEFAULTS, **getattr(settings, "CATALOG_IMPORT_LIMITS", {})}
    return Limits(uncompressed_bytes=int(conf["MAX_UNCOMPRESSED_MB"]) * MB, rows=int(conf["MAX_ROWS"]),
                  child_rows=int(conf["MAX_CHILD_ROWS"]), members=int(conf["MAX_MEMBERS"]),
                  ratio=int(conf["MAX_COMPRESSION_RATIO"]))


def check_archive(source) -> None:
    """Refuse (WorkbookRefused) a file that is not a zip, or too large or too compressed once expanded.

    `source` is a path or a seekable binary file (an upload); only the zip directory is read.
    """
    lim = limits()
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        raise WorkbookRefused(f"无法读取文件：不是有效的 .xlsx 文件（文件已损坏或不是 Excel 2007 及以上格式），"
                              f"{RESAVE}") from None
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    if len(members) > lim.members:
        raise WorkbookRefused(f"文件包含{len(members)}个内部部件，超过上限{lim.members}个，不像正常的 Excel 文件，"
                              f"已拒绝导入")
    total = sum(m.file_size for m in members)
    if total > lim.uncompressed_bytes:
        raise WorkbookRefused(f"文件解压后约{_mb(total)}MB，超过单次导入上限{_mb(lim.uncompressed_bytes)}MB，"
                              f"请按部门拆分为多个文件分批导入")
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > lim.ratio * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise WorkbookRefused(f"文件中的部件“{m.filename}”压缩比异常（约{ratio}:1，上限{lim.ratio}:1），"
                                  f"不像正常的 Excel 文件，已拒绝导入")


def _mb(size: int) -> str:
    return f"{size / MB:.0f}" if size >= 10 * MB else f"{size / MB:.1f}"


def check_declared_rows(ws, title: str, limit: int) -> None:
    """The sheet's <dimension> says how many rows it holds: refuse before reading any of them."""
    declared = ws.max_row or 0
    if declared - 1 > limit:
        raise WorkbookRefused(_too_many(title, limit))


def _too_many(title: str, limit: int) -> str:
    return (f"工作表“{title}”超过单次导入上限{limit}行（不含表头；设置过格式的空行也计入），"
            f"请删除多余的行，或拆分为多个文件分批导入")


def guarded_rows(ws, title: str, limit: int) -> tuple[tuple, Iterator[tuple]]:
    """(header, data rows) of the sheet as value tuples: at most `limit` data rows, as wide as the header.

    The declared dimension is not trusted for the reading itself (a wrong one would silently cut rows
    off, a huge one would pad every row): the header is read up to MAX_COLUMNS cells, the data rows up to
    its last titled column (nothing further right is ever used), and a sheet with more than `limit` data
    rows is refused as soon as the next one appears. Damage in the sheet's XML is reported, not raised.
    """
    ws.reset_dimensions()
    header = next(_guarded(ws.iter_rows(values_only=True, max_row=1, max_col=MAX_COLUMNS), title, 0), ())
    width = max((i + 1 for i, value in enumerate(header) if value not in (None, "")), default=0)
    if not width:
        return header, iter(())
    rows = ws.iter_rows(values_only=True, min_row=2, max_row=limit + 2, max_col=width)
    return header[:width], _guarded(rows, title, 1, limit)


def _guarded(rows, title: str, before: int, limit: int | None = None) -> Iterator[tuple]:
    number = before  # sheet row number of the last row handed out
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # only openpyxl runs inside next(): whatever it trips over is damage
            logger.info("unreadable sheet %s", title, exc_info=True)
            raise WorkbookRefused(f"工作表“{title}”的内容已损坏，第{number + 1}行附近无法读取（{_kind(exc)}），"
                                  f"{RESAVE}") from exc
        number += 1
        if limit is not None and number - 1 > limit:
            raise WorkbookRefused(_too_many(title, limit))
        yield values


def _kind(exc: Exception) -> str:
    return "XML 格式错误" if isinstance(exc, SyntaxError) else "文件结构错误"
