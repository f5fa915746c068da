"""Models of the reports app, split by subject: import them from here.

``annual``: annual M&E report jobs and their archived versions.
"""

from .annual import ReportJob, ReportJobStatus, ReportStage, ReportVersion

__all__ = ["ReportJob", "ReportJobStatus", "ReportStage", "ReportVersion"]
