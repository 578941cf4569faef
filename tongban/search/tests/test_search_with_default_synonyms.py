"""The synonym table the platform ships with (data migrations, editable by staff) sends everyday
words to the matter most people mean by them."""

import pytest

from tongban.catalog.indexing import reindex_all
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.tests.builders import make_department, matter_spec
from tongban.search.models import Synonym
from tongban.search.selectors import search
from tongban.search.tests.conftest import LOCAL

# Decoys first: each title shares words with the query, which is why a synonym is needed at all.
MORE = [
    ("000110200400", "health", "退休人员基本医疗保险待遇核定", []),
    ("000104070100", "hr", "职工正常退休（职）申请", [{"name": "退休审批表", "kind": "other"}]),
    ("000112200500", "fund", "住房公积金个人住房贷款", []),
    ("000112200300", "fund", "住房公积金提取（租赁住房）", []),
    ("000101070400", "police", "户口登记项目变更更正（姓名变更）", []),
    ("000101070200", "police", "户口迁移（迁入）", [{"name": "居民户口簿", "kind": "licence"}]),
    ("000201007000", "market", "仅销售预包装食品备案", [{"name": "仅销售预包装食品备案信息采集表", "kind": "other"}]),
    ("000212003000", "tobacco", "烟草专卖零售许可证核发", [{"name": "烟草专卖零售许可证", "kind": "licence"}]),
]


@pytest.fixture
def more(catalogue):
    depts = dict(catalogue.depts)
    for key, name in (("hr", "云川市人力资源和社会保障局"), ("fund", "云川市住房公积金管理中心"),
                      ("tobacco", "云川市烟草专卖局")):
        depts[key] = make_department(catalogue.city, name, key)
    for basic_code, dept, name, results in MORE:
        version, _ = publish_spec(None, basic_code=basic_code, owner_department=depts[dept],
                                  spec=matter_spec(name=name, matter_type="20", service_objects=["1"],
                                                   categories=[], materials=[{"name": f"{name}申请表"}],
                                                   results=results or [{"name": "办结通知", "kind": "other"}]))
        add_implementation(None, version.matter, depts[dept], **LOCAL)
    reindex_all()
    return catalogue


@pytest.mark.parametrize("query, first", [
    ("退休", "职工正常退休（职）申请"),
    ("公积金", "住房公积金提取（租赁住房）"),
    ("落户", "户口迁移（迁入）"),
    ("开便利店", "仅销售预包装食品备案"),
    ("我想开个便利店", "仅销售预包装食品备案"),
    ("开饭店", "食品经营许可（新办）"),
])
def test_everyday_words_find_the_matter_people_mean(more, query, first):
    assert search(query).results[0].title == first


def test_opening_a_convenience_store_also_lists_the_business_licence_and_tobacco(more):
    found = [r.title for r in search("开便利店").results]
    assert {"个体工商户设立登记", "烟草专卖零售许可证核发"} <= set(found[:4])


def test_the_defaults_are_rows_staff_can_edit(db):
    assert Synonym.objects.get(term="开便利店").expansion_list[0] == "仅销售预包装食品备案"
    assert Synonym.objects.get(term="退休").expansion_list[0] == "正常退休"
