"""CSV and vCard 3.0 exports of the directory. Callers pass organisations that already went
through the access module (see `partners.directory`), with `current_contacts` prefetched.

The CSV is what Swedish Excel opens by double-click: UTF-8 with a byte-order mark,
semicolon-separated. Its columns are also what `manage.py import_partners` reads.
"""

import csv
import io
import re

import vobject
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

# (key, header). Headers are fixed Swedish words: they are a file format, not UI text.
CSV_COLUMNS = [
    ("name", "Organisation"),
    ("kind", "Typ"),
    ("description", "Beskrivning"),
    ("municipalities_served", "Kommuner"),
    ("topics", "Ämnen"),
    ("website", "Webbplats"),
    ("switchboard_phone", "Växel"),
    ("email", "Funktionsbrevlåda"),
    ("visiting_address", "Besöksadress"),
    ("opening_hours", "Öppettider"),
    ("checked_on", "Kontrollerad"),
    ("limited_to", "Endast för kommuner"),
    ("contact_name", "Kontaktperson"),
    ("contact_title", "Titel"),
    ("contact_phone", "Telefon"),
    ("contact_email", "E-post"),
    ("contact_about", "Kontakta om"),
    ("contact_limited_to", "Kontakt endast för kommuner"),
]
CSV_HEADERS = [header for _key, header in CSV_COLUMNS]
CSV_DELIMITER = ";"
LIST_SEPARATOR = ", "

# Spreadsheet programs run cells starting with these as formulas; a phone number may still
# start with + or -.
_FORMULA_START = ("=", "@", "\t", "\r")
_PHONE_LIKE = re.compile(r"^[+\-]?[\d\s\-()]+$")


def neutralise_formula(value):
    if not value:
        return value
    if value.startswith(_FORMULA_START) or (
        value.startswith(("+", "-")) and not _PHONE_LIKE.match(value)
    ):
        return "'" + value
    return value


def restore_formula(value):
    """Undo `neutralise_formula` when reading an exported file back."""
    if len(value) > 1 and value[0] == "'" and neutralise_formula(value[1:]) == value:
        return value[1:]
    return value


def _names(items):
    return LIST_SEPARATOR.join(item.name for item in items)


def organisation_rows(organisation):
    """One row per current contact; an organisation without contacts gets one row."""
    with translation.override("sv"):
        kind = str(organisation.get_kind_display())
    base = {
        "name": organisation.name,
        "kind": kind,
        "description": organisation.description,
        "municipalities_served": _names(organisation.municipalities_served.all()),
        "topics": LIST_SEPARATOR.join(sorted(tag.name for tag in organisation.topics.all())),
        "website": organisation.website,
        "switchboard_phone": organisation.switchboard_phone,
        "email": organisation.email,
        "visiting_address": organisation.visiting_address,
        "opening_hours": organisation.opening_hours,
        "checked_on": organisation.checked_on.isoformat() if organisation.checked_on else "",
        "limited_to": _names(organisation.limited_to.all()),
    }
    contacts = organisation.current_contacts or [None]
    for contact in contacts:
        row = dict(base)
        if contact is not None:
            row.update(
                contact_name=contact.name,
                contact_title=contact.title,
                contact_phone=contact.phone,
                contact_email=contact.email,
                contact_about=contact.contact_about,
                contact_limited_to=_names(contact.limited_to.all()),
            )
        yield [neutralise_formula(row.get(key, "")) for key, _header in CSV_COLUMNS]


def csv_text(organisations):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for organisation in organisations:
        writer.writerows(organisation_rows(organisation))
    return buffer.getvalue()


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_response(organisations, filename):
    # "utf-8-sig" writes the byte-order mark Excel needs to read å, ä and ö correctly.
    return _attachment(
        csv_text(organisations).encode("utf-8-sig"), "text/csv; charset=utf-8", filename
    )


def _name_parts(full_name):
    parts = full_name.split()
    if len(parts) < 2:
        return vobject.vcard.Name(family=full_name)
    return vobject.vcard.Name(family=parts[-1], given=" ".join(parts[:-1]))


def _add(card, field, value, type_param=None):
    if value:
        line = card.add(field)
        line.value = value
        if type_param:
            line.type_param = type_param


def contact_vcard(contact, organisation):
    card = vobject.vCard()
    card.add("n").value = _name_parts(contact.name)
    card.add("fn").value = contact.name
    card.add("org").value = [organisation.name]
    _add(card, "title", contact.title)
    _add(card, "tel", contact.phone, "WORK")
    _add(card, "email", contact.email, "INTERNET")
    _add(card, "note", contact.contact_about)
    _add(card, "url", organisation.website)
    return card


def organisation_vcard(organisation):
    """The organisation's own card: switchboard, functional e-mail, visiting address."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=organisation.name)
    card.add("fn").value = organisation.name
    card.add("org").value = [organisation.name]
    card.add("x-abshowas").value = "COMPANY"
    _add(card, "tel", organisation.switchboard_phone, "WORK")
    _add(card, "email", organisation.email, "INTERNET")
    if organisation.visiting_address:
        card.add("adr").value = vobject.vcard.Address(street=organisation.visiting_address)
    _add(card, "url", organisation.website)
    _add(card, "note", organisation.opening_hours)
    return card


def organisations_vcards(organisations):
    for organisation in organisations:
        yield organisation_vcard(organisation)
        for contact in organisation.current_contacts:
            yield contact_vcard(contact, organisation)


def vcard_response(cards, filename):
    text = "".join(card.serialize() for card in cards)
    return _attachment(text.encode("utf-8"), "text/vcard; charset=utf-8", filename)
