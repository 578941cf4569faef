from tongban.catalog.indexing import reindex_all
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.tests.builders import make_department, matter_spec
from tongban.search.selectors import search
from tongban.search.tests.conftest import LOCAL, titles


def test_a_wrong_homophone_character_still_finds_the_birth_certificate(catalogue):
    assert search("出生医学正明").results[0].title == "出生医学证明办理"


def test_shenfenzheng_written_with_the_old_character_finds_the_id_card(catalogue):
    assert search("身分证").results[0].title == "居民身份证换领"


def test_a_misspelt_pinyin_still_finds_the_matter(catalogue):
    assert "出生医学证明办理" in titles(search("chushengyixue zhenming").results)[:1]
    assert "出生医学证明办理" in titles(search("chushneg").results)[:3]


def test_a_short_query_with_a_wrong_character_finds_the_licence(catalogue):
    assert search("食品经营许").results[0].title == "食品经营许可（新办）"
    assert search("食品经莹许可").results[0].title == "食品经营许可（新办）"



def test_a_homophone_typo_in_a_licence_name_finds_the_registration_that_issues_it(catalogue):
    # A decoy whose title starts with 营业: 营业质照 (质 for 执, same sound) shares only that with it,
    # while its whole pinyin is that of 营业执照, the result of the two registrations.
    culture = make_department(catalogue.city, "云川市文化旅游广电体育局", "culture")
    version, _ = publish_spec(None, basic_code="000211003000", owner_department=culture,
                              spec=matter_spec(name="营业性演出审批", service_objects=["2"], categories=[],
                                               materials=[{"name": "营业性演出申请登记表"}],
                                               results=[{"name": "营业性演出批准文件", "kind": "other"}]))
    add_implementation(None, version.matter, culture, **LOCAL)
    reindex_all()
    assert set(titles(search("营业质照").results)[:2]) == {"企业设立登记", "个体工商户设立登记"}
