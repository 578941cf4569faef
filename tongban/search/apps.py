import os
import sys
import threading

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "tongban.search"
    verbose_name = "搜索"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Apps that feed the index keep an `indexing` module that registers its source (catalog's
        # matters, later themes); the search app finds them without importing upward.
        autodiscover_modules("indexing")
        # jieba's dictionary costs 1–2 s to load: do it in the background at start-up rather than
        # in the first citizen's search. Skipped under pytest and when switched off.
        if os.environ.get("TONGBAN_SEARCH_WARMUP", "1") != "0" and "pytest" not in sys.modules:
            from tongban.search.text import warm_up

            threading.Thread(target=warm_up, name="jieba-warm-up", daemon=True).start()
