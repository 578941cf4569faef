"""Where a person lands after signing in: staff at their work queue, applicants at 我的办件."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from tongban.accounts.models import Role
from tongban.accounts.selectors import is_platform_admin, roles_of


@login_required
def after_login(request):
    user = request.user
    if roles_of(user, Role.CLERK):
        return redirect("staff-desk")
    if roles_of(user, Role.APPROVER) or roles_of(user, Role.SUPERVISOR):
        return redirect("staff-inbox")
    if is_platform_admin(user):
        return redirect("admin:index")
    return redirect("applicant-cases")
