"""Two web nodes behind one address: an applicant submits on node A, staff decide and download on node B, and
the applicant reads the decision's message on node A. The nodes share one PostgreSQL (the test database),
one Redis (cache, sessions, task queue) and one S3-compatible bucket, and nothing else: each has its own data
directory, and no file of the case is on either disk. A worker node sends the queued text messages.
55-90 s measured on the 2-core box while other test suites loaded it (load average 6-11); most of it is
Django starting in three processes at once."""

import json
import uuid

import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tongban.accounts.second_factor import give_device
from tongban.cases.models import Case
from tongban.cases.tests.api_support import sample_answers
from tongban.cases.tests.builders import PDF_BYTES, make_world
from tongban.core.tests.servers import (
    Browser,
    node_environment,
    nodes,
    object_store,
    redis_server,
    wait_for,
)
from tongban.notify.models import Channel, Notification, Status

# The nodes are other processes: they see only what this test commits (serialized_rollback restores the code
# tables the migrations seed once the test has emptied the database).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Tongban-node-test-2026"
CODES = {"clerk": "31415926", "approver": "27182818"}  # one backup code each (otp_static)


def _people():
    w = make_world()
    # A hash the nodes can check: this process hashes with MD5 (conftest.py), the nodes with PBKDF2 only.
    # Few rounds, to keep the logins quick; the hash names its rounds.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "tongbannodetest", iterations=1000)
    for user in (w.applicant, w.clerk, w.approver):
        user.password = hashed
        user.save(update_fields=["password"])
    for user in (w.clerk, w.approver):
        give_device("测试", user, key_hex="00" * 20, backup_codes=[CODES[user.username]])
    return w


def _act(browser, number, action, revision, **params):
    response = browser.post(f"/api/v1/cases/{number}/actions",
                            json={"action": action, "expected_revision": revision, "params": params})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_case_submitted_on_one_node_is_decided_and_downloaded_on_the_other(tmp_path):
    w = _people()
    prefix = f"tongban-test-{uuid.uuid4().hex[:8]}"
    with redis_server(tmp_path / "redis") as redis_url, object_store() as store:
        env_a, env_b, env_worker = (
            node_environment(redis_url=redis_url, store=store, data_dir=tmp_path / name, key_prefix=prefix)
            for name in ("node-a", "node-b", "worker"))
        with nodes([env_a, env_b], [env_worker], tmp_path / "logs") as (a, b):
            # Node A: the applicant applies online with the application form and its uploads.
            applicant = Browser(a)
            applicant.log_in("zhangsan", PASSWORD)
            uploads = {f"material_{m.pk}": (f"{m.name}.pdf", PDF_BYTES, "application/pdf")
                       for m in w.version.materials.all() if m.required and m.source == "applicant"}
            submitted = applicant.post("/api/v1/cases", files=uploads, data={
                "implementation_code": w.impl.code, "answers": json.dumps(sample_answers(w.version))})
            assert submitted.status_code == 201, submitted.text
            number = submitted.json()["number"]

            # Node B: the window accepts, the approver reviews and grants.
            clerk = Browser(b)
            clerk.log_in("clerk", PASSWORD, CODES["clerk"])
            case = _act(clerk, number, "accept", submitted.json()["revision"])
            approver = Browser(b)
            approver.log_in("approver", PASSWORD, CODES["approver"])
            case = _act(approver, number, "advance", case["revision"])
            case = _act(approver, number, "approve", case["revision"],
                        results=[{"name": "食品经营许可证", "number": "JY14399010000001"}])
            assert case["phase"]["code"] == "completed"

            # …and downloads, on node B, the material node A received and the decision it generates.
            files = approver.get(f"/api/v1/cases/{number}").json()["files"]
            assert len(files) == len(uploads)
            for f in files:
                download = approver.get(f["download_url"])
                assert download.status_code == 200 and download.content == PDF_BYTES
                assert download.headers["Cache-Control"] == "private, no-store"
            decision = approver.get(f"/cases/{number}/notices/decision.pdf")
            assert decision.status_code == 200 and decision.content.startswith(b"%PDF")

            # Node A: the applicant's messages carry the decision, and the same decision PDF is there.
            inbox = applicant.get("/my/messages/")
            assert inbox.status_code == 200 and number in inbox.text
            assert applicant.get(f"/cases/{number}/notices/decision.pdf").content.startswith(b"%PDF")

            # One session for both nodes, kept in the shared cache: logging out on B ends it on A at once.
            session_key = applicant.cookies["sessionid"]
            cache = redis.Redis.from_url(f"{redis_url}/0")
            assert any(session_key.encode() in k for k in cache.scan_iter(f"{prefix}:*"))
            on_b = applicant.on(b)
            assert on_b.get("/my/messages/").url.endswith("/my/messages/")
            on_b.post("/accounts/logout/")
            assert "/accounts/login/" in applicant.get("/my/messages/").url
            assert not any(session_key.encode() in k for k in cache.scan_iter(f"{prefix}:*"))

            # The worker node took the text messages the nodes queued in Redis, and sent them.
            sms = Notification.objects.filter(recipient=w.applicant, channel=Channel.SMS)
            wait_for(lambda: sms.count() >= 3 and not sms.exclude(status=Status.SENT).exists(), what="短信发送")
            assert "办件已办结（准予）" in "".join(sms.values_list("subject", flat=True))
            for browser in (applicant, on_b, clerk, approver):
                browser.close()  # no kept-alive connection holds a node's shutdown

        # The files are in the bucket, under private/, and on no node's disk.
        assert len(store.keys("private/cases/")) == len(uploads)
        for name in ("node-a", "node-b", "worker"):
            assert not [p for p in (tmp_path / name).rglob("*") if p.is_file() and "private" in p.parts]
    assert Case.objects.get(number=number).phase == "completed"
