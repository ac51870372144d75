"""No client data by mistake: block publishing text that contains a Swedish personal identity
number (personnummer) or coordination number (samordningsnummer, day + 60).

Installed once on Wagtail's `WagtailAdminModelForm.clean`, the base of every page form, every
snippet form and their inline child forms, so page types and snippets of every app are covered
without opting in. Draft saves are allowed; publishing (and submitting to a workflow) is not.
A superuser can allow one number in one object with a recorded reason
(`IdentityNumberOverride`, also written to the audit log).
"""

import json
import re
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.se import personnummer

CANDIDATE = re.compile(
    r"(?<![\d\w])(?P<century>19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+ ]?)(?P<serial>\d{3})(?P<check>\d)(?![\d\w])"
)
# Publishing, submitting to a workflow, and a moderator's edit-and-approve.
PUBLISH_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")
# Revision metadata that is never human text (and may hold long digit or UUID strings).
METADATA_KEYS = {"id", "type", "pk", "path", "url_path", "translation_key", "content_type"}
CONTEXT_CHARS = 30


def luhn_ok(digits):
    """The check digit rule (python-stdnum's Luhn) on a string of digits."""
    return luhn.is_valid(digits)


def is_identity_number(number):
    """True for a valid personnummer or samordningsnummer, written as YYMMDD-NNNC or
    YYYYMMDD-NNNC (`+` instead of `-` for people aged 100 or more)."""
    if personnummer.is_valid(number):
        return True
    # python-stdnum 2.2 knows no samordningsnummer (day of birth + 60, check digit over the
    # digits as written): ask it about the birth date with 60 taken off the day, and run
    # its Luhn over the ten digits as written.
    day = int(number[-7:-5])
    if day <= 60:
        return False
    birth = f"{number[:-7]}{day - 60:02d}{number[-5:]}"
    try:
        personnummer.get_birth_date(birth)
    except StdnumValidationError:
        return False
    return luhn_ok((number[:-5] + number[-4:])[-10:])


def find_numbers(text):
    """(start, end, ten_digits) for each valid-looking number in the text."""
    found = []
    for match in CANDIDATE.finditer(text or ""):
        g = match.groupdict()
        separator = "+" if g["sep"] == "+" else "-"
        tail = f"{g['serial']}{g['check']}"
        number = f"{g['century'] or ''}{g['yy']}{g['mm']}{g['dd']}{separator}{tail}"
        if is_identity_number(number):
            found.append((match.start(), match.end(), f"{g['yy']}{g['mm']}{g['dd']}{tail}"))
    return found


def _masked(text, start, end):
    """The number with its last four digits hidden, and a few words either side."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    number = text[start:end]
    after = text[end : end + CONTEXT_CHARS]
    return f"…{before}{number[:-4]}XXXX{after}…"


# --- reading form values --------------------------------------------------------------


def _strings(value):
    """Every piece of human text inside a form value (StreamField, rich text, plain)."""
    if value is None or isinstance(value, bool | int | float):
        return
    if hasattr(value, "get_prep_value") and hasattr(value, "stream_block"):  # StreamValue
        yield from _json_strings(value.get_prep_value())
    elif hasattr(value, "source"):  # RichText
        yield re.sub(r"<[^>]+>", " ", value.source)
    elif isinstance(value, str):
        yield re.sub(r"<[^>]+>", " ", value) if "<" in value else value
    elif isinstance(value, dict | list | tuple):
        yield from _json_strings(value)


def _json_strings(data, key=None):
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in METADATA_KEYS and not k.endswith("_id"):
                yield from _json_strings(v, k)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _json_strings(item, key)
    elif isinstance(data, str):
        if data.startswith("{") or data.startswith("["):
            try:
                yield from _json_strings(json.loads(data))
                return
            except ValueError:
                pass
        yield re.sub(r"<[^>]+>", " ", data) if "<" in data else data


# --- the check on forms ---------------------------------------------------------------


def _owner_model(form):
    """The model whose publication this form is part of (the parent of an inline row)."""
    model = type(form.instance)
    if form.prefix:
        from modelcluster.fields import ParentalKey

        for field in model._meta.get_fields():
            if isinstance(field, ParentalKey):
                return field.related_model
    return model


def _is_publishing(form):
    from wagtail.models import DraftStateMixin

    model = _owner_model(form)
    if issubclass(model, DraftStateMixin):
        return any(form.data.get(key) is not None for key in PUBLISH_ACTIONS)
    return True  # saving a model without drafts publishes it


def _allowed_numbers(form):
    from portal.models import IdentityNumberOverride

    instance = form.instance
    content_type = ContentType.objects.get_for_model(type(instance), for_concrete_model=False)
    object_ids = [""] + ([str(instance.pk)] if instance.pk else [])
    rows = IdentityNumberOverride.objects.filter(
        content_type=content_type, object_id__in=object_ids
    )
    return set(rows.values_list("number", flat=True)), content_type


def _is_phone_field(name, field):
    """Mobile numbers written without spaces (0701234567) can pass the date and Luhn test;
    a field meant for a phone number is not where identity numbers are typed."""
    lowered = name.lower()
    return (
        "phone" in lowered
        or "telefon" in lowered
        or getattr(field.widget, "input_type", "") == "tel"
    )


def check_form(form):
    if not form.is_bound or not _is_publishing(form):
        return
    hits = []
    for name, field in form.fields.items():
        if name not in form.cleaned_data or _is_phone_field(name, field):
            continue
        for text in _strings(form.cleaned_data[name]):
            hits += [(name, text, s, e, ten) for s, e, ten in find_numbers(text)]
    if not hits:
        return
    allowed, content_type = _allowed_numbers(form)
    for name, text, start, end, ten in hits:
        if ten in allowed:
            continue
        message = _(
            "This looks like a personal identity number or coordination number: “%(where)s”. "
            "Never publish information about individual people. Remove it, or save as a draft."
        ) % {"where": _masked(text, start, end)}
        override = override_url(content_type, form.instance.pk, ten)
        message += " " + _(
            "If the number is not about a person, an administrator can allow it at %(url)s"
        ) % {"url": override}
        form.add_error(name, ValidationError(message, code="identity_number"))


def override_url(content_type, object_id, number):
    query = urlencode({"ct": content_type.pk, "obj": object_id or "", "number": number})
    return f"{reverse('portal_identity_number_override')}?{query}"


def install_form_check():
    from wagtail.admin.forms.models import WagtailAdminModelForm

    if getattr(WagtailAdminModelForm.clean, "_portal_identity_check", False):
        return
    original_clean = WagtailAdminModelForm.clean

    def clean(self):
        cleaned = original_clean(self)
        check_form(self)
        return cleaned

    clean._portal_identity_check = True
    WagtailAdminModelForm.clean = clean


# --- bulk publishing from the page listing ------------------------------------------------


def blocked_numbers_in_page(page):
    """Masked snippets of numbers in the page's latest revision that no override allows."""
    from portal.models import IdentityNumberOverride

    revision = page.get_latest_revision()
    content = revision.content if revision else {}
    specific = page.specific_class or type(page)
    content_type = ContentType.objects.get_for_model(specific, for_concrete_model=False)
    allowed = set(
        IdentityNumberOverride.objects.filter(
            content_type=content_type, object_id__in=["", str(page.pk)]
        ).values_list("number", flat=True)
    )
    found = []
    for text in _json_strings(content):
        found += [_masked(text, s, e) for s, e, ten in find_numbers(text) if ten not in allowed]
    return found


def refuse_bulk_publish(request, action_type, objects, action):
    """`before_bulk_action` hook: the listing's "Publish" must not bypass the check."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.models import Page

    if action_type != "publish":
        return None
    blocked = [
        (obj, hits)
        for obj in objects
        if isinstance(obj, Page) and (hits := blocked_numbers_in_page(obj))
    ]
    if not blocked:
        return None
    for page, hits in blocked:
        messages.error(
            request,
            _(
                "“%(title)s” was not published: it contains what looks like a personal identity "
                "number (%(where)s). Open the page to remove it."
            )
            % {"title": page.get_admin_display_title(), "where": "; ".join(hits)},
        )
    return redirect(getattr(action, "next_url", None) or reverse("wagtailadmin_explore_root"))
