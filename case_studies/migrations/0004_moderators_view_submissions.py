"""Moderators can read case study submissions: who sent each one, how to contact them and when they consented.

They review the draft pages made from submissions and may need to ask the partner about them. Editors are not
given this: submissions hold personal data. Nobody can add or change a submission in the admin
(case_studies/wagtail_hooks.py), so "view" is all there is to grant.
"""

from django.db import migrations

MODERATORS = "Moderators"
CODENAME = "view_casestudysubmission"


def view_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="case_studies", model="casestudysubmission")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can view case study submission"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.add(view_permission(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(view_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("case_studies", "0003_initial"),
        ("editorial", "0001_editor_and_moderator_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
