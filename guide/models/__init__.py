"""Models of the guide app: the Guide for cooperation, case studies, the
competence framework and training programme, project outputs and resources."""

from .case_studies import CaseStudyCentre, CaseStudyIndexPage, CaseStudyPage
from .framework import CompetenceFrameworkPage
from .guide import GuideChapterPage, GuidePage
from .outputs import ProjectOutputsPage
from .resources import DownloadCount, Resource, ResourceFile
from .taxonomy import Competence, CourseLink, Theme, TrainingModule

__all__ = [
    "CaseStudyCentre",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "Competence",
    "CompetenceFrameworkPage",
    "CourseLink",
    "DownloadCount",
    "GuideChapterPage",
    "GuidePage",
    "ProjectOutputsPage",
    "Resource",
    "ResourceFile",
    "Theme",
    "TrainingModule",
]
