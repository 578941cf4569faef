"""Settings for bench/submit_load.py: the platform as it is (tongban/settings.py, driven by the
environment the benchmark sets), plus one bare endpoint (bench/urls_submit.py).

    DJANGO_SETTINGS_MODULE=bench.settings_submit
"""

from tongban.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_submit"
