"""A catalogue editor loads the demo matters for companies and organisations into the catalogue."""

import pytest

from tongban.catalog.models import Category, Matter, ServiceObject
from tongban.catalog.services import publish_spec
from tongban.catalog.spec import CHILDREN, SCALAR_FIELDS, normalise_spec, version_spec
from tongban.catalog.tests.builders import make_department, make_division
from tongban.demo.data.matters_business import MATTERS

pytestmark = pytest.mark.django_db

SECTORS = {
    "gov_service", "public_security", "civil_affairs", "justice", "hrss", "natural_resources", "ecology",
    "housing", "transport", "water", "agriculture", "commerce", "culture_tourism", "health", "veterans",
    "emergency", "market", "medical_insurance", "education", "forestry", "urban_management", "fire",
    "housing_fund", "tax", "disabled", "town_gov", "village_committee", "water_supply", "power", "gas", "telecom",
}
LOADER_KEYS = {"basic_code", "sector", "implemented_at"}
SPEC_KEYS = set(SCALAR_FIELDS) | set(CHILDREN) | {"service_objects", "categories"}
LEVEL_CODES = {"city": "3", "district": "4", "town": "5", "village": "6"}


def _spec(entry):
    return {k: v for k, v in entry.items() if k not in LOADER_KEYS}


def _departments():
    """One city department per sector, as the demo structure creates them."""
    city = make_division(code="431400", name="云川市")
    return {sector: make_department(city, name=f"云川市{sector}", sector=sector)
            for sector in sorted({m["sector"] for m in MATTERS})}


def _load_all(departments):
    return [publish_spec(None, basic_code=m["basic_code"], owner_department=departments[m["sector"]],
                         spec=_spec(m)) for m in MATTERS]


def test_every_business_matter_is_published_with_its_guide():
    published = _load_all(_departments())

    assert len(MATTERS) >= 70
    assert all(changed for _version, changed in published)
    assert Matter.objects.filter(basic_code__startswith="0002", current_version__isnull=False).count() == len(MATTERS)
    for entry, (version, _changed) in zip(MATTERS, published, strict=True):
        assert version.name == entry["name"]
        assert version.materials.count() == len(entry["materials"]) >= 1
        assert version.steps.count() == len(entry["steps"]) >= 2
        assert version.results.count() == len(entry["results"]) >= 1
        assert version.service_objects.count() == len(entry["service_objects"]) >= 1
        # Every category code must exist, otherwise apply_spec would silently drop it.
        assert version.categories.count() == len(entry["categories"]) >= 1, entry["name"]


def test_loading_the_same_catalogue_again_changes_nothing():
    departments = _departments()
    first = _load_all(departments)
    again = _load_all(departments)

    assert [changed for _v, changed in again] == [False] * len(MATTERS)
    assert [v.pk for v, _c in again] == [v.pk for v, _c in first]
    for entry, (version, _changed) in zip(MATTERS, again, strict=True):
        assert version_spec(version) == normalise_spec(_spec(entry)), entry["name"]


def test_each_entry_follows_the_demo_data_conventions():
    codes = [m["basic_code"] for m in MATTERS]
    assert len(codes) == len(set(codes))
    known_categories = set(Category.objects.values_list("code", flat=True))
    known_objects = set(ServiceObject.objects.values_list("code", flat=True))
    for m in MATTERS:
        label = f"{m['basic_code']} {m['name']}"
        assert set(m) - {"form_spec"} == SPEC_KEYS | LOADER_KEYS, label  # the form is optional
        assert len(m["basic_code"]) == 12 and m["basic_code"].startswith("0002") and m["basic_code"].isdigit(), label
        assert m["sector"] in SECTORS, label
        assert m["legal_basis"].strip() and m["conditions"].strip(), label
        assert m["implemented_at"] and set(m["implemented_at"]) <= set(LEVEL_CODES), label
        assert {LEVEL_CODES[x] for x in m["implemented_at"]} <= set(m["levels"].split(",")), label
        if m["legal_limit_days"] is not None:
            assert m["promised_limit_days"] <= m["legal_limit_days"], label
        else:
            assert m["limit_note"], f"{label}: 无法定时限时应在时限说明中写明"
        assert (m["case_kind"] == 1) == (m["promised_limit_days"] == 0), label
        step_days = sum(s["limit_days"] or 0 for s in m["steps"])
        assert step_days <= m["promised_limit_days"], label
        assert set(m["categories"]) <= known_categories, label
        assert set(m["service_objects"]) <= known_objects, label
        assert m["has_fee"] == bool(m["fees"]), label
        if m["sector"] in {"water_supply", "power", "gas", "telecom"}:
            assert m["matter_type"] == "20", f"{label}: 公用企业提供的是公共服务事项"


def test_the_business_themes_find_all_their_matters():
    names = {m["name"] for m in MATTERS}
    themes = {
        "开办餐饮店": ["企业设立登记", "个体工商户设立登记", "食品经营许可（新办）", "食品小经营许可（小餐饮、小食品店）",
                   "公众聚集场所投入使用、营业前消防安全检查", "城镇污水排入排水管网许可",
                   "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批"],
        "我要开便利店": ["仅销售预包装食品备案", "烟草专卖零售许可证核发", "药品经营许可（零售）"],
        "开办运输企业": ["道路货物运输经营许可（普通货运）"],
        "企业信息变更": ["企业变更登记"],
        "企业注销": ["企业注销登记", "企业简易注销登记", "税务注销（清税证明开具）"],
        "信用修复": ["行政处罚信息信用修复（“信用中国”网站）", "市场监督管理行政处罚信息信用修复"],
        "水电气网联合报装": ["用水报装（新装）", "低压用电报装（小微企业）", "燃气报装（工商业用户）",
                      "宽带及固定电话报装（企业）"],
    }
    missing = {theme: [n for n in wanted if n not in names] for theme, wanted in themes.items()}
    assert missing == {theme: [] for theme in themes}
    restaurant_health = next(m for m in MATTERS if m["sector"] == "health" and "公共场所卫生许可" in m["name"])
    assert "饭馆" in restaurant_health["name"], "饭馆等4类场所自2016年起不再办理公共场所卫生许可"
