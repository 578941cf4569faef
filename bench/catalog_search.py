"""Benchmark: plain-word search over a province-scale catalogue against a naive LIKE scan.

    python bench/catalog_search.py [--entries 500000] [--repeat 30] [--reuse]

Creates its own database (`tongban_bench` on the server of DATABASE_URL, default the PostgreSQL
test server; a SQLite URL uses /tmp/tongban_bench.sqlite3), migrates it, generates a province
(1 province, 14 cities, 140 counties, 1,400 towns), ~5,000 standard matters with realistic names,
results and materials, and `--entries` 实施清单 entries (~100 per matter across divisions), builds the
search index, then runs a fixed query mix (exact names, synonyms, pinyin, initials, typos, 1–2
character queries; some narrowed to a division or a service object) through

  * the engine: tongban.search.selectors.search (in-memory ranking + indexed place lookup), and
  * the baseline: `matter.name LIKE "%q%"` over the implementation table joined to the names,
    one row per matter (what a first implementation would write),

and prints p50/p95/p99, throughput, the speedup, and how often each put the expected matter first.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# fmt: off
PROVINCE = ("490000", "云岭省")  # a code no real province uses
CITY_NAMES = [
    "云川", "青岚", "临江", "石门", "安平", "白沙", "龙泉", "桂阳", "清河", "长宁", "东湖", "南屏", "西岭",
    "北塘",
]
COUNTY_SUFFIX = [
    "城区", "新区", "县", "东县", "西县", "南县", "北县", "山县", "溪县", "湖县",
]
TOWN_NAMES = [
    "城关镇", "河口镇", "新塘镇", "白石镇", "龙山乡", "青石镇", "马田镇", "桥头镇", "东江街道", "西湖街道",
]
# sector: (department name suffix, [(subject, result suffix)], service objects)
SECTORS = {
    "market": ("市场监督管理局", [
        ("食品经营", "许可证"), ("药品零售", "许可证"), ("特种设备使用", "登记证"), ("食品生产", "许可证"),
        ("医疗器械经营", "备案凭证"), ("计量器具", "检定证书"), ("工业产品生产", "许可证"),
        ("农民专业合作社", "营业执照"),
    ], ["2"]),
    "health": ("卫生健康委员会", [
        ("医疗机构执业", "许可证"), ("公共场所卫生", "许可证"), ("母婴保健技术服务", "执业许可证"),
        ("放射诊疗", "许可证"), ("医师执业", "证书"), ("护士执业", "证书"),
        ("消毒产品生产企业卫生", "许可证"), ("饮用水供水单位卫生", "许可证"),
    ], ["1", "2"]),
    "police": ("公安局", [
        ("户口迁移", "准迁证"), ("居住证", "居住证"), ("机动车", "行驶证"), ("机动车驾驶证", "驾驶证"),
        ("出入境通行证", "通行证"), ("普通护照", "护照"), ("剧毒化学品购买", "许可证"),
        ("保安服务公司设立", "许可证"),
    ], ["1"]),
    "civil": ("民政局", [
        ("社会团体", "登记证书"), ("民办非企业单位", "登记证书"), ("最低生活保障", "待遇"),
        ("特困人员救助供养", "待遇"), ("临时救助", "决定书"), ("残疾人两项补贴", "待遇"),
        ("殡葬设施建设", "批复"), ("养老机构", "备案回执"),
    ], ["1", "2"]),
    "hrss": ("人力资源和社会保障局", [
        ("失业保险金", "待遇"), ("养老保险待遇", "核定表"), ("工伤认定", "认定书"),
        ("职业技能等级", "证书"), ("劳务派遣经营", "许可证"), ("人力资源服务", "许可证"),
        ("社会保障卡", "社会保障卡"), ("就业创业证", "就业创业证"),
    ], ["1", "2"]),
    "housing": ("住房和城乡建设局", [
        ("建筑工程施工", "许可证"), ("住房公积金", "凭证"), ("商品房预售", "许可证"),
        ("建筑业企业资质", "证书"), ("城镇污水排入排水管网", "许可证"), ("燃气经营", "许可证"),
        ("房屋建筑工程竣工验收", "备案表"), ("公共租赁住房", "资格确认书"),
    ], ["1", "2"]),
    "land": ("自然资源局", [
        ("不动产", "权证书"), ("建设工程规划", "许可证"), ("建设用地规划", "许可证"),
        ("乡村建设规划", "许可证"), ("林木采伐", "许可证"), ("采矿权", "许可证"), ("测绘资质", "证书"),
        ("临时用地", "批复"),
    ], ["1", "2"]),
    "transport": ("交通运输局", [
        ("道路旅客运输经营", "许可证"), ("道路货物运输经营", "许可证"), ("出租汽车经营", "许可证"),
        ("机动车维修经营", "备案"), ("船舶营业运输", "证"), ("公路超限运输", "许可证"),
        ("驾驶员培训", "备案"), ("网络预约出租汽车运输", "证"),
    ], ["1", "2"]),
    "education": ("教育局", [
        ("民办学校办学", "许可证"), ("教师资格", "证书"), ("适龄儿童入学", "通知书"),
        ("校外培训机构", "许可证"), ("学历证明", "证明"), ("学生资助", "决定"), ("幼儿园办园", "许可证"),
        ("中等职业学校学籍", "证明"),
    ], ["1", "2"]),
    "ecology": ("生态环境局", [
        ("排污", "许可证"), ("建设项目环境影响报告书", "批复"), ("危险废物经营", "许可证"),
        ("辐射安全", "许可证"), ("环境影响登记表", "备案"), ("噪声排放", "许可"),
        ("机动车排放检验", "证明"), ("污染防治设施拆除", "批复"),
    ], ["2"]),
    "medical": ("医疗保障局", [
        ("医疗保险", "参保凭证"), ("城乡居民医疗保险", "参保凭证"), ("医疗费用", "报销单"),
        ("异地就医", "备案"), ("生育保险待遇", "核定表"), ("门诊慢特病", "认定"), ("定点医药机构", "协议"),
        ("医疗救助", "决定书"),
    ], ["1", "2"]),
    "agriculture": ("农业农村局", [
        ("农药经营", "许可证"), ("种子生产经营", "许可证"), ("兽药经营", "许可证"), ("渔业捕捞", "许可证"),
        ("动物防疫条件", "合格证"), ("农村宅基地", "批准书"), ("拖拉机和联合收割机", "登记证"),
        ("肥料", "登记证"),
    ], ["1", "2"]),
}
ACTIONS = [
    "许可（新办）", "许可（延续）", "许可（变更）", "许可（注销）", "登记", "变更登记", "注销登记", "备案",
    "核定", "审批", "认定", "申请", "补领", "换领", "首次登记", "转移登记", "查询", "证明开具", "资格确认",
    "待遇申领", "年度报告", "信息变更",
]
QUALIFIERS = [
    "", "（个人）", "（单位）", "（跨省通办）",
]
MATERIALS = [
    "申请书", "居民身份证", "营业执照", "法定代表人身份证明", "授权委托书", "场所使用证明", "章程",
    "承诺书", "相关证明材料", "户口簿", "结婚证", "照片", "合同", "平面图", "检测报告",
]
# The matters of the acceptance criteria, with the department that implements them.
KNOWN = [
    ("出生医学证明办理", "health", "出生医学证明",
     ["新生儿父母有效身份证件", "出生医学证明首次签发登记表"], ["1"]),
    ("出生登记", "police", "居民户口簿", ["出生医学证明", "父母居民户口簿"], ["1"]),
    ("生育登记", "health", "生育登记服务单", ["夫妻双方居民身份证", "结婚证"], ["1"]),
    ("企业设立登记", "market", "营业执照", ["公司登记（备案）申请书", "公司章程", "住所使用相关文件"], ["2"]),
    ("个体工商户设立登记", "market", "营业执照", ["个体工商户登记（备案）申请书", "经营者身份证明"], ["1"]),
    ("居民身份证换领", "police", "居民身份证", ["原居民身份证", "居民户口簿"], ["1"]),
    ("不动产转移登记", "land", "不动产权证书", ["不动产权证书", "买卖合同", "身份证明"], ["1", "2"]),
    ("住房公积金提取", "housing", "提取凭证", ["居民身份证", "购房合同"], ["1"]),
    ("结婚登记", "civil", "结婚证", ["居民户口簿", "居民身份证", "本人无配偶声明"], ["1"]),
    ("食品经营许可（新办）", "market", "食品经营许可证", ["食品经营许可申请书", "营业执照"], ["1", "2"]),
    ("医疗机构执业许可（新办）", "health", "医疗机构执业许可证",
     ["医疗机构执业登记申请书", "营业执照"], ["2"]),
]

# (query, division: None / "city" / "county", service object, expected first title(s) or None)
QUERIES = [
    ("生孩子", None, None, "出生医学证明办理"),
    ("开饭店", None, None, "食品经营许可（新办）"),
    ("csyxzm", None, None, "出生医学证明办理"),
    ("营业执照", None, None, "企业设立登记|个体工商户设立登记"),
    ("出生医学正明", None, None, "出生医学证明办理"),
    ("身分证", None, None, "居民身份证换领"),
    ("chushengyixue", None, None, "出生医学证明办理"),
    ("企业设立登记", None, None, "企业设立登记"),
    ("食品经营许可（新办）", None, None, "食品经营许可（新办）"),
    ("二手房", None, None, "不动产转移登记"),
    ("公积金", None, None, None),  # many 住房公积金 matters: no single right answer
    ("结婚", None, None, "结婚登记"),
    ("spjyxk", None, None, "食品经营许可（新办）"),
    ("yingyezhizhao", None, None, None),
    ("社保", None, None, None),
    ("证", None, None, None),
    ("户口", None, None, None),
    ("医保", None, None, None),
    ("排污许可", None, None, None),
    ("退休", None, None, None),
    ("食品经营许可", "county", None, "食品经营许可（新办）"),
    ("营业执照", "city", "2", "企业设立登记"),
    ("医疗机构执业许可（新办）", "city", None, "医疗机构执业许可（新办）"),
    ("开饭店", "county", None, "食品经营许可（新办）"),
]
# fmt: on


def bench_database_url(name: str) -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    if url.startswith("sqlite"):
        return "sqlite:////tmp/tongban_bench.sqlite3"
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def recreate_database(url: str) -> None:
    if url.startswith("sqlite"):
        Path("/tmp/tongban_bench.sqlite3").unlink(missing_ok=True)
        return
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path[1:]}"')
        conn.execute(f'CREATE DATABASE "{parts.path[1:]}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("TONGBAN_DATA_DIR", "/tmp/tongban_bench_data")
    os.environ["TONGBAN_SEARCH_WARMUP"] = "0"  # the bench times the warm-up itself
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")
    import django

    django.setup()


def generate(entries: int, seed: int = 20261123) -> dict:
    """Bulk-insert a province-scale catalogue; returns handles used by the query mix."""
    from django.db import transaction

    from tongban.catalog.models import (
        Implementation,
        Material,
        Matter,
        MatterResult,
        MatterVersion,
        ServiceObject,
    )
    from tongban.core.validators import credit_code_check_char
    from tongban.org.models import Department, Division, Level

    rnd = random.Random(seed)
    serial = iter(range(1, 10_000_000))

    def credit(division_code: str) -> str:
        body = f"11{division_code[:6]}MB{next(serial):07d}"
        return body + credit_code_check_char(body)

    with transaction.atomic():
        province = Division.objects.create(code=PROVINCE[0], name=PROVINCE[1], level=Level.PROVINCE)
        cities, counties, towns = [], [], []
        for ci, cname in enumerate(CITY_NAMES, start=1):
            cities.append(
                Division(code=f"49{ci:02d}00", name=f"{cname}市", level=Level.CITY, parent=province)
            )
        Division.objects.bulk_create(cities)
        for city in cities:
            for ki, suffix in enumerate(COUNTY_SUFFIX, start=1):
                name = city.name[:-1] + suffix if suffix.endswith("区") else city.name[:2] + suffix
                counties.append(
                    Division(code=f"{city.code[:4]}{ki + 20:02d}", name=name, level=Level.COUNTY, parent=city)
                )
        Division.objects.bulk_create(counties)
        for county in counties:
            for ti, tname in enumerate(TOWN_NAMES, start=1):
                towns.append(
                    Division(
                        code=f"{county.code}{ti:03d}000",
                        name=county.name + tname,
                        level=Level.TOWN,
                        parent=county,
                    )
                )
        Division.objects.bulk_create(towns)

        depts = []
        by_sector: dict[str, list[Department]] = {s: [] for s in SECTORS}
        for div in [province, *cities, *counties]:
            for sector, (suffix, _subjects, _objs) in SECTORS.items():
                d = Department(
                    division=div, name=div.name + suffix, sector=sector, credit_code=credit(div.code)
                )
                depts.append(d)
                by_sector[sector].append(d)
        town_depts = [
            Department(division=t, name=t.name + "便民服务中心", sector="town", credit_code=credit(t.code))
            for t in towns
        ]
        Department.objects.bulk_create(depts + town_depts, batch_size=2000)

        # Standard matters: the known ones, then sector subject × action × qualifier.
        specs = [(name, sector, result, materials, objs) for name, sector, result, materials, objs in KNOWN]
        known_names = {s[0] for s in specs}
        for sector, (_suffix, subjects, objs) in SECTORS.items():
            for subject, result in subjects:
                for action in ACTIONS:
                    for qualifier in QUALIFIERS:
                        name = f"{subject}{action}{qualifier}"
                        if name in known_names:
                            continue
                        mats = rnd.sample(MATERIALS, 4)
                        specs.append(
                            (
                                name,
                                sector,
                                subject + result,
                                [f"{subject}{m}" if i == 0 else m for i, m in enumerate(mats)],
                                objs,
                            )
                        )
        n_matters = max(len(KNOWN), entries // 100)
        specs = specs[: len(KNOWN)] + rnd.sample(
            specs[len(KNOWN) :], min(n_matters - len(KNOWN), len(specs) - len(KNOWN))
        )
        matters = [
            Matter(
                basic_code=f"0002{i:08d}",
                name=s[0],
                matter_type=rnd.choice(["01", "07", "20", "05"]),
                owner_department=by_sector[s[1]][0],
            )
            for i, s in enumerate(specs)
        ]
        Matter.objects.bulk_create(matters, batch_size=2000)
        versions = [
            MatterVersion(
                matter=m,
                number=1,
                status="published",
                name=m.name,
                matter_type=m.matter_type,
                legal_basis="《中华人民共和国行政许可法》",
                conditions="符合法定条件",
                levels="3,4",
                promised_limit_days=5,
                legal_limit_days=20,
                online_depth=5,
            )
            for m in matters
        ]
        MatterVersion.objects.bulk_create(versions, batch_size=2000)
        for m, v in zip(matters, versions, strict=True):
            m.current_version = v
        Matter.objects.bulk_update(matters, ["current_version"], batch_size=2000)
        objects = {o.code: o for o in ServiceObject.objects.all()}
        through = MatterVersion.service_objects.through
        through.objects.bulk_create(
            [
                through(matterversion_id=v.pk, serviceobject_id=objects[c].pk)
                for v, s in zip(versions, specs, strict=True)
                for c in s[4]
            ],
            batch_size=5000,
        )
        MatterResult.objects.bulk_create(
            [MatterResult(version=v, order=1, name=s[2]) for v, s in zip(versions, specs, strict=True)],
            batch_size=5000,
        )
        Material.objects.bulk_create(
            [
                Material(version=v, order=i, name=name)
                for v, s in zip(versions, specs, strict=True)
                for i, name in enumerate(s[3], start=1)
            ],
            batch_size=5000,
        )

        per = max(1, entries // len(matters))
        total, batch = 0, []
        for m, s in zip(matters, specs, strict=True):
            pool = by_sector[s[1]]
            # A third of the matters are also handled by towns" service centres (便民服务中心).
            if rnd.random() < 0.33:
                pool = pool + town_depts
            for d in rnd.sample(pool, min(per, len(pool))):
                level = d.division.level
                batch.append(
                    Implementation(
                        matter=m,
                        department=d,
                        level=level,
                        code=f"{d.credit_code}{level}{m.basic_code}",
                        status="active",
                        place=d.division.name + "政务服务中心",
                        hours="周一至周五 9:00-17:00",
                        consult_phone="0739-12345",
                        supervise_phone="0739-12345",
                    )
                )
            if len(batch) >= 20000:
                Implementation.objects.bulk_create(batch, batch_size=5000)
                total += len(batch)
                batch = []
        Implementation.objects.bulk_create(batch, batch_size=5000)
        total += len(batch)
    return {
        "matters": len(matters),
        "entries": total,
        "divisions": 1 + len(cities) + len(counties) + len(towns),
        "departments": len(depts) + len(town_depts),
    }


def pick_divisions() -> dict:
    from tongban.org.models import Division, Level

    return {
        "city": Division.objects.filter(level=Level.CITY).order_by("code").first(),
        "county": Division.objects.filter(level=Level.COUNTY).order_by("code")[3],
    }


def baseline_search(q: str, division: str | None, service_object: str | None):
    """The naive way, as the catalogue's browse filter does it: `matter.name LIKE '%q%'` over the
    public implementation entries (joined to matter, version, department, division), a page of 20
    ordered by code, and the count for the pager."""
    from tongban.catalog.selectors import filter_implementations, public_implementations

    qs = filter_implementations(
        public_implementations(), division=division, service_object=service_object, text=q
    )
    rows = [(i.matter_id, i.matter.name, i.code) for i in qs[:20]]
    return rows, qs.count()


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def summary(label: str, samples: list[float], wall: float) -> str:
    ms = [s * 1000 for s in samples]
    return (
        f"{label:<10} n={len(ms):>5}  p50={percentile(ms, 0.5):8.2f} ms  p95={percentile(ms, 0.95):8.2f} ms  "
        f"p99={percentile(ms, 0.99):8.2f} ms  mean={statistics.mean(ms):8.2f} ms  "
        f"throughput={len(ms) / wall:8.1f} q/s"
    )


def expected_first(expected: str | None, title: str | None) -> bool:
    return expected is not None and title is not None and title in expected.split("|")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--entries", type=int, default=500_000, help="实施清单 entries to generate (default 500000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=30, help="runs of the query mix for the engine (default 30)"
    )
    parser.add_argument(
        "--baseline-repeat", type=int, default=3, help="runs of the query mix for the baseline"
    )
    parser.add_argument(
        "--db-name", default="tongban_bench", help="database to (re)create (default tongban_bench)"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse the generated database if it exists")
    args = parser.parse_args(argv)

    url = bench_database_url(args.db_name)
    started = time.perf_counter()
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    from tongban.catalog.indexing import reindex_all
    from tongban.catalog.models import Implementation
    from tongban.search import engine, selectors, text
    from tongban.search.models import SearchDocument

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    if not (args.reuse and Implementation.objects.exists()):
        t = time.perf_counter()
        info = generate(args.entries)
        print(
            f"generated {info['entries']:,} 实施清单 entries of {info['matters']:,} standard matters across "
            f"{info['divisions']:,} divisions / {info['departments']:,} departments "
            f"in {time.perf_counter() - t:.1f} s"
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("ANALYZE")
    else:
        print(f"reusing {Implementation.objects.count():,} entries")

    t = time.perf_counter()
    text.warm_up()
    print(f"jieba dictionary load (once per process): {time.perf_counter() - t:.2f} s")
    if not (args.reuse and SearchDocument.objects.exists()):
        t = time.perf_counter()
        n = reindex_all()
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("ANALYZE search_searchplace")
        print(f"index build (reindex_all): {n:,} documents in {time.perf_counter() - t:.1f} s")
    engine.reset(hard=True)
    t = time.perf_counter()
    engine.get_index()
    print(f"in-memory index load (once per process and change): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    engine.get_index().places()
    print(f"places load (on the first division search after a change): {time.perf_counter() - t:.2f} s")

    divisions = pick_divisions()
    mix = [(q, divisions[d].code if d else None, o, e) for q, d, o, e in QUERIES]

    # Quality: does each put the expected matter first?
    engine_ok = baseline_ok = judged = 0
    print("\nquery                      where    engine first result              baseline first result")
    for q, div, obj, exp in mix:
        got = selectors.search(q, division=div, service_object=obj, limit=10).results
        base, _count = baseline_search(q, div, obj)
        e_title = got[0].title if got else None
        b_title = base[0][1] if base else None
        if exp:
            judged += 1
            engine_ok += expected_first(exp, e_title)
            baseline_ok += expected_first(exp, b_title)
        where = ("county" if div == divisions["county"].code else "city" if div else "-") + (
            f"/{obj}" if obj else ""
        )
        print(f"{q:<24} {where:<8} {str(e_title)[:30]:<32} {str(b_title)[:30]}")

    rnd = random.Random(7)
    samples, wall = [], 0.0
    per_query: dict[tuple, list[float]] = {}
    for _ in range(args.repeat):
        order = mix[:]
        rnd.shuffle(order)
        for q, div, obj, _exp in order:
            t = time.perf_counter()
            selectors.search(q, division=div, service_object=obj, limit=20)
            dt = time.perf_counter() - t
            per_query.setdefault((q, div, obj), []).append(dt)
            samples.append(dt)
            wall += dt
    base_samples, base_wall = [], 0.0
    for _ in range(args.baseline_repeat):
        order = mix[:]
        rnd.shuffle(order)
        for q, div, obj, _exp in order:
            t = time.perf_counter()
            baseline_search(q, div, obj)
            dt = time.perf_counter() - t
            base_samples.append(dt)
            base_wall += dt

    print()
    print(summary("engine", samples, wall))
    print(summary("baseline", base_samples, base_wall))
    e95, b95 = percentile(samples, 0.95), percentile(base_samples, 0.95)
    e50, b50 = percentile(samples, 0.5), percentile(base_samples, 0.5)
    print(
        f"speedup: p50 {b50 / e50:.0f}x, p95 {b95 / e95:.0f}x   "
        f"(target: engine p95 <= 20 ms: {'met' if e95 * 1000 <= 20 else 'MISSED'}; "
        f">= 10x baseline: {'met' if b95 / e95 >= 10 else 'MISSED'})"
    )
    slow = sorted(per_query.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    print(
        "slowest engine queries (p50): "
        + ", ".join(
            f"{q}{'@' + d if d else ''}{'/' + o if o else ''} {statistics.median(v) * 1000:.1f} ms"
            for (q, d, o), v in slow
        )
    )
    print(f"expected matter first: engine {engine_ok}/{judged}, baseline {baseline_ok}/{judged}")
    print(f"total run time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
