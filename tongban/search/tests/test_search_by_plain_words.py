from tongban.search.selectors import search
from tongban.search.tests.conftest import titles


def test_a_parent_typing_sheng_haizi_finds_the_birth_certificate_first(catalogue):
    found = search("生孩子")
    assert found.results[0].title == "出生医学证明办理"
    # The other birth-related matters are offered too, below it.
    assert {"出生登记", "生育登记"} <= set(titles(found.results))


def test_a_question_in_a_whole_sentence_still_finds_the_birth_certificate(catalogue):
    assert search("我生孩子了要办什么").results[0].title == "出生医学证明办理"


def test_someone_opening_a_restaurant_finds_the_food_business_licence_first(catalogue):
    found = search("开饭店")
    assert found.results[0].title == "食品经营许可（新办）"
    assert found.results[0].url == f"/guide/{catalogue.code('food')}/"


def test_the_exact_matter_name_comes_first(catalogue):
    assert search("居民身份证换领").results[0].title == "居民身份证换领"
    assert search("身份证").results[0].title == "居民身份证换领"


def test_words_that_match_nothing_give_an_empty_result_not_an_error(catalogue):
    found = search("火星移民")
    assert found.total == 0 and found.results == []
