"""The two roles officers work in, and the moderation workflow that sits between them.

Editors write and submit changes; Moderators approve, publish, unpublish and look after site-wide settings.
Wagtail's own first migration already creates groups with these names; this migration takes them over and
gives them exactly the permissions below, so the result is the same on a fresh database and an existing one.
The "HET moderation" workflow is assigned to the root of the page tree, so every page (and every page created
in code, such as case study submissions) goes through it: `page.get_workflow()` returns it.

Reversing removes the HET workflow and task and both groups, and puts Wagtail's starter workflow back.
"""

from django.db import migrations

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "HET moderation"
TASK_NAME = "Moderator approval"
# Created by Wagtail's wagtailcore 0048 migration; replaced on the root page by the HET workflow.
STARTER_WORKFLOW_NAME = "Moderators approval"

# (app_label, model, codename, name): name is only used if the permission does not exist yet, which is the case
# on a fresh database because Django creates model permissions after all migrations have run.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
PAGE_PERMISSIONS = {
    "add": ("wagtailcore", "page", "add_page", "Can add page"),
    "change": ("wagtailcore", "page", "change_page", "Can change page"),
    "publish": ("wagtailcore", "page", "publish_page", "Publish any page"),
    "lock": ("wagtailcore", "page", "lock_page", "Lock/unlock pages you've locked"),
    "unlock": ("wagtailcore", "page", "unlock_page", "Unlock any page"),
}


def model_permission(app_label, model, action, verbose_name):
    return (app_label, model, f"{action}_{model}", f"Can {action} {verbose_name}")


def media_permissions(actions):
    return [
        *(model_permission("wagtailimages", "image", action, "image") for action in actions),
        *(model_permission("wagtaildocs", "document", action, "document") for action in actions),
    ]


ROLES = {
    EDITORS: {
        "global": [ACCESS_ADMIN],
        "pages": ["add", "change"],
        "collections": media_permissions(["add", "change", "choose"]),
    },
    MODERATORS: {
        "global": [
            ACCESS_ADMIN,
            model_permission("site_settings", "sitesettings", "change", "site settings"),
            model_permission("site_settings", "navigationsettings", "change", "navigation"),
            *(model_permission("wagtailredirects", "redirect", a, "redirect") for a in ("add", "change", "delete")),
            *(
                model_permission("wagtailsearchpromotions", "searchpromotion", a, "search promotion")
                for a in ("add", "change", "delete")
            ),
        ],
        "pages": ["add", "change", "publish", "lock", "unlock"],
        "collections": media_permissions(["add", "change", "choose", "delete"]),
    },
}


def get_permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set([get_permission(apps, *permission) for permission in role["global"]])
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).delete()
            for action in role["pages"]:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=get_permission(apps, *PAGE_PERMISSIONS[action])
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group, collection=root_collection).delete()
            for permission in role["collections"]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=get_permission(apps, *permission)
                )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_content_type, active=True)
    task.groups.set([groups[MODERATORS]])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    # Leave no second, unused workflow in the admin to confuse anyone; it is kept (disabled) so reversing can restore it.
    Workflow.objects.filter(name=STARTER_WORKFLOW_NAME, workflow_pages__isnull=True).exclude(
        workflow_states__status="in_progress"
    ).update(active=False)


def remove_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name__in=list(ROLES)).delete()

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    starter = Workflow.objects.filter(name=STARTER_WORKFLOW_NAME).first()
    if starter is not None:
        starter.active = True
        starter.save(update_fields=["active"])
        if root_page is not None and not WorkflowPage.objects.filter(page=root_page).exists():
            WorkflowPage.objects.create(page=root_page, workflow=starter)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("site_settings", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The latest migration of each app whose groups or permissions are set here, so that Wagtail's own
        # default group set-up has already run and cannot add anything afterwards.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow),
    ]
