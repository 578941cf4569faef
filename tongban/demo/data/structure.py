"""The demo city 云川市 (fictional, 湖南省): divisions, departments, service sites and windows.

Plain data; tongban/demo/loader.py turns it into rows through tongban.org.services.
Codes follow the real formats:
- divisions: GB/T 2260 six-digit codes for city and districts, the twelve-digit statistical
  codes (统计用区划代码) for towns and villages. Town digits 7-9: 001-099 街道, 100-199 镇,
  200-399 乡; village digits 10-12: 001-199 社区（居委会）, 200-399 村（村委会）.
- departments: 统一社会信用代码 per GB 32100 — registration authority + kind (11 机关,
  12 事业单位, 13 群众团体, 54 民政部门赋码的村（居）民委员会, 91 企业), the six-digit code of
  the registering division, a nine-character 组织机构代码 with its GB 11714 check character,
  and the GB 32100 check character.
"""

import hashlib
from decimal import Decimal

from tongban.core.validators import credit_code_check_char

CITY_CODE = "431400"
AREA_CODE = "0739"

# Standard opening hours of Hunan's halls; 周六延时服务 is the 错时/延时 service the seeds describe.
CENTER_HOURS = "周一至周五 上午9:00-12:00 下午13:30-17:00（法定节假日除外）；周六上午延时服务"
TOWN_HOURS = "周一至周五 上午8:30-12:00 下午14:30-17:30（法定节假日除外）"
VILLAGE_HOURS = "周一至周五 上午8:30-11:30 下午14:30-17:30；周末轮流值班"

# -- divisions ---------------------------------------------------------------------------------
# (code, name, level, kind, parent code)
DIVISIONS = [
    (CITY_CODE, "云川市", 3, "地级市", None),
    ("431402", "芙蓉区", 4, "市辖区", CITY_CODE),
    ("431403", "湘江区", 4, "市辖区", CITY_CODE),
    ("431421", "云溪县", 4, "县", CITY_CODE),
    # 芙蓉区
    ("431402001000", "东风街道", 5, "街道", "431402"),
    ("431402001001", "东风社区", 6, "社区", "431402001000"),
    ("431402001002", "建设社区", 6, "社区", "431402001000"),
    ("431402002000", "文昌街道", 5, "街道", "431402"),
    ("431402002001", "文昌社区", 6, "社区", "431402002000"),
    ("431402002002", "学院社区", 6, "社区", "431402002000"),
    ("431402003000", "白沙街道", 5, "街道", "431402"),
    ("431402003001", "白沙社区", 6, "社区", "431402003000"),
    ("431402003201", "桃花村", 6, "村", "431402003000"),
    # 湘江区
    ("431403001000", "江滨街道", 5, "街道", "431403"),
    ("431403001001", "江滨社区", 6, "社区", "431403001000"),
    ("431403001002", "沿江社区", 6, "社区", "431403001000"),
    ("431403002000", "望月街道", 5, "街道", "431403"),
    ("431403002001", "望月社区", 6, "社区", "431403002000"),
    ("431403002002", "湘林社区", 6, "社区", "431403002000"),
    ("431403100000", "枫林镇", 5, "镇", "431403"),
    ("431403100001", "枫林社区", 6, "社区", "431403100000"),
    ("431403100201", "红星村", 6, "村", "431403100000"),
    # 云溪县
    ("431421100000", "云溪镇", 5, "镇", "431421"),
    ("431421100001", "城北社区", 6, "社区", "431421100000"),
    ("431421100201", "新田村", 6, "村", "431421100000"),
    ("431421101000", "青山镇", 5, "镇", "431421"),
    ("431421101201", "青山村", 6, "村", "431421101000"),
    ("431421101202", "石桥村", 6, "村", "431421101000"),
    ("431421200000", "石门乡", 5, "乡", "431421"),
    ("431421200201", "石门村", 6, "村", "431421200000"),
    ("431421200202", "龙潭村", 6, "村", "431421200000"),
]

LEVEL_NAMES = {"city": 3, "district": 4, "town": 5, "village": 6}

# Where each district/county sits and how its numbers look (first digits of local numbers).
DISTRICT_INFO = {
    CITY_CODE: {"road": "云川大道", "phone_prefix": "56", "lat": Decimal("27.812300"), "lng": Decimal("113.134500")},
    "431402": {"road": "芙蓉中路", "phone_prefix": "52", "lat": Decimal("27.826400"), "lng": Decimal("113.150800")},
    "431403": {"road": "湘江北路", "phone_prefix": "53", "lat": Decimal("27.791200"), "lng": Decimal("113.097300")},
    "431421": {"road": "云溪大道", "phone_prefix": "72", "lat": Decimal("27.668900"), "lng": Decimal("113.241600")},
}

# -- departments -------------------------------------------------------------------------------
# sector: (name at city level, short name, registration kind, where it exists)
#   where: "all" = city and every district/county; "county" = city and the 县 only (urban
#   districts have no such bureau); "city" = city only.
SECTORS = {
    "gov_service": ("政务服务和大数据管理局", "政务服务局", "11", "all"),
    "public_security": ("公安局", "公安局", "11", "all"),
    "civil_affairs": ("民政局", "民政局", "11", "all"),
    "justice": ("司法局", "司法局", "11", "all"),
    "hrss": ("人力资源和社会保障局", "人社局", "11", "all"),
    "natural_resources": ("自然资源和规划局", "自然资源局", "11", "all"),
    "ecology": ("生态环境局", "生态环境局", "11", "all"),
    "housing": ("住房和城乡建设局", "住建局", "11", "all"),
    "transport": ("交通运输局", "交通运输局", "11", "all"),
    "water": ("水利局", "水利局", "11", "all"),
    "agriculture": ("农业农村局", "农业农村局", "11", "all"),
    "commerce": ("商务局", "商务局", "11", "all"),
    "culture_tourism": ("文化旅游广电体育局", "文旅广体局", "11", "all"),
    "health": ("卫生健康委员会", "卫健委", "11", "all"),
    "veterans": ("退役军人事务局", "退役军人事务局", "11", "all"),
    "emergency": ("应急管理局", "应急管理局", "11", "all"),
    "market": ("市场监督管理局", "市场监管局", "11", "all"),
    "medical_insurance": ("医疗保障局", "医保局", "11", "all"),
    "education": ("教育局", "教育局", "11", "all"),
    "forestry": ("林业局", "林业局", "11", "county"),
    "urban_management": ("城市管理和综合执法局", "城管执法局", "11", "all"),
    "fire": ("消防救援支队", "消防救援支队", "11", "all"),
    "housing_fund": ("住房公积金管理中心", "公积金中心", "12", "city"),
    "tax": ("税务局", "税务局", "11", "all"),
    "disabled": ("残疾人联合会", "残联", "13", "all"),
    "water_supply": ("云川水务集团", "水务集团", "91", "city"),
    "power": ("国网云川供电公司", "供电公司", "91", "city"),
    "gas": ("云川燃气公司", "燃气公司", "91", "city"),
    "telecom": ("中国电信云川分公司", "电信公司", "91", "city"),
}
ENTERPRISE_SECTORS = {"water_supply", "power", "gas", "telecom"}
TOWN_SECTOR = "town_gov"
VILLAGE_SECTOR = "village_committee"

# Street addresses of the city bureaus (real cities put most of them in one 行政中心).
CITY_ADDRESSES = {
    "gov_service": "云川市芙蓉区云川大道288号市民之家",
    "public_security": "云川市芙蓉区建设北路66号",
    "natural_resources": "云川市芙蓉区云川大道288号市民之家三楼（不动产登记中心）",
    "tax": "云川市芙蓉区财政路18号",
    "housing_fund": "云川市芙蓉区云川大道288号市民之家二楼",
    "fire": "云川市湘江区滨江路119号",
    "water_supply": "云川市芙蓉区自来水路9号",
    "power": "云川市芙蓉区电力路2号",
    "gas": "云川市湘江区燃气路6号",
    "telecom": "云川市芙蓉区邮电路1号",
}


def org_code(seed: str) -> str:
    """A nine-character 组织机构代码 (GB 11714): eight digits derived from `seed` + check char."""
    body = f"{int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 10**8:08d}"
    total = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(kind: str, division_code: str, seed: str) -> str:
    """统一社会信用代码 (GB 32100): kind (2) + registering division (6) + org code (9) + check."""
    first17 = f"{kind}{division_code[:6]}{org_code(seed)}"
    return first17 + credit_code_check_char(first17)


def _district_name(sector: str, base: str, division: tuple) -> str:
    code, name, _level, kind, _parent = division
    short = name[:-1]  # 芙蓉区 → 芙蓉, 云溪县 → 云溪
    urban = kind == "市辖区"
    if sector == "public_security" and urban:
        return f"云川市公安局{short}分局"  # urban districts' police are branches of the city bureau
    if sector == "natural_resources" and urban:
        return f"云川市自然资源和规划局{short}分局"
    if sector == "ecology":
        return f"云川市生态环境局{short}分局"  # 省以下生态环境机构垂直管理: county bureaus are branches
    if sector == "fire":
        return f"{'云川市' if urban else ''}{name}消防救援大队"
    if sector == "tax":
        return f"国家税务总局{'云川市' if urban else ''}{name}税务局"
    if sector == "health":
        base = "卫生健康局"
    return f"{'云川市' if urban else ''}{name}{base}"


def _phone(division_code: str, n: int) -> str:
    prefix = DISTRICT_INFO[division_code[:6]]["phone_prefix"]
    return f"{AREA_CODE}-{prefix}{n:05d}"


def departments() -> list[dict]:
    """Every department of the demo city, as fields for tongban.org.services.create_department."""
    by_code = {d[0]: d for d in DIVISIONS}
    out = []
    for order, (sector, (base, short, kind, where)) in enumerate(SECTORS.items(), start=1):
        enterprise = sector in ENTERPRISE_SECTORS
        name = base if enterprise else ("国家税务总局云川市税务局" if sector == "tax" else f"云川市{base}")
        info = DISTRICT_INFO[CITY_CODE]
        out.append({
            "division": CITY_CODE, "name": name, "short_name": short, "sector": sector, "order": order,
            "credit_code": credit_code(kind, CITY_CODE, name),
            "address": CITY_ADDRESSES.get(sector, f"云川市芙蓉区{info['road']}{100 + order * 2}号"),
            "phone": _phone(CITY_CODE, 10000 + order * 111),
            "supervise_phone": _phone(CITY_CODE, 20000 + order * 111),
        })
        if where == "city":
            continue
        for code in ("431402", "431403", "431421"):
            division = by_code[code]
            if where == "county" and division[3] != "县":
                continue
            name = _district_name(sector, base, division)
            dinfo = DISTRICT_INFO[code]
            out.append({
                "division": code, "name": name, "short_name": short, "sector": sector, "order": order,
                "credit_code": credit_code(kind, code, name),
                "address": f"云川市{division[1]}{dinfo['road']}{20 + order * 3}号",
                "phone": _phone(code, 10000 + order * 111),
                "supervise_phone": _phone(code, 20000 + order * 111),
            })
    for i, (code, name, level, kind, parent) in enumerate(DIVISIONS):
        county = by_code[code[:6]][1]
        if level == 5:
            full = f"{county}{name}{'办事处' if kind == '街道' else '人民政府'}"
            out.append({
                "division": code, "name": full, "short_name": name, "sector": TOWN_SECTOR, "order": 1,
                "credit_code": credit_code("11", code, full),
                "address": f"云川市{county}{name}政府路{8 + i}号", "phone": _phone(code, 30000 + i * 37),
                "supervise_phone": _phone(code, 40000 + i * 37),
            })
        elif level == 6:
            full = f"{name}{'居民委员会' if kind == '社区' else '村民委员会'}"
            town = by_code[parent][1]
            out.append({
                "division": code, "name": full, "short_name": f"{name}{'居委会' if kind == '社区' else '村委会'}",
                "sector": VILLAGE_SECTOR, "order": 1,
                "credit_code": credit_code("54", code, f"{county}{town}{full}"),
                "address": f"云川市{county}{town}{name}党群服务中心", "phone": _phone(code, 50000 + i * 37),
                "supervise_phone": _phone(code, 40000 + (i // 3) * 37),
            })
    return out


# -- service sites and windows -------------------------------------------------------------------

def _offset(base: Decimal, i: int, step: str = "0.004100") -> Decimal:
    return (base + Decimal(step) * i).quantize(Decimal("0.000001"))


# Professional windows of a 政务服务中心: (number, name, sectors stationed there).
CITY_SPECIAL_WINDOWS = [
    ("12", "不动产登记专窗", ["natural_resources", "tax"]),
    ("13", "公安户政出入境专窗", ["public_security"]),
    ("14", "税务专窗", ["tax"]),
    ("15", "社保医保专窗", ["hrss", "medical_insurance"]),
    ("16", "住房公积金专窗", ["housing_fund"]),
    ("17", "水电气网联办专窗", ["water_supply", "power", "gas", "telecom"]),
    ("18", "企业开办专窗", ["market", "tax", "public_security"]),
]
DISTRICT_SPECIAL_WINDOWS = [
    ("12", "不动产登记专窗", ["natural_resources", "tax"]),
    ("13", "公安户政专窗", ["public_security"]),
    ("14", "社保医保专窗", ["hrss", "medical_insurance"]),
    ("15", "企业开办专窗", ["market", "tax"]),
    ("16", "婚姻登记专窗", ["civil_affairs"]),
]


def center_windows(special: list) -> list[dict]:
    windows = [{"number": f"{n:02d}", "name": f"综合受理窗口{n}", "kind": "comprehensive", "sectors": []}
               for n in range(1, 9)]
    windows += [
        {"number": "09", "name": "综合出件窗口", "kind": "pickup", "sectors": []},
        {"number": "10", "name": "帮办代办窗口", "kind": "help", "sectors": []},
        {"number": "11", "name": "“办不成事”反映窗口", "kind": "complaint", "sectors": []},
    ]
    windows += [{"number": n, "name": name, "kind": "special", "sectors": sectors} for n, name, sectors in special]
    return windows


TOWN_WINDOWS = [
    {"number": "01", "name": "综合受理窗口1", "kind": "comprehensive", "sectors": []},
    {"number": "02", "name": "综合受理窗口2", "kind": "comprehensive", "sectors": []},
    {"number": "03", "name": "综合受理窗口3", "kind": "comprehensive", "sectors": []},
    {"number": "04", "name": "综合出件及帮办代办窗口", "kind": "help", "sectors": []},
    {"number": "05", "name": "社保医保民政服务窗口", "kind": "special", "sectors": ["hrss", "medical_insurance", "civil_affairs"]},
]
VILLAGE_WINDOWS = [{"number": "01", "name": "代办服务窗口", "kind": "help", "sectors": []}]

# Villages with a 便民服务站 of their own; the others are served by their town's centre.
VILLAGE_STATIONS = {"431402001001", "431402003201", "431403100201", "431421100201", "431421101201",
                    "431421200201"}


def sites() -> list[dict]:
    """The service sites, each with its windows; windows name sectors, resolved by the loader."""
    by_code = {d[0]: d for d in DIVISIONS}
    city = DISTRICT_INFO[CITY_CODE]
    out = [{
        "division": CITY_CODE, "name": "云川市政务服务中心", "kind": "center",
        "address": "云川市芙蓉区云川大道288号市民之家一至三楼", "hours": CENTER_HOURS,
        "phone": f"{AREA_CODE}-5612345", "latitude": city["lat"], "longitude": city["lng"],
        "traffic": "乘1路、12路、K3路公交至“市民之家”站下车；市民之家地下停车场可免费停车2小时",
        "windows": center_windows(CITY_SPECIAL_WINDOWS),
    }]
    for code in ("431402", "431403", "431421"):
        division, info = by_code[code], DISTRICT_INFO[code]
        prefix = "云川市" if division[3] == "市辖区" else ""
        out.append({
            "division": code, "name": f"{prefix}{division[1]}政务服务中心", "kind": "center",
            "address": f"云川市{division[1]}{info['road']}99号", "hours": CENTER_HOURS,
            "phone": f"{AREA_CODE}-{info['phone_prefix']}12345", "latitude": info["lat"], "longitude": info["lng"],
            "traffic": f"乘公交至“{division[1]}政务服务中心”站下车",
            "windows": center_windows(DISTRICT_SPECIAL_WINDOWS),
        })
    for i, (code, name, level, _kind, parent) in enumerate(DIVISIONS):
        county, info = by_code[code[:6]][1], DISTRICT_INFO[code[:6]]
        if level == 5:
            out.append({
                "division": code, "name": f"{name}便民服务中心", "kind": "town",
                "address": f"云川市{county}{name}政府路{8 + i}号一楼", "hours": TOWN_HOURS,
                "phone": _phone(code, 60000 + i * 37),
                "latitude": _offset(info["lat"], i % 5), "longitude": _offset(info["lng"], i % 7, "0.005300"),
                "traffic": "", "windows": TOWN_WINDOWS,
            })
        elif code in VILLAGE_STATIONS:
            town = by_code[parent][1]
            out.append({
                "division": code, "name": f"{name}便民服务站", "kind": "village",
                "address": f"云川市{county}{town}{name}党群服务中心一楼", "hours": VILLAGE_HOURS,
                "phone": _phone(code, 50000 + i * 37),
                "latitude": _offset(info["lat"], i % 6, "-0.003700"),
                "longitude": _offset(info["lng"], i % 4, "0.006100"),
                "traffic": "", "windows": VILLAGE_WINDOWS,
            })
    return out
