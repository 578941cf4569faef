"""谁用了我的数据: the person's page listing who read their registry data, and for which case.

Like Estonia's data tracker (andmejälgija): every read of the person's record — by a department for
a case, by the platform for 实名认证, and refused attempts — with the department, the case number,
the fields and the time. Thin: the rows come from selectors.my_data_use (the person's own only).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tongban.core.masking import mask_id_number
from tongban.registries import selectors


@login_required
def my_data_use(request):
    user = request.user
    rows = selectors.my_data_use(user)
    organisations = selectors.represented_organisations(user)
    names = {}
    for row in rows:
        if row.resource_id not in names:
            names[row.resource_id] = selectors.field_names(row.resource)
        field_names = names[row.resource_id]
        row.field_names = [field_names.get(k, k) for k in row.fields]
        row.about_me = row.subject_key == (user.id_number or "").upper()
    return render(request, "registries/my_data_use.html", {
        "rows": rows, "organisations": organisations,
        "masked_id": mask_id_number(user.id_number or ""), "has_identity": bool(user.id_number),
        "reads": sum(1 for r in rows if r.allowed), "refused": sum(1 for r in rows if not r.allowed),
    })
