import re

from django import template

register = template.Library()


@register.filter
def tel_href(phone):
    """`tel:` URL for a number as people write it: "010-123 45 67" → "tel:010-1234567"."""
    digits = re.sub(r"[^\d+\-]", "", phone or "")
    return f"tel:{digits}" if digits else ""
