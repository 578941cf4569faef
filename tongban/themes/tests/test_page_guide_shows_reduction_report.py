"""A citizen reads the themes list and the 开办餐饮店 guide: members, questions and the reduction report."""

import re

import pytest
from django.test import Client

from tongban.themes.definition import definition_of
from tongban.themes.selectors import reduction_report
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("restaurant", "newborn")


def test_list_shows_published_themes_with_promised_days(w):
    page = Client().get("/themes/").content.decode()
    assert "开办餐饮店一件事" in page and "新生儿出生一件事" in page
    assert 'href="/themes/restaurant/"' in page
    assert "逐项办理合计" in page


def test_guide_shows_the_report_per_matter_and_as_theme(w):
    theme = w.themes["restaurant"]
    report = reduction_report(definition_of(theme))
    page = Client().get("/themes/restaurant/").content.decode()
    assert "减材料、减环节、减时限、减跑动" in page
    for member in report["members"]:
        assert member["name"] in page
    row = re.search(r"<th scope=\"row\">申请材料（份）</th><td>(\d+)</td><td>(\d+)</td>", page)
    assert row and (int(row[1]), int(row[2])) == (report["separately"]["materials"], report["as_theme"]["materials"])
    assert report["separately"]["materials"] > report["as_theme"]["materials"]
    for label in ("办理环节（个）", "承诺办结时限（工作日）", "到现场次数（次）"):
        assert label in page
    assert "以什么主体经营？" in page  # the situational questions
    assert 'href="/themes/restaurant/apply/"' in page  # 开始办理


def test_unpublished_or_unknown_theme_is_404(w):
    assert Client().get("/themes/nothing/").status_code == 404
