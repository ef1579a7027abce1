"""Is the S3 bucket holding packet files private? Read from the bucket's ACL and policy."""

import json

from .storage import packet_storage

PUBLIC_GROUPS = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


def _public_principal(principal: object) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, dict):
        aws = principal.get("AWS")
        return aws == "*" or (isinstance(aws, list) and "*" in aws)
    return False


def _policy_exposure(policy_text: str) -> str:
    statements = json.loads(policy_text).get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    for statement in statements:
        if statement.get("Effect") == "Allow" and _public_principal(statement.get("Principal")):
            return "its policy allows anyone"
    return ""


def bucket_exposure() -> str:
    """Why the packet bucket is readable by others ("" when it is private, or when packets are
    kept on a local disk). Raises ConnectionError when the store cannot be asked."""
    from botocore.exceptions import (  # type: ignore[import-untyped]  # botocore has no types
        BotoCoreError,
        ClientError,
    )

    store = packet_storage()
    bucket_name = getattr(store, "bucket_name", None)
    if not bucket_name:
        return ""
    # An S3 store (it has a bucket name): django-storages' S3Storage has `connection`.
    client = store.connection.meta.client  # type: ignore[attr-defined]
    try:
        acl = client.get_bucket_acl(Bucket=bucket_name)
        for grant in acl.get("Grants", []):
            if grant.get("Grantee", {}).get("URI") in PUBLIC_GROUPS:
                return f"its ACL grants {grant.get('Permission', 'access')} to everyone"
        try:
            policy = client.get_bucket_policy(Bucket=bucket_name)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "NoSuchBucketPolicy":
                raise
            return ""
        return _policy_exposure(policy.get("Policy", "{}"))
    except (BotoCoreError, ClientError) as exc:
        raise ConnectionError(f"bucket {bucket_name}: {exc}") from exc
