"""The JSON API under /api/v1/: each bounded context contributes its router."""

from ninja import NinjaAPI

from tongban.core.api_errors import RefusingParser, install_error_handlers

api = NinjaAPI(
    title="Tongban 一网通办 API",
    version="1.0.0",
    description="一体化政务服务平台开放接口。错误以 JSON 返回：{code, message, fields?}，message 为中文。",
    urls_namespace="api-v1",
    parser=RefusingParser(),  # a NUL, a lone surrogate or absurd nesting in JSON is a Chinese 400
)
install_error_handlers(api)


def _mount():
    from tongban.cases.api import router as cases_router
    from tongban.catalog.api import router as catalog_router
    from tongban.delivery.api import router as delivery_router
    from tongban.licences.api import router as licences_router
    from tongban.notify.api import router as notify_router
    from tongban.org.api import router as org_router
    from tongban.payments.api import router as payments_router
    from tongban.ratings.api import router as ratings_router
    from tongban.registries.api import router as registries_router
    from tongban.search.api import router as search_router
    from tongban.themes.api import router as themes_router
    from tongban.workcal.api import router as workcal_router

    api.add_router("/", org_router)
    api.add_router("/", catalog_router)
    api.add_router("/search", search_router)
    api.add_router("/calendar", workcal_router)
    api.add_router("/notifications", notify_router)
    api.add_router("/payments", payments_router)
    api.add_router("/shipments", delivery_router)
    api.add_router("/cases", cases_router)
    api.add_router("/", themes_router)  # /themes, /joint-cases
    api.add_router("/ratings", ratings_router)
    api.add_router("/registries", registries_router)
    _install_case_directory()
    api.add_router("/licences", licences_router)


def _install_case_directory():
    """The registries sit below the cases app: they learn about a case (its matter, department and
    parties) through this directory, installed here at the composition root (docs/decisions/0009)."""
    from tongban.cases.models import Case, CaseBundle
    from tongban.registries.purposes import use_case_directory

    def by_number(number):
        return (Case.objects.select_related("implementation__matter", "department", "applicant")
                .filter(number=number).first())

    def numbers(uids):
        uids = list(uids)
        found = {str(uid): number for uid, number in
                 Case.objects.filter(uid__in=uids, number__isnull=False).values_list("uid", "number")}
        # A theme journey's reads are logged with the joint case's uid (tongban/themes/prefill.py).
        found.update({str(uid): number for uid, number in
                      CaseBundle.objects.filter(uid__in=uids).values_list("uid", "number")})
        return found

    use_case_directory(by_number=by_number, numbers=numbers)


_mount()
