"""Side-by-side comparison of a shared routine and its local versions (difflib)."""

import difflib
import html
import re

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags

from portal.access import access_for

_BLOCK_BREAK = re.compile(r"</(p|li|h[1-6]|tr|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def _block_lines(value):
    """Readable text lines of one StreamField block."""
    rendered = str(value.render_as_block() if hasattr(value, "render_as_block") else value)
    text = _BLOCK_BREAK.sub("\n", rendered)
    text = html.unescape(strip_tags(text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def routine_lines(routine):
    lines = []
    for label, value in (("Syfte", routine.purpose), ("Gäller", routine.applies_to)):
        if value:
            lines.extend(f"{label}: {line}" for line in _block_lines(value))
    if routine.responsible_role:
        lines.append(f"Ansvarig roll: {routine.responsible_role}")
    for block in routine.steps:
        if block.block_type == "numbered_steps":
            if block.value.get("heading"):
                lines.append(block.value["heading"])
            for number, step in enumerate(block.value["steps"], start=1):
                lines.append(f"{number}. {step['title']}")
                lines.extend(f"   {line}" for line in _block_lines(step["text"] or ""))
        else:
            lines.extend(_block_lines(block))
    return lines


def side_by_side(left_lines, right_lines):
    """Rows of (left, right, kind) where kind is equal / changed / removed / added."""
    rows = []
    matcher = difflib.SequenceMatcher(a=left_lines, b=right_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = left_lines[i1:i2], right_lines[j1:j2]
        if tag == "equal":
            rows.extend((a, b, "equal") for a, b in zip(left, right, strict=True))
            continue
        for index in range(max(len(left), len(right))):
            a = left[index] if index < len(left) else ""
            b = right[index] if index < len(right) else ""
            kind = "changed" if a and b else ("removed" if a else "added")
            rows.append((a, b, kind))
    return rows


def _refuse(request, access, page_id):
    """The 404 for an id outside the family. A routine the reader may not see is a refusal,
    written to the audit log like every refusal (`portal.views.refuse`)."""
    from knowledge.models import RoutinePage
    from portal.views import refuse_as_missing

    # `id` is Page's integer column: a number too large for it finds nothing (no overflow).
    routine = RoutinePage.objects.filter(id=page_id).first()
    # Visitors too get the 404: the 404 handler asks them to log in.
    refuse_as_missing(request, routine if routine and not access.can_view_page(routine) else None)


def compare_view(shared, request):
    """`?a=<id>&b=<id>`: any two of the shared routine and its local versions."""
    from knowledge.models import RoutinePage

    access = access_for(request.user)
    family = {shared.pk: shared}
    for version in access.visible_pages(RoutinePage.objects.filter(local_version_of=shared)):
        family[version.pk] = version
    versions = sorted(family.values(), key=lambda page: (page.pk != shared.pk, page.title))

    def pick(name, default):
        raw = request.GET.get(name)
        if raw is None:
            return default
        try:
            page_id = int(raw)
        except ValueError:
            raise Http404 from None
        if page_id not in family:
            _refuse(request, access, page_id)
        return family[page_id]

    if len(versions) < 2 and not request.GET:
        left = right = shared
    else:
        left = pick("a", versions[0])
        right = pick("b", versions[1] if len(versions) > 1 else versions[0])
    rows = side_by_side(routine_lines(left), routine_lines(right))
    context = {
        "page": shared,
        "left": left,
        "right": right,
        "versions": versions,
        "rows": rows,
        "differences": sum(1 for row in rows if row[2] != "equal"),
    }
    return TemplateResponse(request, "knowledge/compare.html", context)
