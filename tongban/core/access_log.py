"""gunicorn's logger, with ID and mobile numbers masked in every line it writes.

gunicorn writes its access log (the request line with its query, the Referer) and its error log itself,
outside Django's LOGGING, so the masking filter that Django's handlers carry (tongban/core/masking.py)
is added to gunicorn's two loggers here. gunicorn.conf.py names this class (logger_class) and
`tongban demo` passes it on the command line (tongban/cli.py). 个人信息保护法 第五十一条; docs/domain.md §10.
"""

from gunicorn.glogging import Logger

from tongban.core.masking import MaskPersonalDataFilter


class MaskingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)  # also run again on a configuration reload (HUP): add the filter once
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, MaskPersonalDataFilter) for f in log.filters):
                log.addFilter(MaskPersonalDataFilter())
