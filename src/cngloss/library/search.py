"""The old name of ``library.catalog`` (and ``library.text_search``), kept only for the two
importers other branches of issue 22 rewrite (cli.py: Filters; output/json.py: ReportInfo).
Delete it once they import ``library.catalog``."""

from .catalog import Filters, ReportInfo

__all__ = ["Filters", "ReportInfo"]
