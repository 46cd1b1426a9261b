"""Both officer roles can read what visitors said in 'Is this page useful?'; Moderators can also delete it.

Nobody can add or change feedback in the admin (see feedback/wagtail_hooks.py).
"""

from django.db import migrations

GRANTS = {
    "Editors": [("view", "Can view page feedback")],
    "Moderators": [("view", "Can view page feedback"), ("delete", "Can delete page feedback")],
}


def permissions(apps, actions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="pagefeedback")
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_pagefeedback", defaults={"name": name}
        )[0]
        for action, name in actions
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions(apps, actions))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*permissions(apps, actions))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editor_and_moderator_groups_and_workflow"),
        ("feedback", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
