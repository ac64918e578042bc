"""The groups of DESIGN.md with their permissions. Later apps extend them in their own
migrations (events: pages below Veranstaltungen; community: member approval, comments)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAKTION = "Redaktion"
VERANSTALTUNGSMANAGEMENT = "Veranstaltungsmanagement"
MODERATION = "Moderation"
MITGLIEDER = "Mitglieder"

PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# Custom image and document models keep using the permissions of Wagtail's own models.
IMAGE_PERMISSIONS = ["add_image", "change_image", "delete_image", "choose_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "delete_document", "choose_document"]
MEDIA_UPLOAD_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
REDAKTION_MODEL_PERMISSIONS = [
    ("home", "change_sitesettings"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]


def ensure_permissions(apps):
    # Permissions are normally created after `migrate` finishes; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def collection_permission(apps, codename):
    # choose_image / choose_document may not exist yet on a fresh database: create them as
    # Wagtail itself would.
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model = (
        ("wagtaildocs", "document")
        if codename.endswith("document")
        else (
            "wagtailimages",
            "image",
        )
    )
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": "Can " + codename.replace("_", " ")},
    )
    return permission


def grant_on_collection(apps, group, collection, codenames):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=collection_permission(apps, codename)
        )


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    # Wagtail's own English sample groups would only confuse the German editors.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    redaktion, _ = Group.objects.get_or_create(name=REDAKTION)
    redaktion.permissions.add(access_admin)
    for app_label, codename in REDAKTION_MODEL_PERMISSIONS:
        redaktion.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=redaktion,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    grant_on_collection(apps, redaktion, root_collection, IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS)

    events, _ = Group.objects.get_or_create(name=VERANSTALTUNGSMANAGEMENT)
    events.permissions.add(access_admin)
    grant_on_collection(apps, events, root_collection, MEDIA_UPLOAD_PERMISSIONS)

    moderation, _ = Group.objects.get_or_create(name=MODERATION)
    moderation.permissions.add(access_admin)

    Group.objects.get_or_create(name=MITGLIEDER)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[REDAKTION, VERANSTALTUNGSMANAGEMENT, MODERATION, MITGLIEDER]
    ).delete()


class Migration(migrations.Migration):
    # Explicit leaves: Wagtail's own migrations that copy choose permissions to groups
    # (wagtailimages 0023, wagtaildocs 0012) must run before the groups get theirs.
    dependencies = [
        ("home", "0001_initial"),
        ("library", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
