"""The logged-in user's in-site messages (站内消息), read-only: /api/v1/notifications."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.security import SessionAuth

from tongban.core.api_errors import errors, register_field_labels
from tongban.notify import selectors

router = Router(tags=["站内消息"], auth=SessionAuth())

register_field_labels({"unread": "仅未读"})


class MessageOut(Schema):
    id: int = Field(description="消息编号")
    subject: str = Field(description="标题")
    body: str = Field(description="内容")
    reference: str = Field(description="业务编号，如办件编号")
    link: str = Field(description="站内链接（路径）")
    created_at: dt.datetime = Field(description="时间")
    read_at: dt.datetime | None = Field(None, description="阅读时间；未读为空")


class InboxOut(Schema):
    unread: int = Field(description="未读条数")
    items: list[MessageOut] = Field(description="最近的消息（最多 50 条，新的在前）")


class InboxQuery(Schema):
    unread: bool = Field(False, description="只列未读消息")


@router.get("", response={200: InboxOut, **errors(401, 422)}, operation_id="listMyMessages",
            summary="我的站内消息")
def list_messages(request, q: Query[InboxQuery]):
    items = selectors.unread(request.auth) if q.unread else selectors.inbox(request.auth)
    return {"unread": selectors.unread_count(request.auth), "items": list(items[:50])}
