"""Loading the demo's matters for natural persons publishes every one exactly as written.

An editor who opens any of these guides must see the same materials, steps, results and
categories that the data file declares; loading the demo twice must change nothing.
"""

import pytest

from tongban.catalog.codes import CaseKind, MaterialForm, MaterialSource, MatterType, ResultKind, TongbanScope
from tongban.catalog.models import Category, Material, MatterResult, MatterVersion, ProcessStep, ServiceObject
from tongban.catalog.services import publish_spec
from tongban.catalog.spec import CHILDREN, SCALAR_FIELDS, normalise_spec, version_spec
from tongban.catalog.tests.builders import make_department, make_division
from tongban.demo.data.matters_people import LEVEL_CODES, MATTERS

SECTORS = {
    "gov_service", "public_security", "civil_affairs", "justice", "hrss", "natural_resources", "ecology",
    "housing", "transport", "water", "agriculture", "commerce", "culture_tourism", "health", "veterans",
    "emergency", "market", "medical_insurance", "education", "forestry", "urban_management", "fire",
    "housing_fund", "tax", "disabled", "town_gov", "village_committee", "water_supply", "power", "gas",
    "telecom",
}
LOADER_KEYS = {"basic_code", "sector", "implemented_at"}
SPEC_KEYS = set(SCALAR_FIELDS) | {"service_objects", "categories"} | set(CHILDREN)
UTILITY_SECTORS = {"water_supply", "power", "gas", "telecom"}


def _spec(entry):
    return {k: v for k, v in entry.items() if k not in LOADER_KEYS}


def test_every_entry_is_well_formed():
    assert len(MATTERS) >= 70
    codes = [m["basic_code"] for m in MATTERS]
    assert len(codes) == len(set(codes)), "基本编码重复"
    names = [m["name"] for m in MATTERS]
    assert len(names) == len(set(names)), "事项名称重复"
    for m in MATTERS:
        label = f"{m['basic_code']} {m['name']}"
        assert set(m) - {"form_spec"} == SPEC_KEYS | LOADER_KEYS, label  # the form is optional
        assert len(m["basic_code"]) == 12 and m["basic_code"].startswith("0001") and m["basic_code"].isdigit(), label
        assert m["sector"] in SECTORS, label
        assert m["implemented_at"] and set(m["implemented_at"]) <= {"city", "district", "town", "village"}, label
        assert m["matter_type"] in MatterType.values, label
        assert (m["matter_type"] == "20") or m["sector"] not in UTILITY_SECTORS, label
        assert m["legal_basis"].strip() and m["conditions"].strip(), label
        assert m["case_kind"] in CaseKind.values, label
        if m["legal_limit_days"] is not None:
            assert m["promised_limit_days"] <= m["legal_limit_days"], label
        else:
            assert m["limit_note"].strip(), f"{label}: 法定时限为空时须在时限说明中写明"
        if m["case_kind"] == CaseKind.IMMEDIATE:
            assert m["promised_limit_days"] == 0, label
        assert m["tongban_scope"] in TongbanScope.values, label
        assert m["service_objects"] and "1" in m["service_objects"], label
        assert m["categories"] and all(c.startswith(("P-T", "P-L")) for c in m["categories"]), label
        assert m["has_fee"] == bool(m["fees"]), label
        assert len(m["materials"]) >= 1 and len(m["steps"]) >= 2 and len(m["results"]) >= 1, label
        assert len(m["faqs"]) <= 3, label
        for mat in m["materials"]:
            assert mat["form"] in MaterialForm.values and mat["source"] in MaterialSource.values, label
        for res in m["results"]:
            assert res["kind"] in ResultKind.values, label
        step_days = [s["limit_days"] for s in m["steps"] if s["limit_days"] is not None]
        assert sum(step_days) <= m["promised_limit_days"], f"{label}: 环节时限之和超过承诺时限"
        levels = {int(x) for x in m["levels"].split(",")}
        assert {LEVEL_CODES[x] for x in m["implemented_at"]} <= levels, f"{label}: 行使层级未覆盖实施层级"


def test_loading_publishes_every_matter_as_written_and_reloading_changes_nothing(db):
    city = make_division(code="431400", name="云川市")
    departments = {sector: make_department(city, name=f"云川市{sector}", sector=sector)
                   for sector in sorted({m["sector"] for m in MATTERS})}
    for m in MATTERS:
        version, changed = publish_spec(None, basic_code=m["basic_code"],
                                        owner_department=departments[m["sector"]], spec=_spec(m))
        assert changed
        # What an editor reads back is exactly what the file declares (no silently dropped
        # category or service-object code, no truncated field).
        assert version_spec(version) == normalise_spec(_spec(m)), m["name"]

    assert MatterVersion.objects.filter(status="published").count() == len(MATTERS)
    assert Material.objects.count() == sum(len(m["materials"]) for m in MATTERS)
    assert ProcessStep.objects.count() == sum(len(m["steps"]) for m in MATTERS)
    assert MatterResult.objects.count() == sum(len(m["results"]) for m in MATTERS)
    assert ServiceObject.objects.filter(code="1").exists() and Category.objects.filter(code="P-L01").exists()

    for m in MATTERS:
        _, changed = publish_spec(None, basic_code=m["basic_code"],
                                  owner_department=departments[m["sector"]], spec=_spec(m))
        assert not changed, m["name"]
    assert MatterVersion.objects.count() == len(MATTERS)


# The national "一件事" themes for persons (国发〔2024〕3号 first batch) need these matters.
THEMES = {
    "新生儿出生": [("health", "出生医学证明"), ("health", "预防接种证"), ("public_security", "出生登记"),
                   ("medical_insurance", "城乡居民基本医疗保险参保登记"), ("hrss", "社会保障卡申领"),
                   ("health", "生育登记"), ("medical_insurance", "生育医疗费用"), ("medical_insurance", "生育津贴")],
    "教育入学": [("education", "义务教育阶段新生入学登记"), ("education", "学籍"), ("public_security", "居住证申领")],
    "退休": [("hrss", "职工基本养老保险待遇申领"), ("hrss", "退休（职）申请"), ("hrss", "城乡居民基本养老保险待遇申领"),
             ("medical_insurance", "退休人员基本医疗保险待遇"), ("housing_fund", "住房公积金提取（离休、退休）")],
    "二手房转移登记及水电气网联动过户": [
        ("natural_resources", "国有建设用地使用权及房屋所有权转移登记（买卖）"), ("tax", "存量房交易契税申报"),
        ("water_supply", "供水过户"), ("power", "供电过户"), ("gas", "燃气过户"), ("telecom", "宽带过户")],
    "身后一件事": [("health", "死亡医学证明"), ("public_security", "死亡注销户口"),
                   ("hrss", "丧葬补助金、抚恤金申领"), ("civil_affairs", "遗体火化")],
    "社会保障卡居民服务一卡通": [("hrss", "社会保障卡申领"), ("hrss", "社会保障卡补领、换领")],
    "残疾人服务": [("disabled", "残疾人证申领"), ("civil_affairs", "困难残疾人生活补贴和重度残疾人护理补贴")],
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_each_national_theme_for_persons_finds_its_matters(theme):
    for sector, fragment in THEMES[theme]:
        found = [m for m in MATTERS if fragment in m["name"] and m["sector"] == sector]
        assert found, f"“{theme}”缺少事项：{fragment}（{sector}）"


def test_town_and_village_matters_are_implemented_at_their_own_level():
    for m in MATTERS:
        if m["sector"] == "town_gov":
            assert m["implemented_at"] == ["town"] and m["levels"] == "5", m["name"]
        if m["sector"] == "village_committee":
            assert m["implemented_at"] == ["village"] and m["levels"] == "6", m["name"]
        if m["sector"] == "housing_fund":
            assert m["implemented_at"] == ["city"], m["name"]
    assert sum(m["sector"] == "town_gov" for m in MATTERS) >= 3
    assert sum(m["sector"] == "village_committee" for m in MATTERS) >= 2
