import pytest

from tongban.search.selectors import QueryError, search


def test_without_a_division_each_matter_appears_once_at_its_city_level_entry(catalogue):
    found = search("食品经营许可")
    assert [r.title for r in found.results].count("食品经营许可（新办）") == 1
    first = found.results[0]
    assert first.code == catalogue.code("food", "city")
    assert first.department == "云川市市场监督管理局"


def test_narrowed_to_a_county_the_result_points_to_the_county_entry(catalogue):
    found = search("食品经营许可", division="439921")
    assert found.results[0].code == catalogue.code("food", "county")
    assert found.results[0].url == f"/guide/{catalogue.code('food', 'county')}/"
    assert found.results[0].department == "云溪县市场监督管理局"


def test_narrowed_to_a_county_matters_not_handled_there_are_left_out(catalogue):
    # 出生医学证明 is issued by the city's health commission only.
    assert search("生孩子", division="439921").results[0].title == "出生登记"
    assert "出生医学证明办理" not in [r.title for r in search("生孩子", division="439921").results]


def test_the_city_includes_the_divisions_below_it(catalogue):
    found = search("食品经营许可", division="439901")
    assert found.results[0].code == catalogue.code("food", "city")


def test_companies_only_see_matters_for_companies(catalogue):
    titles = [r.title for r in search("营业执照", service_object="2").results]
    assert "企业设立登记" in titles and "个体工商户设立登记" not in titles
    titles = [r.title for r in search("营业执照", service_object="1").results]
    assert titles[0] == "个体工商户设立登记" and "企业设立登记" not in titles


def test_an_unknown_division_is_reported_naming_the_field(catalogue):
    with pytest.raises(QueryError) as exc:
        search("营业执照", division="999999")
    assert exc.value.field == "division" and "区划代码" in exc.value.message
