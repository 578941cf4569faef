"""Builders for the Excel import/export tests: a small city, and workbooks written cell by cell."""

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


def write_book(path, sheets: dict[str, list[dict]]):
    """Write rows given as {header: value} into a workbook with the documented headers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    layouts = {MAIN_SHEET: MAIN_COLUMNS} | {t: child_columns(k) for k, (t, _c) in CHILD_SHEETS.items()}
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        headers = [c.header for c in layouts[title]]
        ws.append(headers)
        for row in rows:
            unknown = set(row) - set(headers)
            assert not unknown, unknown
            ws.append([row.get(h) for h in headers])
    workbook.save(path)
    return path


def catalogue_counts() -> tuple[int, int]:
    return Matter.objects.count(), Implementation.objects.count()
