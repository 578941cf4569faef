from tongban.search.selectors import search
from tongban.search.tests.conftest import titles


def test_initials_csyxzm_find_the_birth_certificate_first(catalogue):
    assert search("csyxzm").results[0].title == "出生医学证明办理"


def test_initials_are_case_and_width_insensitive(catalogue):
    assert search("ＣＳＹＸＺＭ").results[0].title == "出生医学证明办理"


def test_full_pinyin_finds_the_matter(catalogue):
    assert "出生医学证明办理" in titles(search("chusheng").results)[:2]
    assert search("chushengyixuezhengming").results[0].title == "出生医学证明办理"
    assert search("chu sheng yi xue").results[0].title == "出生医学证明办理"


def test_mixed_chinese_and_initials_find_the_matter(catalogue):
    assert search("出生yxzm").results[0].title == "出生医学证明办理"


def test_initials_of_a_licence_name_find_the_matters_that_issue_it(catalogue):
    top = set(titles(search("yyzz").results)[:2])
    assert top == {"企业设立登记", "个体工商户设立登记"}
