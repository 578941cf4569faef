"""What test_database_outage_is_survived.py sets up and drives: applicants with a matter to apply for,
a slow task, and the applicants submitting over HTTP all through the outage, as a careful client does
(one Idempotency-Key per application, the same key again until the server accepts it)."""

import json
import secrets
import threading
import time
from pathlib import Path

from django_tasks import task

from tongban.core.tests.own_cluster import call

PURPOSES = [{"value": "new", "label": "首次申请"}, {"value": "lost", "label": "遗失补领"}]


@task()
def note_run(path: str, first_run_seconds: float) -> int:
    """Notes each run in a file; the first run lasts long enough for the test to kill its worker."""
    marker = Path(path)
    with marker.open("a") as f:
        f.write("run\n")
    runs = len(marker.read_text().splitlines())
    if runs == 1:
        time.sleep(first_run_seconds)
    return runs


def make_world(clients: int, marker: Path) -> dict:
    """In the test database (copied to the test's cluster afterwards): one published matter with a
    small form and nothing to upload, one logged-in applicant per client, and note_run queued."""
    from django.conf import settings
    from django.test import Client

    from tongban.cases.tests.builders import make_user, valid_id
    from tongban.catalog.tests.builders import make_department, make_division, make_matter
    from tongban.forms.defaults import person_fields

    city = make_division()
    department = make_department(city, name="云川市公安局", sector="police")
    form = [{"key": "applicant_section", "type": "section", "label": "申请人信息"}, *person_fields(),
            {"key": "purpose", "type": "select", "label": "申请事由", "required": True, "options": PURPOSES}]
    _, impl = make_matter(department, basic_code="000105017000", name="户籍证明开具", matter_type="20",
                          service_objects=["1"], materials=[], fees=[], case_kind=2, promised_limit_days=3,
                          legal_limit_days=None, form_spec=form, results=[{"name": "户籍证明", "kind": "other"}])
    applicants = []
    for i in range(clients):
        user = make_user(f"outage{i:03d}", display_name=f"测试申请人{i:03d}",
                         id_number=valid_id(f"43010219900101{i:03d}"), phone=f"1380000{i:04d}")
        client = Client()
        client.force_login(user)
        csrf = secrets.token_hex(16)  # 32 characters: a CSRF secret the header may carry as is
        answers = {"applicant_name": user.display_name, "applicant_id_number": user.id_number,
                   "applicant_phone": user.phone, "applicant_address": "云川市芙蓉区人民路8号",
                   "purpose": PURPOSES[i % len(PURPOSES)]["value"]}
        body = json.dumps({"implementation_code": impl.code, "answers": answers, "channel": "mobile"},
                          ensure_ascii=False).encode()
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={csrf}"
        applicants.append({"body": body, "headers": {"Content-Type": "application/json", "Cookie": cookie,
                                                     "X-CSRFToken": csrf}})
    slow = note_run.enqueue(str(marker), 120)
    return {"applicants": applicants, "slow_task": str(slow.id)}


class Load:
    """One thread per applicant, each submitting one application after another until stopped, and
    each application again with its key until accepted (or the deadline)."""

    def __init__(self, port: int, applicants: list[dict]):
        self.port, self.applicants = port, applicants
        self.answers: list[tuple[str, object, dict, bytes, float]] = []  # key, status, headers, body, time
        self.accepted: dict[str, str] = {}  # key → case number the server answered
        self.unfinished: list[str] = []
        self.stop_new = threading.Event()
        self.deadline = float("inf")
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._apply, args=(i,), daemon=True) for i in range(len(applicants))]

    def start(self):
        for t in self._threads:
            t.start()

    def finish(self, within: float):
        """Submit no new applications; the ones under way keep trying for `within` seconds."""
        self.deadline = time.monotonic() + within
        self.stop_new.set()
        for t in self._threads:
            t.join(timeout=within + 35)

    def _apply(self, i: int):
        applicant, n = self.applicants[i], 0
        while not self.stop_new.is_set():
            key, n = f"outage-{i}-{n}", n + 1
            while True:
                status, headers, body = call(self.port, "POST", "/api/v1/cases", applicant["body"],
                                             {**applicant["headers"], "Idempotency-Key": key})
                with self._lock:
                    self.answers.append((key, status, headers, body, time.monotonic()))
                    if status in (200, 201):
                        self.accepted[key] = json.loads(body)["number"]
                if status in (200, 201):
                    break
                if time.monotonic() > self.deadline:
                    self.unfinished.append(key)
                    return
                time.sleep(0.3)

    def failures(self) -> list[tuple]:
        return [a for a in self.answers if a[1] not in (200, 201)]
