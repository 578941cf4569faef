"""Every matter in the demo data files can be placed in the demo city's structure.

Checked without a database so that a data file that does not fit fails fast, with the matter named.
"""

import importlib

import pytest

from tongban.catalog.spec import SCALAR_FIELDS
from tongban.demo.data import structure
from tongban.demo.loader import LOADER_KEYS, LOCAL_FALLBACK, SAMPLE_MODULE, discover_matter_modules

SPEC_KEYS = set(SCALAR_FIELDS) | {"service_objects", "categories", "materials", "steps", "fees", "results", "faqs",
                                  "form_spec"}
LEVEL_OF = {code: level for code, _name, level, _kind, _parent in structure.DIVISIONS}
SECTORS_AT = {}
for _dept in structure.departments():
    SECTORS_AT.setdefault(LEVEL_OF[_dept["division"]], set()).add(_dept["sector"])

MODULES = sorted(set(discover_matter_modules()) | {SAMPLE_MODULE})
ENTRIES = [(name, entry) for name in MODULES
           for entry in importlib.import_module(f"tongban.demo.data.{name}").MATTERS]


def _id(item):
    name, entry = item
    return f"{name}:{entry.get('basic_code')}"


def test_basic_codes_are_unique_across_all_files():
    seen = {}
    for name, entry in ENTRIES:
        code = entry["basic_code"]
        assert code not in seen, f"{code} 同时出现在 {seen[code]} 和 {name}"
        seen[code] = name


@pytest.mark.parametrize("item", ENTRIES, ids=_id)
def test_each_matter_has_a_department_at_every_level_it_is_implemented(item):
    name, entry = item
    assert set(LOADER_KEYS) <= set(entry), "缺少 basic_code / sector / implemented_at"
    assert set(entry) - set(LOADER_KEYS) <= SPEC_KEYS, f"未知字段：{set(entry) - set(LOADER_KEYS) - SPEC_KEYS}"
    assert len(entry["basic_code"]) == 12 and entry["basic_code"].isalnum()
    assert entry["implemented_at"], "implemented_at 为空"
    levels = [structure.LEVEL_NAMES[level_name] for level_name in entry["implemented_at"]]
    for level in levels:
        sectors = SECTORS_AT[level]
        assert entry["sector"] in sectors or LOCAL_FALLBACK.get(level) in sectors, (
            f"{entry['name']}：条线 {entry['sector']} 在层级 {level} 没有部门")
    # 行使层级 (levels) must include every level where the matter is implemented.
    exercised = {int(x) for x in str(entry["levels"]).split(",") if x.strip()}
    assert set(levels) <= exercised, f"{entry['name']}：实施层级 {levels} 不在行使层级 {entry['levels']} 中"
