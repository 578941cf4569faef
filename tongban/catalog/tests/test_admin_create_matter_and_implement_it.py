"""An editor creates a new standard matter (first draft) and adds a published matter to their list."""

import pytest

from tongban.catalog.models import Implementation, MatterVersion
from tongban.catalog.tests.builders import make_matter
from tongban.catalog.tests.staff_builders import make_editor, small_catalogue
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def new_matter(owner, **over):
    return {"basic_code": "000107100000", "name": "食品小作坊登记", "matter_type": "07",
            "owner_department": str(owner.pk), "legal_basis": "《云川市食品小作坊管理条例》第十条",
            "conditions": "有固定的生产场所。", "levels": "4", "case_kind": "2", "legal_limit_days": "20",
            "promised_limit_days": "10", "_save": "保存", **over}


def test_editor_creates_a_matter_and_lands_on_its_draft(client, cat):
    editor = make_editor(cat["county_market"], "county-editor")
    client.force_login(editor)
    res = client.post("/admin/catalog/matter/add/", new_matter(cat["county_market"]))
    draft = MatterVersion.objects.get(matter__basic_code="000107100000")
    assert res.status_code == 302 and res["Location"] == f"/admin/catalog/matterversion/{draft.pk}/change/"
    assert draft.status == "draft" and draft.number == 1 and draft.promised_limit_days == 10
    assert draft.matter.owner_department == cat["county_market"]
    assert AuditEvent.objects.filter(action="catalog.matter.create", actor=editor).exists()
    # Not public until it is submitted and published.
    assert client.get("/api/v1/matters", {"q": "000107100000"}).json()["count"] == 0


def test_a_matter_cannot_be_created_for_a_department_out_of_scope_or_with_bad_limits(client, cat):
    client.force_login(make_editor(cat["county_market"], "county-editor"))
    res = client.post("/admin/catalog/matter/add/", new_matter(cat["city_market"]))
    assert res.status_code == 200 and "owner_department" in res.context["adminform"].form.errors
    res = client.post("/admin/catalog/matter/add/", new_matter(cat["county_market"], promised_limit_days="30"))
    assert res.context["adminform"].form.errors["promised_limit_days"] == ["承诺办结时限不得超过法定办结时限"]
    res = client.post("/admin/catalog/matter/add/", new_matter(cat["county_market"], levels="3,9"))
    assert "行使层级" in res.context["adminform"].form.errors["levels"][0]
    assert not MatterVersion.objects.filter(matter__basic_code="000107100000").exists()


def test_editor_adds_a_city_standard_to_the_county_list(client, cat):
    version, _ = make_matter(cat["city_market"], basic_code="000201036000", name="食品生产许可")
    editor = make_editor(cat["county_market"], "county-editor")
    client.force_login(editor)
    data = {"matter": str(version.matter.pk), "department": str(cat["county_market"].pk), "site": "",
            "place": "芙蓉区政务服务中心一楼", "hours": "工作日 9:00-17:00", "consult_phone": "0739-22345",
            "supervise_phone": "0739-12345", "_save": "保存"}
    res = client.post("/admin/catalog/implementation/add/", data)
    assert res.status_code == 302, res.context["adminform"].form.errors if res.context else res
    impl = Implementation.objects.get(matter=version.matter, department=cat["county_market"])
    assert impl.code == cat["county_market"].credit_code + "4" + "000201036000" and impl.level == 4
    assert AuditEvent.objects.filter(action="catalog.implementation.create", actor=editor).exists()
    assert client.get(f"/api/v1/matters/{impl.code}").status_code == 200

    # A city-only matter cannot be implemented by a county department.
    res = client.post("/admin/catalog/implementation/add/", {**data, "matter": str(cat["birth"].matter.pk)})
    assert res.status_code == 200
    assert "不在其中" in res.context["adminform"].form.errors["department"][0]


@pytest.mark.parametrize(("code", "matter_type", "words"), [
    ("0001071000", "07", "基本编码应为12位数字（目录段4位+事项类型代码2位+主项序号3位+子项序号3位），当前为“0001071000”（10位）"),
    ("00010710000X", "07", "基本编码应为12位数字（目录段4位+事项类型代码2位+主项序号3位+子项序号3位），当前为“00010710000X”（12位）"),
    ("000199100000", "07", "基本编码第5–6位应为事项类型代码（01、02、03、04、05、06、07、08、09、10、20），“000199100000”中为“99”"),
    ("000101100000", "07", "基本编码第5–6位为事项类型代码：“000101100000”表示行政许可（01），与事项类型行政确认（07）不一致"),
])
def test_a_basic_code_must_follow_the_numbering_and_name_the_matter_type(client, cat, code, matter_type, words):
    client.force_login(make_editor(cat["county_market"], "county-editor"))
    res = client.post("/admin/catalog/matter/add/",
                      new_matter(cat["county_market"], basic_code=code, matter_type=matter_type))
    assert res.status_code == 200
    assert res.context["adminform"].form.errors["basic_code"] == [words]
    assert not MatterVersion.objects.filter(matter__basic_code=code).exists()
