"""A message is sent only if what it announces was saved: the message and its delivery task are
written in the caller's transaction (database queue), never kept if the caller rolls back."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tongban.accounts.models import User
from tongban.notify.models import Notification, Status
from tongban.notify.services import notify


@pytest.mark.django_db
def test_rolled_back_caller_leaves_no_message_and_no_task(django_capture_on_commit_callbacks):
    user = User.objects.create(username="zhang", phone="13812341234")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            notify(user=user, subject="受理通知", body="您的申请已受理。")
            raise RuntimeError("the acceptance failed after all")
    assert callbacks == [] and not Notification.objects.exists() and not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_committed_message_is_delivered_by_the_worker(capsys):
    user = User.objects.create(username="zhang", phone="13812341234")
    with transaction.atomic():
        notify(user=user, subject="受理通知", body="您的申请已受理。", reference="YC2025000001",
               link="/my/cases/YC2025000001/")
    # One task for both channels, committed with the messages.
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["tongban.notify.tasks.deliver_many"]
    assert set(Notification.objects.values_list("status", flat=True)) == {Status.PENDING}

    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)

    assert set(Notification.objects.values_list("status", flat=True)) == {Status.SENT}
    out = capsys.readouterr().out
    assert "[短信] 138****1234 【云川市一体化政务服务平台】受理通知：您的申请已受理。" in out
    assert "13812341234" not in out
