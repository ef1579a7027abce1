from expunge_portal.accounts.management.role_command import RoleUserCommand
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP


class Command(RoleUserCommand):
    help = "Create (or update) a clinic staff user with a verified email, for demos and setup."
    group = CLINIC_STAFF_GROUP
    role_name = "clinic staff user"
