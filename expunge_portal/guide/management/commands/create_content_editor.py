from expunge_portal.accounts.management.role_command import RoleUserCommand
from expunge_portal.accounts.roles import CONTENT_EDITOR_GROUP


class Command(RoleUserCommand):
    help = (
        "Create (or update) a content editor: verified email, staff status so the admin opens, "
        "and the Content editors group, which may edit only the guide and county filing notes."
    )
    group = CONTENT_EDITOR_GROUP
    is_staff = True
    role_name = "content editor"
