from tongban.search.selectors import search
from tongban.search.tests.conftest import titles


def test_searching_for_a_business_licence_finds_the_registrations_that_issue_it(catalogue):
    found = titles(search("营业执照").results)
    assert set(found[:2]) == {"企业设立登记", "个体工商户设立登记"}


def test_matters_that_only_ask_for_the_licence_as_a_material_rank_below(catalogue):
    found = titles(search("营业执照").results)
    assert found.index("食品经营许可（新办）") > 1


def test_a_result_name_ranks_below_a_title_with_the_same_words(catalogue):
    # "出生医学证明" is the title of one matter and a material of 出生登记.
    found = titles(search("出生医学证明").results)
    assert found[0] == "出生医学证明办理"
    assert "出生登记" not in found[:1]
