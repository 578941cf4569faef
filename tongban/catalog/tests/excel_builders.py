"""Builders for the Excel import/export tests: a small city, and workbooks written cell by cell."""

import struct
import zipfile
import zlib

from openpyxl import Workbook

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.excel_layout import CHILD_SHEETS, MAIN_COLUMNS, MAIN_SHEET, child_columns
from tongban.catalog.models import Implementation, Matter
from tongban.catalog.tests.builders import make_department, make_division
from tongban.org.models import Level

FOOD, BIRTH = "000201035000", "000120001000"


def small_city():
    city = make_division()
    county = make_division(code="439902", name="芙蓉区", level=Level.COUNTY, parent=city)
    return {
        "city": city,
        "county": county,
        "city_market": make_department(city, name="云川市市场监督管理局", sector="market"),
        "county_market": make_department(county, name="芙蓉区市场监督管理局", sector="market"),
        "city_health": make_department(city, name="云川市卫生健康委员会", sector="health"),
    }


def make_editor(department, username="editor"):
    user = User.objects.create_user(username=username, password="correct-horse-battery", is_staff=True,
                                    display_name=f"{department.name}事项管理员")
    StaffRole.objects.create(user=user, role=Role.EDITOR, division=department.division, department=department)
    return user


def _food(dept, level):
    return {
        "基本编码": FOOD, "事项名称": "食品经营许可（新办）", "事项类型": "行政许可",
        "实施主体": dept.name, "实施主体统一社会信用代码": dept.credit_code, "行使层级": level,
        "标准行使层级": "市级、县级", "服务对象": "自然人、企业法人", "主题分类": "准营准办",
        "设定依据": "《中华人民共和国食品安全法》第三十五条",
        "受理条件": "有与经营的食品品种相适应的经营场所。",
        "办件类型": "承诺件", "法定办结时限（工作日）": 10, "承诺办结时限（工作日）": 5, "是否收费": "否",
        "到办事现场次数": 0, "网上办理深度": "全程网办（五星）", "支持预约办理": "是", "支持网上支付": "否",
        "支持物流快递": "是", "通办范围": "全市通办", "中介服务": "无", "数量限制": "无数量限制",
        "结果送达方式": "窗口领取；邮政快递送达",
        "办理地点": f"{dept.division.name}政务服务中心二楼", "办理时间": "周一至周五 9:00-17:00",
        "咨询电话": "0739-12345", "监督电话": "0739-12345",
    }


def sample_sheets(depts) -> dict[str, list[dict]]:
    """Three entries: one matter at city and county (四级十同), one city-only matter."""
    birth = {
        **_food(depts["city_health"], "市级"),
        "基本编码": BIRTH, "事项名称": "出生医学证明办理", "事项类型": "20", "标准行使层级": "市级",
        "服务对象": "自然人", "主题分类": "生育收养", "设定依据": "《中华人民共和国母婴保健法》第二十三条",
        "受理条件": "在本市医疗机构出生的新生儿。",
        "法定办结时限（工作日）": None, "承诺办结时限（工作日）": 1,
        "网上办理深度": 3, "通办范围": None,
    }
    return {
        MAIN_SHEET: [_food(depts["city_market"], "市级"), _food(depts["county_market"], "县级"), birth],
        "申请材料": [
            {"基本编码": FOOD, "序号": 1, "材料名称": "食品经营许可申请书", "材料形式": "原件", "份数": 1,
             "是否必要": "是", "来源渠道": "申请人自备"},
            {"基本编码": FOOD, "序号": 2, "材料名称": "营业执照", "材料形式": "复印件", "份数": 1,
             "是否必要": "是", "来源渠道": "政府部门核发", "来源说明": "由市场监管部门核发", "可容缺": "是"},
            {"基本编码": BIRTH, "序号": 1, "材料名称": "父母身份证", "材料形式": "原件", "是否必要": "是"},
        ],
        "办理流程": [
            {"基本编码": FOOD, "序号": 1, "环节名称": "受理", "环节时限（工作日）": 1},
            {"基本编码": FOOD, "序号": 2, "环节名称": "审查", "办理人员": "审批科", "环节时限（工作日）": 3},
            {"基本编码": FOOD, "序号": 3, "环节名称": "决定"},
            {"基本编码": BIRTH, "序号": 1, "环节名称": "受理并发证"},
        ],
        "收费项目": [
            {"基本编码": BIRTH, "序号": 1, "收费项目": "补发工本费", "收费标准": "每证10元",
             "金额（元）": 10},
        ],
        "办理结果": [
            {"基本编码": FOOD, "序号": 1, "结果名称": "食品经营许可证", "结果类型": "证照", "有效期": "5年"},
            {"基本编码": BIRTH, "序号": 1, "结果名称": "出生医学证明", "结果类型": "证照"},
        ],
        "常见问题": [
            {"基本编码": FOOD, "序号": 1, "问题": "可以网上办理吗？", "解答": "可以，全程网办。"},
        ],
    }


def write_book(path, sheets: dict[str, list[dict]], omit: tuple[str, ...] = ()):
    """Write rows given as {header: value} into a workbook with the documented headers (but `omit`)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    layouts = {MAIN_SHEET: MAIN_COLUMNS} | {t: child_columns(k) for k, (t, _c) in CHILD_SHEETS.items()}
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        headers = [c.header for c in layouts[title] if c.header not in omit]
        ws.append(headers)
        for row in rows:
            unknown = set(row) - set(headers)
            assert not unknown, unknown
            ws.append([row.get(h) for h in headers])
    workbook.save(path)
    return path


def catalogue_counts() -> tuple[int, int]:
    return Matter.objects.count(), Implementation.objects.count()


MAIN_SHEET_PART = "xl/worksheets/sheet1.xml"  # write_book writes “实施清单” first


def rewrite_part(path, part: str, change) -> None:
    """Rewrite one part of a saved workbook (bytes → bytes), as a damaged or hand-edited file would be."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, change(data) if info.filename == part else data)


def write_zip_bomb(path, depts, megabytes: int) -> int:
    """A real workbook whose “实施清单” sheet is `megabytes` of repeated rows, deflated to well under 1 MB.

    Deflating the same block again after a full flush gives the same bytes, so the block is compressed
    once and its bytes repeated: building a 200 MB bomb takes a fraction of a second. Returns the size
    of the file on disk.
    """
    write_book(path, sample_sheets(depts))
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    head, tail = parts[MAIN_SHEET_PART].partition(b"<sheetData>")[0], b"</sheetData></worksheet>"
    block = b"".join(b'<row r="2"><c r="A2" t="inlineStr"><is><t>000201035000</t></is></c></row>'
                     for _ in range(10_000))
    repeats = megabytes * 1024 * 1024 // len(block) + 1
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = deflate.compress(head + b"<sheetData>") + deflate.flush(zlib.Z_FULL_FLUSH)
    piece = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.compress(tail) + deflate.flush()
    crc = zlib.crc32(head + b"<sheetData>")
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(b"<sheetData>") + len(block) * repeats + len(tail)
    members = [(name, _deflate(data), zlib.crc32(data), len(data)) for name, data in parts.items()
               if name != MAIN_SHEET_PART]
    members.append((MAIN_SHEET_PART, start + piece * repeats + end, crc, size))
    _write_zip(path, members)
    return path.stat().st_size


def _deflate(data: bytes) -> bytes:
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return deflate.compress(data) + deflate.flush()


def _write_zip(path, members) -> None:
    """A plain zip archive (PKWARE APPNOTE 4.3) of already deflated members: (name, data, crc, size)."""
    with open(path, "wb") as out:
        directory = []
        for name, data, crc, size in members:
            offset, encoded = out.tell(), name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                  len(encoded), 0) + encoded + data)
            directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data),
                                         size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        start = out.tell()
        out.write(b"".join(directory))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory),
                              out.tell() - start, start, 0))


def upload_workbook(client, path, name="实施清单.xlsx"):
    """The editor chooses the file on 事项管理 → 导入实施清单 and submits it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    with open(path, "rb") as fh:
        upload = SimpleUploadedFile(name, fh.read())
    return client.post(reverse("catalog-import"), {"file": upload})


def run_worker():
    """One pass of the background worker over the queued tasks (as `tongban db_worker` would)."""
    from django.core.management import call_command

    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
