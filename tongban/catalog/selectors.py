"""Public reads of the catalogue: what a citizen may see (published, active entries only)."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from tongban.catalog.codes import (
    BY_AUTHORITY_TYPES,
    CaseKind,
    MaterialForm,
    MaterialSource,
    MatterType,
    OnlineDepth,
    ResultKind,
    TongbanScope,
    VersionStatus,
)
from tongban.catalog.models import Category, Implementation, Material, Matter, MatterVersion, ServiceObject
from tongban.catalog.spec import version_spec
from tongban.forms.defaults import effective_form
from tongban.forms.spec import SERVICE_OBJECTS
from tongban.org.models import Level
from tongban.org.selectors import division_ids_below_code


def public_implementations() -> QuerySet[Implementation]:
    """Active implementation entries whose matter has a published current version."""
    return (
        Implementation.objects.filter(status=Implementation.Status.ACTIVE, matter__current_version__isnull=False)
        .exclude(matter__matter_type__in=[t.value for t in BY_AUTHORITY_TYPES])
        .select_related("matter", "matter__current_version", "department", "department__division")
    )


def filter_implementations(qs: QuerySet[Implementation], *, division: str | None = None,
                           department: int | None = None, matter_type: str | None = None,
                           service_object: str | None = None, category: str | None = None,
                           level: int | None = None, text: str | None = None) -> QuerySet[Implementation]:
    """Filters shared by the browse pages and the API. `division` is a code and includes the
    divisions below it; `service_object` is a 服务对象 code; `category` a Category code."""
    if division:
        ids = division_ids_below_code(division)
        qs = qs.filter(department__division_id__in=ids)
    if department:
        qs = qs.filter(department_id=department)
    if matter_type:
        qs = qs.filter(matter__matter_type=matter_type)
    if level:
        qs = qs.filter(level=level)
    if service_object:
        qs = qs.filter(matter__current_version__service_objects__code=service_object)
    if category:
        qs = qs.filter(matter__current_version__categories__code=category)
    if text:
        qs = qs.filter(Q(matter__name__icontains=text) | Q(matter__basic_code=text) | Q(code=text))
    return qs.distinct() if (service_object or category) else qs


def public_implementation(code: str) -> Implementation | None:
    return public_implementations().filter(code=code).first()


def active_implementation(code: str) -> Implementation | None:
    """An active entry with its matter and department, whether or not a version is published (the
    caller asks for matter.current_version)."""
    return (Implementation.objects.filter(code=code, status=Implementation.Status.ACTIVE)
            .select_related("matter", "department").first())


def matter_named(name: str) -> Matter | None:
    """The matter called exactly `name`, if any (a free-text report names the matter it is about)."""
    return Matter.objects.filter(name=name).first()


def matter_version_ids_named(text: str, *, limit: int = 500) -> list[int]:
    """Ids of the matter versions whose name contains `text` (the catalogue is small; a case list then
    filters its cases by these ids instead of searching names over every case)."""
    return list(MatterVersion.objects.filter(name__icontains=text).values_list("pk", flat=True)[:limit])


def get_public_implementation(code: str) -> Implementation:
    impl = (
        public_implementations()
        .select_related("site")
        .prefetch_related(
            Prefetch("matter__current_version", queryset=MatterVersion.objects.prefetch_related(
                "materials", "steps", "fees", "results", "faqs", "service_objects", "categories"))
        )
        .filter(code=code)
        .first()
    )
    if impl is None:
        raise Http404("事项不存在或已取消")
    return impl


def published_version(impl: Implementation, number: int) -> MatterVersion | None:
    """Version `number` of the entry's matter if it was ever published (drafts and withdrawn ones are not)."""
    return (MatterVersion.objects.filter(matter_id=impl.matter_id, number=number, status=VersionStatus.PUBLISHED)
            .prefetch_related("materials", "steps", "fees", "results", "faqs", "service_objects", "categories")
            .first())


def published_material(impl: Implementation, material_id: int) -> Material | None:
    """A material of a published version of the entry's matter: its blank form and sample are public."""
    return Material.objects.filter(pk=material_id, version__matter_id=impl.matter_id,
                                   version__status=VersionStatus.PUBLISHED).first()


def materials_of(version: MatterVersion) -> QuerySet[Material]:
    """A version's materials in their order (for staff pages too: not limited to published versions)."""
    return version.materials.all()


def material_of_version(version_id: int, material_id) -> Material | None:
    """One material of one version; None for another version's (a case takes files for its own only)."""
    return Material.objects.filter(pk=material_id, version_id=version_id).first()


def categories(*, kind: str | None = None, audience: str | None = None) -> QuerySet[Category]:
    qs = Category.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if audience:
        qs = qs.filter(audience=audience)
    return qs


def category_by_code(code: str) -> Category | None:
    return Category.objects.filter(code=code).first()


def category_exists(code: str) -> bool:
    return Category.objects.filter(code=code).exists()


def service_objects() -> QuerySet[ServiceObject]:
    return ServiceObject.objects.all()


def service_object_exists(code: str) -> bool:
    return ServiceObject.objects.filter(code=code).exists()


def other_implementations(impl: Implementation) -> QuerySet[Implementation]:
    """The same matter at other levels/places: the 四级十同 siblings."""
    return public_implementations().filter(matter_id=impl.matter_id).exclude(pk=impl.pk)


def guide_data(impl: Implementation, version: MatterVersion | None = None) -> dict:
    """The 办事指南 as structured data, labels resolved; one source for the page, PDF and API."""
    version = version or impl.matter.current_version
    spec = version_spec(version)
    dept = impl.department
    return {
        "implementation_code": impl.code,
        "basic_code": impl.matter.basic_code,
        "version": version.number,
        "published_at": version.published_at,
        "name": spec["name"],
        "matter_type": {"code": spec["matter_type"], "label": MatterType(spec["matter_type"]).label},
        "legal_basis": spec["legal_basis"],
        "implementing_body": {"name": dept.name, "credit_code": dept.credit_code,
                              "division": dept.division.full_name},
        "level": {"code": impl.level, "label": Level(impl.level).label},
        "levels": [{"code": x, "label": Level(x).label} for x in version.level_list],
        "service_objects": [{"code": o.code, "name": o.name} for o in version.service_objects.all()],
        "categories": [{"code": c.code, "name": c.name} for c in version.categories.all()],
        "conditions": spec["conditions"],
        "case_kind": {"code": spec["case_kind"], "label": CaseKind(spec["case_kind"]).label},
        "legal_limit_days": spec["legal_limit_days"],
        "promised_limit_days": spec["promised_limit_days"],
        "limit_note": spec["limit_note"],
        "has_fee": spec["has_fee"],
        "fees": spec["fees"],
        "visits_required": spec["visits_required"],
        "online_depth": {"code": spec["online_depth"], "label": OnlineDepth(spec["online_depth"]).label},
        "fully_online": spec["online_depth"] == OnlineDepth.FULL,
        "supports_appointment": spec["supports_appointment"],
        "supports_online_payment": spec["supports_online_payment"],
        "supports_express": spec["supports_express"],
        "tongban_scope": {"code": spec["tongban_scope"], "label": TongbanScope(spec["tongban_scope"]).label},
        "intermediary": spec["intermediary"],
        "quantity_limit": spec["quantity_limit"],
        "result_delivery": spec["result_delivery"],
        "materials": [
            {**m, "form_label": MaterialForm(m["form"]).label,
             "source_label": MaterialSource(m["source"]).label,
             # MEDIA_ROOT is not web-served: the portal's download view serves published versions' files.
             "blank_form_url": _material_file_url(impl, row, "blank-form") if row.blank_form else "",
             "sample_url": _material_file_url(impl, row, "sample") if row.sample else ""}
            for m, row in zip(spec["materials"], version.materials.all(), strict=True)
        ],
        "steps": spec["steps"],
        "results": [{**r, "kind_label": ResultKind(r["kind"]).label} for r in spec["results"]],
        "faqs": spec["faqs"],
        # The application form as data, for the web page, mobile apps and partner systems alike.
        "form_fields": [_form_field(f) for f in effective_form(version)],
        "place": impl.place,
        "hours": impl.hours,
        "consult_phone": impl.consult_phone,
        "supervise_phone": impl.supervise_phone,
        "site": ({"name": impl.site.name, "address": impl.site.address, "hours": impl.site.hours,
                  "phone": impl.site.phone} if impl.site_id else None),
    }


def _material_file_url(impl: Implementation, material, kind: str) -> str:
    return reverse("guide-material-file", args=[impl.code, material.pk, kind])


FORM_FIELD_KEYS = ("key", "type", "label", "required", "options", "help", "placeholder", "min", "max", "integer",
                   "mobile_only", "pattern", "pattern_message", "default", "applies_to", "prefill")


def _form_field(field: dict) -> dict:
    out = {k: field[k] for k in FORM_FIELD_KEYS if k in field}
    out.setdefault("required", False)
    if field.get("applies_to"):
        out["applies_to_names"] = [SERVICE_OBJECTS.get(c, c) for c in field["applies_to"]]
    return out
