"""我的消息: the logged-in person's in-site messages (list, open = mark read, mark all read)."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tongban.notify import selectors, services


@login_required
def inbox(request):
    page = Paginator(selectors.inbox(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "notify/inbox.html", {
        "page": page, "unread": selectors.unread_count(request.user),
    })


@login_required
def message(request, pk: int):
    item = selectors.get_message(request.user, pk)
    services.mark_read(request.user, item)
    return render(request, "notify/message.html", {"item": item})


@login_required
@require_POST
def read_all(request):
    count = services.mark_all_read(request.user)
    flash.success(request, f"已将 {count} 条消息标为已读。" if count else "没有未读消息。")
    return redirect("notify-inbox")
