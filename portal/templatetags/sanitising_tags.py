from django import template

from portal.sanitising import sanitise_html

register = template.Library()


@register.filter(name="sanitise")
def sanitise(value):
    """`{{ value|sanitise }}`: for HTML that did not come from Wagtail's rich-text editor."""
    return sanitise_html(value)
