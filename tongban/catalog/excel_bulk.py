"""Bulk creation of NEW standard matters and NEW 实施清单 entries for the Excel import.

Why not publish_spec()/add_implementation() for these: measured on SQLite, the per-object services
cost ~40 queries and one search reindex per matter (over 3 minutes for a 5,000-row file). New rows
have no previous version to supersede and no open draft to cancel, so the outcome is simple and is
written here with a fixed number of queries per kind of row: a published version 1 per matter, its
children in the same order apply_spec() would give, and the entries with their derived 实施编码.
The same model rules run first (clean_fields + clean, no queries); every row was validated before.
Changes to EXISTING matters and entries still go through the services (new version, audit each).
The caller's single audit event lists every code created here and reindexes the search once.
"""

from django.utils import timezone

from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Category, Implementation, Matter, MatterVersion, ServiceObject
from tongban.catalog.spec import CHILDREN, SCALAR_FIELDS, normalise_spec
from tongban.core.actors import as_user

BATCH = 500




def create_matters(actor, items: list[tuple[str, object, dict]], change_note: str) -> dict[str, Matter]:
    """items: (basic_code, owner_department, spec). Returns basic_code → Matter (with current version)."""
    if not items:
        return {}
    user, now = as_user(actor), timezone.now()
    specs = {code: normalise_spec(spec) for code, _owner, spec in items}
    matters = [Matter(basic_code=code, name=specs[code]["name"], matter_type=specs[code]["matter_type"],
                      owner_department=owner) for code, owner, _spec in items]
    for matter in matters:
        matter.clean_fields(exclude=["owner_department", "current_version"])
        matter.clean()
    Matter.objects.bulk_create(matters, batch_size=BATCH)
    versions = []
    for matter in matters:
        spec = specs[matter.basic_code]
        version = MatterVersion(matter=matter, number=1, status=VersionStatus.PUBLISHED,
                                change_note=change_note, created_by=user, published_by=user,
                                published_at=now, **{f: spec[f] for f in SCALAR_FIELDS})
        version.clean_fields(exclude=["matter", "created_by", "published_by"])
        version.clean()
        versions.append(version)
    MatterVersion.objects.bulk_create(versions, batch_size=BATCH)
    for matter, version in zip(matters, versions, strict=True):
        matter.current_version = version
    Matter.objects.bulk_update(matters, ["current_version"], batch_size=BATCH)

    objects = dict(ServiceObject.objects.values_list("code", "pk"))
    categories = dict(Category.objects.values_list("code", "pk"))
    so_through = MatterVersion.service_objects.through
    cat_through = MatterVersion.categories.through
    so_rows, cat_rows = [], []
    children = {key: [] for key in CHILDREN}
    for version in versions:
        spec = specs[version.matter.basic_code]
        so_rows += [so_through(matterversion_id=version.pk, serviceobject_id=objects[c])
                    for c in spec["service_objects"]]
        cat_rows += [cat_through(matterversion_id=version.pk, category_id=categories[c])
                     for c in spec["categories"]]
        for key, (model, _related, _fields) in CHILDREN.items():
            for order, row in enumerate(spec[key], start=1):
                child = model(version=version, order=order, **row)
                child.clean_fields(exclude=["version"])
                child.clean()
                children[key].append(child)
    so_through.objects.bulk_create(so_rows, batch_size=BATCH)
    cat_through.objects.bulk_create(cat_rows, batch_size=BATCH)
    for key, (model, _related, _fields) in CHILDREN.items():
        # bulk_create does not call save(): children of a version being published at creation.
        model.objects.bulk_create(children[key], batch_size=BATCH)
    return {m.basic_code: m for m in matters}


def create_implementations(items: list[tuple[Matter, object, dict]]) -> list[Implementation]:
    """items: (matter, department, local fields). The 实施编码 is derived as add_implementation does."""
    impls = []
    for matter, department, local in items:
        level = department.division.level
        impl = Implementation(matter=matter, department=department, level=level,
                              code=Implementation.derive_code(department, level, matter.basic_code), **local)
        impl.clean_fields(exclude=["matter", "department", "site"])
        impl.clean()
        impls.append(impl)
    Implementation.objects.bulk_create(impls, batch_size=BATCH)
    return impls
