"""A small real catalogue: a city, one county below it, a handful of published matters with their
implementation entries, indexed the way publishing indexes them."""

import pytest

from tongban.catalog.indexing import reindex_all
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.tests.builders import make_department, make_division, matter_spec
from tongban.org.models import Level
from tongban.search import engine

LOCAL = {
    "place": "云川市政务服务中心",
    "hours": "周一至周五 9:00-17:00",
    "consult_phone": "0739-12345",
    "supervise_phone": "0739-12345",
}

MATTERS = {
    # key: (basic code, department key, spec overrides)
    "birth_cert": (
        "000220107000",
        "health",
        {
            "name": "出生医学证明办理",
            "matter_type": "07",
            "service_objects": ["1"],
            "categories": [],
            "legal_basis": "《中华人民共和国母婴保健法》第二十三条",
            "materials": [{"name": "新生儿父母有效身份证件"}, {"name": "出生医学证明首次签发登记表"}],
            "results": [{"name": "出生医学证明", "kind": "licence"}],
        },
    ),
    "birth_registration": (
        "000107030000",
        "police",
        {
            "name": "出生登记",
            "matter_type": "07",
            "service_objects": ["1"],
            "categories": [],
            "legal_basis": "《中华人民共和国户口登记条例》第七条",
            "materials": [{"name": "出生医学证明"}, {"name": "父母居民户口簿"}],
            "results": [{"name": "居民户口簿", "kind": "licence"}],
        },
    ),
    "fertility": (
        "000220108000",
        "health",
        {
            "name": "生育登记",
            "matter_type": "20",
            "service_objects": ["1"],
            "categories": [],
            "legal_basis": "《中华人民共和国人口与计划生育法》",
            "materials": [{"name": "夫妻双方居民身份证"}, {"name": "结婚证"}],
            "results": [{"name": "生育登记服务单", "kind": "other"}],
        },
    ),
    "food": ("000201035000", "market", {"service_objects": ["1", "2"]}),
    "company": (
        "000201001000",
        "market",
        {
            "name": "企业设立登记",
            "service_objects": ["2"],
            "categories": [],
            "legal_basis": "《中华人民共和国市场主体登记管理条例》",
            "materials": [
                {"name": "公司登记（备案）申请书"},
                {"name": "公司章程"},
                {"name": "住所使用相关文件"},
            ],
            "results": [{"name": "营业执照", "kind": "licence"}],
        },
    ),
    "sole_trader": (
        "000201002000",
        "market",
        {
            "name": "个体工商户设立登记",
            "service_objects": ["1"],
            "categories": [],
            "legal_basis": "《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》",
            "materials": [{"name": "个体工商户登记（备案）申请书"}, {"name": "经营者身份证明"}],
            "results": [{"name": "营业执照", "kind": "licence"}],
        },
    ),
    "fire": (
        "000111012000",
        "fire",
        {
            "name": "公众聚集场所投入使用、营业前消防安全检查",
            "service_objects": ["2"],
            "categories": [],
            "legal_basis": "《中华人民共和国消防法》第十五条",
            "materials": [{"name": "公众聚集场所投入使用、营业前消防安全检查申请表"}, {"name": "营业执照"}],
            "results": [{"name": "公众聚集场所投入使用、营业前消防安全检查合格证", "kind": "licence"}],
        },
    ),
    "id_card": (
        "000107005000",
        "police",
        {
            "name": "居民身份证换领",
            "matter_type": "07",
            "service_objects": ["1"],
            "categories": [],
            "legal_basis": "《中华人民共和国居民身份证法》第五条",
            "materials": [{"name": "原居民身份证"}, {"name": "居民户口簿"}],
            "results": [{"name": "居民身份证", "kind": "licence"}],
        },
    ),
}


class Catalogue:
    """Handles on what the fixture built, by short name."""

    def __init__(self):
        self.versions, self.impls = {}, {}

    def matter(self, name):
        return self.versions[name].matter

    def code(self, name, where="city"):
        return self.impls[(name, where)].code


@pytest.fixture
def catalogue(db):
    engine.reset(hard=True)
    city = make_division()
    county = make_division(code="439921", name="云溪县", level=Level.COUNTY, parent=city)
    depts = {
        "market": make_department(city, "云川市市场监督管理局", "market"),
        "health": make_department(city, "云川市卫生健康委员会", "health"),
        "police": make_department(city, "云川市公安局", "police"),
        "fire": make_department(city, "云川市消防救援支队", "fire"),
    }
    county_depts = {
        "market": make_department(county, "云溪县市场监督管理局", "market"),
        "police": make_department(county, "云溪县公安局", "police"),
    }
    cat = Catalogue()
    cat.city, cat.county, cat.depts, cat.county_depts = city, county, depts, county_depts
    for name, (basic_code, dept, over) in MATTERS.items():
        version, _ = publish_spec(
            None, basic_code=basic_code, owner_department=depts[dept], spec=matter_spec(**over)
        )
        cat.versions[name] = version
        cat.impls[(name, "city")] = add_implementation(None, version.matter, depts[dept], **LOCAL)
        if dept in county_depts:
            cat.impls[(name, "county")] = add_implementation(
                None, version.matter, county_depts[dept], **LOCAL
            )
    # Tests run inside a transaction, so publishing's on-commit reindex does not fire: index now.
    reindex_all()
    return cat


def titles(results):
    return [r.title for r in results]
