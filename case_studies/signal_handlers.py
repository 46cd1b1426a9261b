"""Keeps each submission's status in step with what moderators do to its draft page."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, workflow_rejected

from case_studies.models import CaseStudyPage, CaseStudySubmission
from case_studies.signals import submission_received
from case_studies.submissions import record_decision, send_submission_emails


@receiver(page_published, sender=CaseStudyPage)
def case_study_published(sender, instance, **kwargs):
    record_decision(instance.pk, CaseStudySubmission.STATUS_PUBLISHED)


@receiver(workflow_rejected)
def case_study_rejected(sender, instance, **kwargs):
    if issubclass(instance.content_type.model_class() or Page, CaseStudyPage):
        record_decision(int(instance.object_id), CaseStudySubmission.STATUS_REJECTED)


@receiver(pre_delete, sender=CaseStudyPage)
def case_study_deleted(sender, instance, **kwargs):
    # A deleted draft is a decision too: the retention period for the partner's details starts now.
    record_decision(instance.pk, CaseStudySubmission.STATUS_PAGE_DELETED)


@receiver(submission_received)
def email_about_submission(sender, submission_pk, notice_recipient, **kwargs):
    send_submission_emails(submission_pk, notice_recipient)
