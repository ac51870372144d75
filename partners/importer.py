"""Import of the directory CSV (the same columns as the export), all or nothing.

`read_rows` checks the file as a whole (encoding, columns), `validate` checks every row and
collects every error with its row number (row 1 is the header, as in a spreadsheet), and
`apply` writes only when there are no errors. Organisations are matched by name and
updated; contacts are matched by name within their organisation. Nothing is deleted.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partners.exports import CSV_COLUMNS, CSV_DELIMITER, CSV_HEADERS, restore_formula
from partners.models import ContactPerson, OrganisationKind, PartnerOrganisation
from portal.models import Municipality

HEADER_TO_KEY = {header: key for key, header in CSV_COLUMNS}
ORGANISATION_KEYS = [key for key, _header in CSV_COLUMNS if not key.startswith("contact_")]
CONTACT_KEYS = [key for key, _header in CSV_COLUMNS if key.startswith("contact_")]
KEY_TO_HEADER = dict(CSV_COLUMNS)


class ImportFileError(Exception):
    """The file cannot be read at all; nothing was imported."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class OrganisationPlan:
    row: int
    values: dict
    contacts: list = field(default_factory=list)  # (row, values)


@dataclass
class ImportResult:
    organisations_created: int = 0
    organisations_updated: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0


def read_rows(data):
    """(row number, {key: value}) for every non-empty record of the CSV bytes."""
    if not data or not data.strip():
        raise ImportFileError([_("The file is empty.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            [
                _(
                    "The file is not UTF-8 text (unreadable byte at position %(position)s). "
                    "In Excel, save it as “CSV UTF-8 (comma delimited)”."
                )
                % {"position": error.start}
            ]
        ) from error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=CSV_DELIMITER)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportFileError(
            [_("The file is not valid CSV: %(error)s") % {"error": error}]
        ) from error
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFileError([_("The file is empty.")])
    header = [cell.strip() for cell in records[0]]
    _check_header(header)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            rows.append((number, None, len(record)))
            continue
        values = {
            HEADER_TO_KEY[name]: restore_formula(cell.strip())
            for name, cell in zip(header, record, strict=True)
        }
        rows.append((number, values, len(record)))
    if not rows:
        raise ImportFileError([_("The file has a header row but no data rows.")])
    return rows, len(header)


def _check_header(header):
    problems = []
    missing = [name for name in CSV_HEADERS if name not in header]
    unknown = [name for name in header if name not in HEADER_TO_KEY]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if len(header) == 1 and "," in header[0]:
        problems.append(_("The columns must be separated by semicolons (;), not commas."))
    else:
        if missing:
            problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
        if unknown:
            problems.append(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
        if duplicated:
            problems.append(_("Columns given twice: %(names)s.") % {"names": ", ".join(duplicated)})
    if problems:
        problems.append(
            _("Expected the columns of the directory's CSV export: %(names)s.")
            % {"names": "; ".join(CSV_HEADERS)}
        )
        raise ImportFileError(problems)


def _kinds_by_word():
    """Kind codes by code and by label in every language, compared case-insensitively."""
    from django.conf import settings

    words = {}
    for code, label in OrganisationKind.choices:
        words[code.casefold()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                words[str(label).casefold()] = code
    return words


def _municipalities_by_word():
    words = {}
    for municipality in Municipality.objects.all():
        for word in (
            municipality.name,
            municipality.slug,
            municipality.name.removesuffix(" kommun"),
        ):
            words[word.casefold()] = municipality
    return words


class _ListOfMunicipalities(forms.CharField):
    def __init__(self, municipalities, **kwargs):
        super().__init__(required=False, **kwargs)
        self.municipalities = municipalities

    def clean(self, value):
        value = super().clean(value)
        found, unknown = [], []
        for word in (part.strip() for part in value.split(",")):
            if not word:
                continue
            municipality = self.municipalities.get(word.casefold())
            (found if municipality else unknown).append(municipality or word)
        if unknown:
            raise forms.ValidationError(
                _("Unknown municipality: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return sorted({m.pk: m for m in found}.values(), key=lambda m: m.name)


class _Kind(forms.CharField):
    def __init__(self, kinds, **kwargs):
        super().__init__(**kwargs)
        self.kinds = kinds

    def clean(self, value):
        value = super().clean(value)
        code = self.kinds.get(value.casefold())
        if code is None:
            raise forms.ValidationError(
                _("Unknown kind “%(value)s”. Use one of: %(kinds)s.")
                % {
                    "value": value,
                    "kinds": ", ".join(str(label) for _code, label in OrganisationKind.choices),
                }
            )
        return code


class OrganisationRowForm(forms.Form):
    def __init__(self, data, *, kinds, municipalities):
        super().__init__(data)
        self.fields.update(
            {
                "name": forms.CharField(max_length=200),
                "kind": _Kind(kinds),
                "description": forms.CharField(required=False),
                "municipalities_served": _ListOfMunicipalities(municipalities),
                "topics": forms.CharField(required=False),
                "website": forms.URLField(required=False, max_length=200, assume_scheme="https"),
                "switchboard_phone": forms.CharField(required=False, max_length=40),
                "email": forms.EmailField(required=False),
                "visiting_address": forms.CharField(required=False),
                "opening_hours": forms.CharField(required=False),
                "checked_on": forms.DateField(required=False, input_formats=["%Y-%m-%d"]),
                "limited_to": _ListOfMunicipalities(municipalities),
            }
        )

    def clean_topics(self):
        words = (word.strip() for word in self.cleaned_data["topics"].split(","))
        return sorted({word for word in words if word})


class ContactRowForm(forms.Form):
    def __init__(self, data, *, municipalities):
        super().__init__(data)
        self.fields.update(
            {
                "contact_name": forms.CharField(max_length=200),
                "contact_title": forms.CharField(required=False, max_length=200),
                "contact_phone": forms.CharField(required=False, max_length=40),
                "contact_email": forms.EmailField(required=False),
                "contact_about": forms.CharField(required=False),
                "contact_limited_to": _ListOfMunicipalities(municipalities),
            }
        )


def _form_errors(number, form):
    return [
        _("Row %(row)s, column “%(column)s”: %(message)s")
        % {"row": number, "column": KEY_TO_HEADER.get(key, key), "message": message}
        for key, messages in form.errors.items()
        for message in messages
    ]


def validate(rows, column_count):
    """Plans for every organisation in the file, and every error found (empty when valid)."""
    kinds = _kinds_by_word()
    municipalities = _municipalities_by_word()
    plans, errors = {}, []
    for number, values, found in rows:
        if values is None:
            errors.append(
                _("Row %(row)s: expected %(expected)s columns, found %(found)s.")
                % {"row": number, "expected": column_count, "found": found}
            )
            continue
        form = OrganisationRowForm(values, kinds=kinds, municipalities=municipalities)
        if not form.is_valid():
            errors.extend(_form_errors(number, form))
            continue
        key = form.cleaned_data["name"].casefold()
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = OrganisationPlan(row=number, values=form.cleaned_data)
        elif plan.values != form.cleaned_data:
            errors.append(
                _(
                    "Row %(row)s: the details of “%(name)s” differ from row %(first)s; "
                    "every row of one organisation must repeat the same details."
                )
                % {"row": number, "name": form.cleaned_data["name"], "first": plan.row}
            )
            continue
        contact_values = {k: values[k] for k in CONTACT_KEYS}
        if not any(contact_values.values()):
            continue
        contact = ContactRowForm(contact_values, municipalities=municipalities)
        if not contact.is_valid():
            errors.extend(_form_errors(number, contact))
            continue
        name = contact.cleaned_data["contact_name"].casefold()
        earlier = next(
            (row for row, c in plan.contacts if c["contact_name"].casefold() == name), None
        )
        if earlier is not None:
            errors.append(
                _(
                    "Row %(row)s: “%(name)s” is already listed for this organisation "
                    "in row %(first)s."
                )
                % {"row": number, "name": contact.cleaned_data["contact_name"], "first": earlier}
            )
            continue
        plan.contacts.append((number, contact.cleaned_data))
    return list(plans.values()), errors


def _unique_slug(name, organisation):
    base = slugify(name) or "organisation"
    slug, n = base, 2
    others = PartnerOrganisation.objects.exclude(pk=organisation.pk)
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def apply(plans, user=None):
    result = ImportResult()
    for plan in plans:
        values = plan.values
        organisation = PartnerOrganisation.objects.filter(name__iexact=values["name"]).first()
        created = organisation is None
        if created:
            organisation = PartnerOrganisation(name=values["name"])
            organisation.slug = _unique_slug(values["name"], organisation)
        for key in (
            "name",
            "kind",
            "description",
            "website",
            "switchboard_phone",
            "email",
            "visiting_address",
            "opening_hours",
            "checked_on",
        ):
            setattr(organisation, key, values[key])
        organisation.municipalities_served = values["municipalities_served"]
        organisation.limited_to = values["limited_to"]
        organisation.topics.set(values["topics"])
        organisation.save()
        existing = {c.name.casefold(): c for c in organisation.contacts.all()}
        next_order = max((c.sort_order or 0 for c in existing.values()), default=-1) + 1
        for _row, data in plan.contacts:
            contact = existing.get(data["contact_name"].casefold())
            if contact is None:
                contact = ContactPerson(organisation=organisation, sort_order=next_order)
                next_order += 1
                result.contacts_created += 1
            else:
                result.contacts_updated += 1
            contact.name = data["contact_name"]
            contact.title = data["contact_title"]
            contact.phone = data["contact_phone"]
            contact.email = data["contact_email"]
            contact.contact_about = data["contact_about"]
            contact.limited_to = data["contact_limited_to"]
            contact.has_left = False  # listed in the file, so working there now
            contact.save()
        organisation = PartnerOrganisation.objects.get(pk=organisation.pk)
        organisation.save_revision(
            user=user, clean=False, log_action="wagtail.create" if created else "wagtail.edit"
        )
        if created:
            result.organisations_created += 1
        else:
            result.organisations_updated += 1
    return result
