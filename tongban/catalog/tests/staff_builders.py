"""Builders for the API and admin tests: a small city with a county, staff with roles.

Real rows in the real database; the shared builders live in tongban.catalog.tests.builders.
"""

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.services import add_implementation
from tongban.catalog.tests.builders import make_department, make_division, make_matter
from tongban.org.models import Level, ServiceSite

LOCAL = {"place": "芙蓉区政务服务中心一楼", "hours": "周一至周五 9:00-17:00",
         "consult_phone": "0739-22345", "supervise_phone": "0739-12345"}


def make_county(city, code="439902", name="芙蓉区"):
    return make_division(code=code, name=name, level=Level.COUNTY, parent=city)


def make_town(county, code="439902001000", name="东湖街道"):
    return make_division(code=code, name=name, level=Level.TOWN, parent=county)


def implement_at(matter, department, **local):
    return add_implementation(None, matter, department, **{**LOCAL, **local})


def make_site(division, name="云川市政务服务中心", kind=ServiceSite.Kind.CENTER):
    return ServiceSite.objects.create(division=division, name=name, kind=kind, address="云川市人民路1号",
                                      hours="周一至周五 9:00-17:00", phone="0739-12345")


def make_staff(username, role=Role.EDITOR, division=None, department=None, **user_fields):
    # Tests log in with force_login: no password, so no slow hashing.
    user = User(username=username, is_staff=True, display_name=user_fields.pop("display_name", username),
                **user_fields)
    user.set_unusable_password()
    user.save()
    if division is not None:
        StaffRole.objects.create(user=user, role=role, division=division, department=department)
    return user


def make_editor(department, username="editor"):
    """A catalogue editor (事项管理员) of one department: is_staff plus one StaffRole, nothing else."""
    return make_staff(username, Role.EDITOR, department.division, department)


def make_platform_admin(division, username="platform-admin"):
    return make_staff(username, Role.ADMIN, division)


def small_catalogue(city):
    """City and county market bureaus sharing one matter; a city health matter; a county-only matter."""
    county = make_county(city)
    city_market = make_department(city, name="云川市市场监督管理局", sector="market")
    county_market = make_department(county, name="芙蓉区市场监督管理局", sector="market")
    city_health = make_department(city, name="云川市卫生健康委员会", sector="health")
    food, food_city = make_matter(city_market, basic_code="000201035000")
    food_county = implement_at(food.matter, county_market)
    birth, birth_city = make_matter(
        city_health, basic_code="000120001000", name="出生医学证明办理", matter_type="20",
        service_objects=["1"], categories=["P-T01"], levels="3", online_depth=3, promised_limit_days=1,
        legal_limit_days=None, materials=[{"name": "父母身份证", "form": "original"}],
        results=[{"name": "出生医学证明", "kind": "licence"}],
    )
    shop, shop_county = make_matter(
        county_market, basic_code="000201099000", name="小餐饮经营许可", levels="4",
        categories=["O-L04"], promised_limit_days=3,
    )
    return {
        "county": county, "city_market": city_market, "county_market": county_market,
        "city_health": city_health, "food": food, "food_city": food_city, "food_county": food_county,
        "birth": birth, "birth_city": birth_city, "shop": shop, "shop_county": shop_county,
    }


def admin_form_data(response) -> dict:
    """What a browser would post back from an admin change page left as it is: the main form's
    and every inline formset's current values, with the management forms."""
    data = {}

    def put(form):
        for name, field in form.fields.items():
            bound = form[name]
            value = bound.value()
            key = bound.html_name
            if field.disabled or field.widget.__class__.__name__.endswith("FileInput"):
                continue
            if isinstance(value, bool) or field.__class__.__name__ == "BooleanField":
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "" if value is None else str(value)

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = str(formset.management_form[name].value() or field.initial or 0)
        for form in formset.forms:
            put(form)
    return data
