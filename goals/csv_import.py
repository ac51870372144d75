"""A goal's values as a CSV file: the template to fill in, and its import. Every line is
checked as the grid checks a cell (goals/entry.py); one wrong line and nothing is saved."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from goals import entry
from partners.exports import neutralise_formula, restore_formula

HEADER = ["indikator", "kommunkod", "period", "värde", "täljare", "nämnare", "kommentar"]
MAX_BYTES = 1024 * 1024


class Refused(Exception):
    """The file as a whole cannot be read; the message says why."""


def _number(number):
    return entry._text(number)


def template_csv(rights):
    """UTF-8 with BOM (Excel reads å, ä, ö), `;` separated: a line per indicator that takes
    entries × municipality the user may enter × period, with the current values."""
    goal = rights.goal
    indicators = entry.entry_indicators(goal)
    values = entry.existing_values(indicators, rights.municipalities, goal.periods)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for indicator in indicators:
        for municipality in rights.municipalities:
            for period in goal.periods:
                value = values.get((indicator.pk, municipality.pk, period))
                figures = ["", "", ""]
                if value is not None and indicator.is_percentage:
                    if value.numerator is not None:
                        figures = ["", _number(value.numerator), _number(value.denominator)]
                elif value is not None:
                    figures = [_number(value.value), "", ""]
                writer.writerow(
                    [
                        neutralise_formula(indicator.name),
                        municipality.code,
                        period,
                        *figures,
                        neutralise_formula(value.comment) if value else "",
                    ]
                )
    return buffer.getvalue().encode("utf-8-sig")


def read_text(upload):
    """The upload's text, or Refused."""
    if upload is None:
        raise Refused(_("Choose a CSV file to import."))
    if upload.size > MAX_BYTES:
        raise Refused(
            _("The file is too large: at most %(size)s kB.") % {"size": MAX_BYTES // 1024}
        )
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise Refused(
            _("The file is too large: at most %(size)s kB.") % {"size": MAX_BYTES // 1024}
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(
            _("The file is not UTF-8. Save it as “CSV UTF-8” in your spreadsheet and try again.")
        ) from None
    if not text.strip():
        raise Refused(_("The file is empty."))
    if "\x00" in text:
        raise Refused(_("This is not a CSV file."))
    return text


def _header_error():
    return _("The first line must be the template's header: %(header)s") % {
        "header": ";".join(HEADER)
    }


def _rows(text):
    """(line number, fields) for each line after the header, or Refused."""
    first_line = text.splitlines()[0]
    delimiter = ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        if [h.strip().lower() for h in header] != HEADER:
            raise Refused(_header_error())
        for fields in reader:
            yield reader.line_num, fields
    except csv.Error:
        raise Refused(_("This is not a CSV file.")) from None


@dataclass
class Result:
    saved: int = 0
    refused: str = ""
    errors: list = field(default_factory=list)  # ["Line 4: …"]
    skipped: int = 0

    @property
    def ok(self):
        return not self.refused and not self.errors


def parse(rights, text):
    """(changes, skipped, errors) for the file's text; Refused for a file not to read."""
    goal = rights.goal
    indicators = {i.name: i for i in entry.entry_indicators(goal)}
    municipalities = {m.code: m for m in rights.municipalities}
    goal_periods = set(goal.periods)
    values = entry.existing_values(indicators.values(), rights.municipalities, goal.periods)
    changes, errors, seen = [], [], {}
    skipped = 0

    def line_error(number, message):
        errors.append(_("Line %(number)s: %(message)s") % {"number": number, "message": message})

    for number, fields in _rows(text):
        if not any(f.strip() for f in fields):
            continue  # an empty line
        if len(fields) != len(HEADER):
            line_error(
                number,
                _("%(count)s fields, the template has %(expected)s.")
                % {"count": len(fields), "expected": len(HEADER)},
            )
            continue
        name, code, period, value, numerator, denominator, comment = (f.strip() for f in fields)
        indicator = indicators.get(name) or indicators.get(restore_formula(name))
        problems = []
        if indicator is None:
            problems.append(
                _("there is no indicator “%(name)s” in this goal to enter values for.")
                % {"name": name}
            )
        if code.isascii() and code.isdigit() and len(code) < 4:
            code = code.zfill(4)  # a spreadsheet drops the leading zero of 0880
        municipality = municipalities.get(code)
        if municipality is None:
            problems.append(
                _("the municipality code “%(code)s” is not one you may enter values for here.")
                % {"code": code}
            )
        if period not in goal_periods:
            problems.append(
                _("the period “%(period)s” is not one of this goal's.") % {"period": period}
            )
        if problems:
            for problem in problems:
                line_error(number, problem)
            continue
        if not (value or numerator or denominator):
            skipped += 1
            continue
        figures, cell_errors = entry.check_figures(
            indicator,
            municipality,
            period,
            value=value,
            numerator=numerator,
            denominator=denominator,
            comment=restore_formula(comment),
        )
        for message in cell_errors:
            line_error(number, message)
        key = (indicator.pk, municipality.pk, period)
        if key in seen:
            line_error(
                number,
                _("the same indicator, municipality and period as line %(line)s.")
                % {"line": seen[key]},
            )
            continue
        seen[key] = number
        if figures is not None:
            changes.append(entry.Change(indicator, municipality, period, figures, values.get(key)))
    return changes, skipped, errors


def import_file(rights, upload, user):
    """Check the whole file, then save all of it or nothing."""
    from goals.models import Value

    result = Result()
    try:
        changes, result.skipped, result.errors = parse(rights, read_text(upload))
    except Refused as refusal:
        result.refused = str(refusal)
        return result
    if result.errors:
        return result
    if not changes:
        result.refused = _("The file holds no values to save.")
        return result
    # Every line with a figure is written, so its source and author say where it came from.
    result.saved = entry.save_values(changes, user, Value.CSV, only_changed=False)
    return result
