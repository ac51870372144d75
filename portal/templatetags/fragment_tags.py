"""`{% reach_cache "name" part ... %}…{% endreach_cache %}`: a rendered part of a page kept
in the cache for everyone who may reach the same things (portal/fragments.py).

Django's `{% cache %}` with the key parts it cannot know filled in: the portal's cache
version (any change of content or privacy retires every fragment), the reader's reach
(never the person), the language and the host; switched off in previews, for a POST and
when a part given is None. Nothing inside may depend on the person: no CSRF token, no
name, nothing they have confirmed or follow.
"""

from django import template

from portal import fragments

register = template.Library()


class ReachCacheNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        return fragments.cached_html(
            context.get("request"),
            self.name.resolve(context),
            [part.resolve(context) for part in self.parts],
            lambda: self.nodelist.render(context),
        )


@register.tag
def reach_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("reach_cache takes a fragment name")
    nodelist = parser.parse(("endreach_cache",))
    parser.delete_first_token()
    return ReachCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
