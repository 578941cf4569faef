"""Portal test data: a fully filled guide (every element of GB/T 39046 table 4) and its siblings."""

from django.core.files.base import ContentFile

from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Material
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.tests.builders import make_department, make_division, matter_spec
from tongban.org.models import Level, ServiceSite

CITY_PLACE = "云川市政务服务中心二楼B区12号窗口"
CITY_HOURS = "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）"


def full_spec(**over) -> dict:
    spec = matter_spec(
        name="食品经营许可（新办）",
        matter_type="01",
        legal_basis="《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。",
        conditions="1. 具有与经营的食品品种、数量相适应的经营场所；\n2. 有专职或者兼职的食品安全管理人员。",
        levels="3,4",
        case_kind=2,
        legal_limit_days=10,
        promised_limit_days=5,
        limit_note="现场核查时间不计入",
        has_fee=True,
        visits_required=1,
        online_depth=4,
        supports_appointment=True,
        supports_online_payment=True,
        supports_express=True,
        tongban_scope="cross_province",
        intermediary="无（不涉及中介服务）",
        quantity_limit="无数量限制",
        result_delivery="窗口领取；邮政快递送达",
        service_objects=["1", "2"],
        categories=["O-T02", "O-L01", "P-L03"],
        materials=[
            {"name": "食品经营许可申请书", "form": "original", "copies": 1, "required": True,
             "necessity_note": "关键材料", "source": "applicant", "rongque_allowed": False,
             "notes": "申请人签字并加盖公章"},
            {"name": "营业执照", "form": "copy", "copies": 2, "required": True, "source": "government",
             "source_note": "由市场监管部门核发"},
            {"name": "食品安全管理制度文本", "form": "electronic", "copies": 1, "required": False,
             "necessity_note": "连锁经营的提供", "source": "exempt", "rongque_allowed": True},
        ],
        steps=[
            {"name": "申请", "actor": "申请人", "description": "通过网上或窗口提交申请材料"},
            {"name": "受理", "actor": "综合窗口", "description": "材料齐全的当场受理", "limit_days": 1},
            {"name": "审查", "actor": "审批科室", "description": "对申请材料进行审查，必要时现场核查",
             "limit_days": 3},
            {"name": "决定", "actor": "分管负责人", "description": "作出准予或不予许可的决定",
             "limit_days": 1},
        ],
        fees=[{"name": "食品经营许可证工本费", "standard": "每证10元", "basis": "《行政事业性收费标准》",
               "amount_cents": 1000, "reducible": "小微企业免收"}],
        results=[{"name": "食品经营许可证", "kind": "licence", "validity": "5年"}],
        faqs=[{"question": "办理食品经营许可需要现场核查吗？",
               "answer": "仅经营散装熟食等高风险食品的需要现场核查。"}],
    )
    spec.update(over)
    return spec


def make_county():
    city = make_division()
    return make_division(code="439902", name="云溪区", level=Level.COUNTY, parent=city)


def make_full_guide():
    """A city entry with every element filled, its county sibling, blank form and sample files."""
    city = make_division()
    county = make_county()
    market = make_department(city, name="云川市市场监督管理局", sector="market")
    county_market = make_department(county, name="云溪区市场监督管理局", sector="market")
    site = ServiceSite.objects.create(division=city, name="云川市政务服务中心", kind=ServiceSite.Kind.CENTER,
                                      address="云川市人民大道88号", hours="周一至周日 9:00-17:00",
                                      phone="0739-12345")
    version, _ = publish_spec(None, basic_code="000201035000", owner_department=market, spec=full_spec())
    attach_files(version)
    impl = add_implementation(None, version.matter, market, place=CITY_PLACE, hours=CITY_HOURS,
                              consult_phone="0739-5201234", supervise_phone="0739-5209999", site=site)
    sibling = add_implementation(None, version.matter, county_market, place="云溪区政务服务中心一楼",
                                 hours="周一至周五 9:00-17:00", consult_phone="0739-6201234",
                                 supervise_phone="0739-6209999")
    return impl, sibling


def attach_files(version):
    # Files on a published version are set by the storage layer, bypassing the draft-only guard,
    # the way an import attaches forms it carried in the same batch.
    first = version.materials.order_by("order").first()
    blank = first.blank_form.storage.save(f"catalog/materials/{version.matter.basic_code}/申请书.docx",
                                          ContentFile(b"blank form bytes"))
    sample = first.sample.storage.save(f"catalog/materials/{version.matter.basic_code}/申请书样表.pdf",
                                       ContentFile(b"%PDF-1.4 sample"))
    assert version.status == VersionStatus.PUBLISHED
    Material.objects.filter(pk=first.pk).update(blank_form=blank, sample=sample)


def make_simple_matter(department, basic_code, name, **over):
    spec = matter_spec(name=name, **over)
    version, _ = publish_spec(None, basic_code=basic_code, owner_department=department, spec=spec)
    return add_implementation(None, version.matter, department, place="云川市政务服务中心", hours=CITY_HOURS,
                              consult_phone="0739-12345", supervise_phone="0739-12345")


def make_small_catalogue():
    """A city with two departments and a district; matters for people and for companies."""
    city = make_division()
    county = make_county()
    health = make_department(city, name="云川市卫生健康委员会", sector="health")
    market = make_department(city, name="云川市市场监督管理局", sector="market")
    county_health = make_department(county, name="云溪区卫生健康局", sector="health")
    birth = make_simple_matter(
        health, "000120001000", "出生医学证明签发", matter_type="20", levels="3,4", service_objects=["1"],
        categories=["P-L01", "P-T01"], legal_limit_days=None, promised_limit_days=1,
        legal_basis="《中华人民共和国母婴保健法》第二十三条")
    county_birth = add_implementation(None, birth.matter, county_health, place="云溪区政务服务中心",
                                      hours=CITY_HOURS, consult_phone="0739-6200001",
                                      supervise_phone="0739-6200002")
    registration = make_simple_matter(
        health, "000120002000", "生育登记", matter_type="20", levels="3", service_objects=["1"],
        categories=["P-L05", "P-T01"], legal_limit_days=None, promised_limit_days=0, case_kind=1)
    food = make_simple_matter(
        market, "000201035000", "食品经营许可（新办）", matter_type="01", levels="3", service_objects=["2"],
        categories=["O-T02", "O-L01"])
    return {"city": city, "county": county, "health": health, "market": market,
            "county_health": county_health, "birth": birth, "county_birth": county_birth,
            "registration": registration, "food": food}
