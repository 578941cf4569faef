"""The theme test world with a published 人口基础信息库 holding the mother's household address, and the
prefill rule that fills "applicant.address" from it. No grant yet: each test grants what it needs."""

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user
from tongban.catalog.tests.builders import make_department
from tongban.registries import services
from tongban.registries.codes import Storage
from tongban.registries.importing import import_rows
from tongban.registries.models import Party
from tongban.registries.tests.builders import POPULATION_HEADER, SYSTEM, person_row
from tongban.themes.tests.support import make_theme_world

ADDRESS = "云川市芙蓉区韶山北路88号3栋"


def newborn_with_population_registry():
    w = make_theme_world("newborn")
    office = make_department(w.city, name="云川市政务服务和大数据管理局", sector="gov_service")
    w.steward = make_user("steward", role=Role.STEWARD, division=w.city, department=office, display_name="数据专员林涛")
    w.population = services.publish_resource(SYSTEM, services.register_resource(
        SYSTEM, code="population", name="人口基础信息库", owner=office, storage=Storage.POPULATION,
        source_department="云川市公安局"))
    report = import_rows(SYSTEM, w.population, POPULATION_HEADER,
                         [(2, person_row(w.applicant.id_number, "张晓梅", address=ADDRESS, division="431402"))])
    assert report.ok, report.errors
    services.save_prefill_rule(w.steward, prefill="applicant.address", resource=w.population,
                               field="household_address", party=Party.APPLICANT)
    return w


def grant_population(w, member: str):
    """The department of the newborn theme's `member` may read name and address for its matter."""
    impl = w.impls[("newborn", member)]
    return services.grant_access(w.steward, resource=w.population, consumer=impl.department,
                                 fields=["name", "household_address"], matters=[impl.matter],
                                 basis="《政务信息资源共享管理暂行办法》第十条")
