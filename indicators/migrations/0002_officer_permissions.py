"""Moderators keep the indicators up to date: they edit an indicator's summary and links and import Fingertips files.
Editors can see the indicators but not change them, because a change shows on the site straight away, with no
moderation step.
"""

from django.db import migrations

GRANTS = {
    "Moderators": [
        ("indicator", "view"),
        ("indicator", "change"),
        ("importrun", "view"),
        ("importrun", "add"),
    ],
    "Editors": [("indicator", "view")],
}


def permissions(apps, pairs):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for model, action in pairs:
        content_type, _ = ContentType.objects.get_or_create(app_label="indicators", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
        )
        found.append(permission)
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, pairs in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions(apps, pairs))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, pairs in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*permissions(apps, pairs))


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("editorial", "0001_editor_and_moderator_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
