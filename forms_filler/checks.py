"""System checks for what packet rendering needs from the host, shown by runserver, the worker
and `manage.py check` (for operators, so in English like Django's own)."""

from django.core.checks import CheckMessage, Error, Warning, register


@register("packets")
def font_subsetter(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Without HarfBuzz's subsetter packets still render, only slower (see docs/packets.md)."""
    # Imported when the check runs: loading WeasyPrint costs commands that never render.
    from .render.host import harfbuzz_subset_loaded

    if harfbuzz_subset_loaded():
        return []
    return [
        Warning(
            "The HarfBuzz subset library is missing, so packets render slowly.",
            hint=(
                "Install it with the system's package manager (Debian and Ubuntu: "
                "libharfbuzz-subset0); scripts/bootstrap does this when run as root."
            ),
            id="forms_filler.W001",
        )
    ]


@register("packets")
def packet_encryption_keys(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Packet files are encrypted at rest; without a key nothing can be stored or read."""
    from cryptography.fernet import Fernet
    from django.conf import settings

    keys = list(getattr(settings, "PACKET_ENCRYPTION_KEYS", []))
    if not keys:
        return [
            Error(
                "PACKET_ENCRYPTION_KEYS must be set when DEBUG is off.",
                hint=(
                    "Generate a key with: python -c 'from cryptography.fernet import Fernet; "
                    "print(Fernet.generate_key().decode())' and keep it with SECRET_KEY."
                ),
                id="forms_filler.E001",
            )
        ]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except ValueError:
            return [
                Error(
                    f"Key number {position} in PACKET_ENCRYPTION_KEYS is not a Fernet key.",
                    hint="A Fernet key is 32 random bytes in URL-safe base64 (44 characters).",
                    id="forms_filler.E001",
                )
            ]
    return []


@register("packets")
def private_bucket(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """An S3 bucket anyone can read would publish people's records: refuse to start on one."""
    from .object_store_checks import bucket_exposure

    try:
        exposure = bucket_exposure()
    except ConnectionError as exc:
        return [
            Warning(
                f"The packet bucket cannot be checked: {exc}",
                hint="Packets wait in the queue until the object store answers.",
                id="forms_filler.W002",
            )
        ]
    if exposure:
        return [
            Error(
                f"The packet bucket is not private: {exposure}.",
                hint="Remove every public grant and policy from the bucket; objects must be "
                "readable only with the portal's keys.",
                id="forms_filler.E002",
            )
        ]
    return []


@register("packets")
def official_forms_directory(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """A missing or wrong form in OFFICIAL_FORMS_DIR: packets fall back to the rendition."""
    from django.conf import settings

    directory = getattr(settings, "OFFICIAL_FORMS_DIR", "")
    if not directory:
        return []
    from .render.official import check_directory

    _forms, problems = check_directory(directory)
    return [
        Warning(
            f"OFFICIAL_FORMS_DIR: {problem} Packets use the rendition of CR-180 and CR-181.",
            hint=(
                "Put the Judicial Council's CR-180 and CR-181 (Rev. January 1, 2024), as "
                "downloaded from courts.ca.gov, in that directory as cr180.pdf and cr181.pdf, "
                "or unset OFFICIAL_FORMS_DIR."
            ),
            id="forms_filler.W003",
        )
        for problem in problems
    ]
