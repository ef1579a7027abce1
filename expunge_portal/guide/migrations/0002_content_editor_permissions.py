"""The "Content editors" group may edit the guide and the county filing notes, and nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Content editors"
CODENAMES = (
    "view_guidepage",
    "add_guidepage",
    "change_guidepage",
    "delete_guidepage",
    "view_countyfilingnote",
    "change_countyfilingnote",
    "view_historicalguidepage",
    "view_historicalcountyfilingnote",
)


def grant(apps, schema_editor):
    # Permissions are normally created after migrate finishes; this migration needs them now.
    app_config = apps.get_app_config("guide")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="guide", codename__in=CODENAMES
    )
    if permissions.count() != len(CODENAMES):
        raise RuntimeError("guide permissions are missing")
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(
                content_type__app_label="guide", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guide", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
