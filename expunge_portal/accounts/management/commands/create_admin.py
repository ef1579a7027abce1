from expunge_portal.accounts.management.role_command import RoleUserCommand


class Command(RoleUserCommand):
    help = (
        "Create (or update) a superuser with a verified email, who can sign in at once (no "
        "confirmation email). `SUPERUSER_EMAIL=... SUPERUSER_PASSWORD=... make run` calls it."
    )
    is_superuser = True
    role_name = "superuser"
