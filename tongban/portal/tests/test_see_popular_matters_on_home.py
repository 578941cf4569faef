"""A citizen opens the home page and finds the matters most people come for under 热门事项: the
administrators' list, at the city's own entry, not matters that every village carries out."""

import re

import pytest
from django.core.exceptions import PermissionDenied

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.services import add_implementation
from tongban.catalog.tests.builders import make_department, make_division
from tongban.core.models import AuditEvent
from tongban.org.models import Level
from tongban.portal import services
from tongban.portal.models import FeaturedMatter
from tongban.portal.tests.builders import CITY_HOURS, make_simple_matter, make_small_catalogue


def popular(client) -> list[tuple[str, str]]:
    html = client.get("/").content.decode()
    section = html[html.index('id="popular"'):]
    section = section[:section.index("</section>")]
    return re.findall(r'<a class="name" href="([^"]+)">([^<]+)</a>', section)


def add_village_matter(county, count=3):
    """A 村（社区）级 matter carried out by every village: many entries, few users each."""
    town = make_division(code=f"{county.code}001000", name="东风街道", level=Level.TOWN, parent=county)
    first = None
    for i in range(count):
        village = make_division(code=f"{county.code}001{i + 1:03d}", name=f"第{i + 1}社区", level=Level.VILLAGE,
                                parent=town)
        committee = make_department(village, name=f"第{i + 1}社区居民委员会", sector="committee")
        if first is None:
            first = make_simple_matter(committee, "000116200100", "农村村民宅基地申请村级审查", matter_type="20",
                                       levels="6", service_objects=["1"], categories=["P-L03"])
        else:
            add_implementation(None, first.matter, committee, place="社区服务站", hours=CITY_HOURS,
                               consult_phone="0739-1", supervise_phone="0739-2")
    return first


@pytest.fixture
def catalogue(db):
    FeaturedMatter.objects.all().delete()  # start from no list, whatever the defaults are
    made = make_small_catalogue()
    made["village"] = add_village_matter(made["county"])
    return made


def test_the_administrators_list_comes_in_their_order_at_the_city_entry(client, catalogue):
    services.save_featured(None, name="生育登记", order=1)
    services.save_featured(None, name="出生医学证明签发", order=2)
    services.save_featured(None, name="不在目录中的事项", order=3)  # skipped, not an error
    services.save_featured(None, name="食品经营许可（新办）", order=4, enabled=False)

    assert popular(client) == [
        (f"/guide/{catalogue['registration'].code}/", "生育登记"),
        # 出生医学证明签发 is carried out by the city and the district: the city's entry is shown.
        (f"/guide/{catalogue['birth'].code}/", "出生医学证明签发"),
    ]


def test_without_a_list_village_matters_do_not_crowd_out_city_matters(client, catalogue):
    names = [name for _url, name in popular(client)]
    assert names[0] == "出生医学证明签发"  # at the city and the district service centres
    assert "农村村民宅基地申请村级审查" not in names  # three village entries count for nothing here


def test_the_default_list_names_the_high_frequency_matters(db):
    # Loaded by a data migration, so a fresh platform has a sensible home page.
    names = list(FeaturedMatter.objects.values_list("name", flat=True))
    assert {"社会保障卡申领", "居民身份证换领", "企业设立登记", "食品经营许可（新办）"} <= set(names)


def test_a_platform_administrator_edits_the_list_in_the_admin(client, catalogue):
    admin = User.objects.create(username="admin01", is_staff=True, display_name="郑伟")
    StaffRole.objects.create(user=admin, role=Role.ADMIN, division=catalogue["city"], include_subdivisions=True)
    client.force_login(admin)
    response = client.post("/admin/portal/featuredmatter/add/",
                           {"name": " 生育登记 ", "order": "5", "enabled": "on", "note": "群众常办"})
    assert response.status_code == 302, response.content.decode()[:2000]
    featured = FeaturedMatter.objects.get(name="生育登记")
    event = AuditEvent.objects.get(action="portal.featured.create", object_id=str(featured.pk))
    assert event.actor == admin and "生育登记" in event.summary
    assert [name for _url, name in popular(client)] == ["生育登记"]


def test_a_catalogue_editor_cannot_change_the_home_page(client, catalogue):
    editor = User.objects.create(username="editor01", is_staff=True)
    StaffRole.objects.create(user=editor, role=Role.EDITOR, division=catalogue["city"],
                             department=catalogue["market"])
    client.force_login(editor)
    assert client.get("/admin/portal/featuredmatter/add/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.save_featured(editor, name="生育登记")
    assert not FeaturedMatter.objects.exists()
