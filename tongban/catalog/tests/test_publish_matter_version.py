import pytest
from django.core.exceptions import ValidationError

from tongban.catalog.models import ImmutableVersionError, Material
from tongban.catalog.services import publish_spec, start_new_version, update_draft
from tongban.catalog.tests.builders import make_matter, matter_spec
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_publishing_makes_the_version_current_and_immutable(market):
    version, impl = make_matter(market)
    matter = version.matter
    matter.refresh_from_db()
    assert matter.current_version == version
    assert impl.code == market.credit_code + "3" + "000201035000"
    version.name = "改名"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        Material.objects.create(version=version, name="新材料")
    assert AuditEvent.objects.filter(action="catalog.version.publish").count() == 1


def test_republishing_the_same_elements_changes_nothing(market):
    version, _ = make_matter(market)
    again, changed = publish_spec(None, basic_code="000201035000", owner_department=market, spec=matter_spec())
    assert (again, changed) == (version, False)
    newer, changed = publish_spec(None, basic_code="000201035000", owner_department=market,
                                  spec=matter_spec(promised_limit_days=3))
    assert changed and newer.number == 2
    version.refresh_from_db()
    assert version.superseded_at is not None and version.materials.count() == 2


def test_new_draft_is_a_copy_and_promised_time_cannot_exceed_legal(market):
    version, _ = make_matter(market)
    draft = start_new_version(None, version.matter, "压缩时限")
    assert draft.number == 2 and draft.materials.count() == 2
    with pytest.raises(ValidationError) as exc:
        update_draft(None, draft, {"promised_limit_days": 30})
    assert "承诺办结时限不得超过法定办结时限" in str(exc.value)
