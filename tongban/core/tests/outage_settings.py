"""Settings for the processes test_database_outage_is_survived.py starts: the platform's own
(tongban/settings.py, from the environment the test sets), with the notification sweep due every 2 s
instead of 30 s, so that the scheduler's carrying on after the outage shows within the test."""

from tongban.settings import *  # noqa: F403

PERIODIC_TASKS = [("tongban.notify.tasks.deliver_due", 2)]
