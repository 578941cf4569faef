"""The reduction report of 开办餐饮店一件事: materials, steps, promised days, visits and form fields done
matter by matter versus as the theme, computed from the catalogue — beside the figures the seeds report."""

import pytest

from tongban.catalog.models import MatterVersion
from tongban.themes.definition import definition_of
from tongban.themes.selectors import SEED_REFERENCE, reduction_report
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def test_typical_restaurant_matter_by_matter_versus_theme(w):
    report = reduction_report(definition_of(w.themes["restaurant"]))
    assert report["typical"] and report["situation"] == {"entity": "company", "has_licence": False, "area": 400}
    rows = {r["code"]: r for r in report["members"]}
    assert list(rows) == ["company", "food", "fire"]
    # Each row is the matter's own guide: its steps, promised days and required materials.
    for code, basic in (("company", "000201001000"), ("food", "000201006000"), ("fire", "000201017000")):
        version = MatterVersion.objects.get(matter__basic_code=basic, status="published")
        assert rows[code]["steps"] == version.steps.count()
        assert rows[code]["promised_days"] == version.promised_limit_days
        assert rows[code]["materials"] == version.materials.filter(required=True).count()
    assert report["separately"] == {"materials": 16, "uploads": 12, "forms": 3, "fields": 50, "steps": 14,
                                    "promised_days": 11, "visits": 0}
    # As the theme: the 营业执照 both licences list comes with the registration's result, one form,
    # four steps (申请、受理、并联审批、出件), the theme's promise (the parallel path 1 + 5 days … 6).
    assert report["as_theme"] == {"materials": 14, "uploads": 12, "forms": 1, "fields": 28, "steps": 4,
                                  "promised_days": 6, "visits": 0}
    assert report["parallel_days"] == 6
    assert report["reduction"]["steps"] == {"saved": 10, "percent": 71.4}
    assert report["reduction"]["promised_days"] == {"saved": 5, "percent": 45.5}
    assert report["reduction"]["materials"] == {"saved": 2, "percent": 12.5}
    assert report["shared_fields"] > 5
    assert report["reference"] == SEED_REFERENCE and SEED_REFERENCE["steps"] == {"before": 27.69, "after": 4}


def test_a_small_place_reports_its_own_situation(w):
    report = reduction_report(definition_of(w.themes["restaurant"]), {"entity": "individual", "has_licence": False,
                                                                       "area": 40})
    assert [r["code"] for r in report["members"]] == ["individual", "small_food"]
    assert not report["typical"]
    assert report["separately"]["promised_days"] == 0 + 7 and report["as_theme"]["promised_days"] == 6
