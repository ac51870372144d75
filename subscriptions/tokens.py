"""The signed one-click unsubscribe token in digest mails (no login needed)."""

from django.core import signing

SALT = "subscriptions.unsubscribe"
MAX_AGE = 60 * 60 * 24 * 120  # a digest's link keeps working for four months


def make_token(user):
    return signing.dumps({"u": user.pk}, salt=SALT)


def user_id_from(token):
    """The user id in a valid token, else None (tampered, expired or malformed)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None
