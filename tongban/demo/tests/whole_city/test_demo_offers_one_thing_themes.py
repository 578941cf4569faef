"""The demo city offers the six "一件事" themes, published and consistent with its matters; the demo
citizen can apply for 新生儿出生 and the demo window clerk can accept it as one."""

import pytest

from tongban.accounts.models import User
from tongban.cases.models import BundlePhase
from tongban.cases.services.bundles import accept_bundle
from tongban.demo.data.themes_demo import THEMES
from tongban.themes.definition import definition_of
from tongban.themes.models import Theme, ThemeStatus
from tongban.themes.selectors import evaluate_theme, reduction_report
from tongban.themes.services import apply_for_theme
from tongban.themes.tests.support import fill, uploads_for
from tongban.themes.validation import validate_definition

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(whole_city, db):
    return whole_city


def test_six_themes_are_published_and_valid(summary):
    assert summary["themes"] == [t["name"] for t in THEMES]
    for theme in Theme.objects.all():
        assert theme.status == ThemeStatus.PUBLISHED and theme.version == 1
        definition = definition_of(theme)
        assert validate_definition(definition) == []
        report = reduction_report(definition)
        assert report["as_theme"]["forms"] == 1 and report["separately"]["forms"] == len(report["members"]) >= 2
        assert report["as_theme"]["steps"] < report["separately"]["steps"]
        assert report["as_theme"]["fields"] < report["separately"]["fields"]


def test_the_demo_citizen_applies_and_the_demo_clerk_accepts(summary):
    citizen, clerk = User.objects.get(username="citizen"), User.objects.get(username="clerk")
    theme = Theme.objects.get(code="newborn")
    situation = {"settle_here": True, "parents_married": True}
    plan = evaluate_theme(theme, situation, None, user=citizen)
    assert [m["code"] for m in plan["chosen"]] == ["cert", "vaccine", "hukou", "medical", "sscard"]
    bundle, _ = apply_for_theme(citizen, theme, situation=situation, answers=fill(plan["form"]),
                                uploads=uploads_for(plan["materials"]))
    assert bundle.handout_place.endswith("09号窗口（综合出件窗口）")
    bundle = accept_bundle(clerk, bundle, expected_revision=bundle.revision)
    assert bundle.phase == BundlePhase.PROCESSING
