"""Kolada's figures for indicators bound to a KPI id (`Indicator.kolada_kpi`).

A file in Kolada's API v2 format (what /v2/data/kpi/<kpi>/municipality/<code>/year/<year>
answers) is parsed strictly and all-or-nothing (`parse`), then imported into the goals'
values (`import_entries`): only the total (gender "T"), matched by `Municipality.code`,
for the goal's reporting municipalities and years. Kolada is yearly, so only goals
reported once a year take its values. Values entered by hand or from CSV are never
overwritten. `fetch` reads the same format from Kolada's API (the management command)."""

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goals import periods
from portal import cache_version

TOTAL = "T"
# Value.value is a DecimalField(max_digits=12, decimal_places=2).
MAX_VALUE = Decimal("9999999999.99")
CENT = Decimal("0.01")
MAX_PAGES = 100  # next_page links followed at most, per request


class KoladaError(Exception):
    """The data could not be read or imported; `errors` says why, nothing was saved."""

    def __init__(self, errors):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class Entry:
    kpi: str
    municipality: str  # the code, "0880"
    year: int
    value: Decimal | None  # None: missing in Kolada


@dataclass
class Result:
    saved: int = 0  # new values
    updated: int = 0  # Kolada values whose figure changed
    unchanged: int = 0  # Kolada values already as in the file
    skipped: int = 0  # not this goal's KPI, municipality or year, or not the user's
    missing: int = 0  # null in Kolada ("saknas i Kolada")
    kept: int = 0  # entered by hand or from CSV: left as they were
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return _(
            "%(saved)s saved, %(updated)s updated, %(unchanged)s unchanged, "
            "%(skipped)s skipped (not in the goal or not yours), "
            "%(missing)s missing in Kolada, %(kept)s kept (entered by hand)."
        ) % {
            "saved": self.saved,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "missing": self.missing,
            "kept": self.kept,
        }


# --- parsing ---------------------------------------------------------------------------


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def load(raw):
    """The JSON document in `raw` (bytes or str); KoladaError when it is not JSON."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise KoladaError([_("The file is not text in UTF-8: is it Kolada's JSON?")]) from None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise KoladaError(
            [_("The file is not JSON: download it from Kolada's API again.")]
        ) from None


def _entry_errors(number, item):
    """(Entry or None, [errors]) for the entry numbered `number` (from 1)."""
    prefix = _("Entry %(number)s") % {"number": number}

    def error(text):
        return f"{prefix}: {text}"

    if not isinstance(item, dict):
        return None, [error(_("not an object with kpi, municipality, period and values."))]
    errors = []
    for key in ("kpi", "municipality", "period", "values"):
        if key not in item:
            errors.append(error(_("“%(key)s” is missing.") % {"key": key}))
    if errors:
        return None, errors
    kpi, code, year, genders = item["kpi"], item["municipality"], item["period"], item["values"]
    if not isinstance(kpi, str) or not kpi.strip():
        errors.append(error(_("“kpi” must be a KPI id such as N00945.")))
    if not isinstance(code, str) or not code.strip():
        errors.append(error(_("“municipality” must be a municipality code such as 0880.")))
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        errors.append(error(_("“period” must be a year such as 2024.")))
    if not isinstance(genders, list):
        errors.append(error(_("“values” must be a list.")))
        return None, errors
    total = None
    for part in genders:
        if not isinstance(part, dict) or not isinstance(part.get("gender"), str):
            errors.append(error(_("each of “values” needs a “gender” (T, K or M).")))
            continue
        if "value" not in part:
            errors.append(error(_("a “value” is missing (it may be null).")))
            continue
        figure = part["value"]
        if figure is not None and not _is_number(figure):
            errors.append(error(_("“value” must be a number or null.")))
            continue
        if part["gender"] == TOTAL:
            if total is not None:
                errors.append(error(_("gender T appears twice.")))
            total = part
    if total is None and not errors:
        errors.append(error(_("there is no value for gender T (total).")))
    if errors:
        return None, errors
    value = None
    if total["value"] is not None:
        try:
            value = Decimal(str(total["value"])).quantize(CENT)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) > MAX_VALUE:
            return None, [error(_("“value” is too large."))]
    return Entry(kpi.strip(), code.strip(), year, value), []


def parse(data):
    """The entries of one Kolada document (a dict, or bytes/str of JSON), all or none:
    KoladaError lists every problem, each naming its entry ("Entry 3: ...")."""
    if isinstance(data, (bytes, str)):
        data = load(data)
    if not isinstance(data, dict) or "values" not in data:
        raise KoladaError([_("The file has no “values”: it is not in Kolada's API format.")])
    if not isinstance(data["values"], list):
        raise KoladaError([_("“values” must be a list of entries.")])
    entries, errors, seen = [], [], set()
    for number, item in enumerate(data["values"], start=1):
        entry, problems = _entry_errors(number, item)
        errors.extend(problems)
        if entry is None:
            continue
        key = (entry.kpi, entry.municipality, entry.year)
        if key in seen:
            errors.append(
                _("Entry %(number)s: %(kpi)s for %(code)s in %(year)s appears twice.")
                % {
                    "number": number,
                    "kpi": entry.kpi,
                    "code": entry.municipality,
                    "year": entry.year,
                }
            )
        seen.add(key)
        entries.append(entry)
    if errors:
        raise KoladaError(errors)
    return entries


# --- import ----------------------------------------------------------------------------


def goal_refusal(goal):
    """Why `goal` cannot take Kolada values, or None."""
    if goal.frequency != periods.YEAR:
        return _(
            "Kolada reports by year: only a goal reported once a year takes Kolada values. "
            "“%(title)s” is reported three times a year."
        ) % {"title": goal.title}
    return None


def kolada_indicators(goals):
    from goals.models import Indicator

    return list(
        Indicator.objects.filter(goal__in=[g.pk for g in goals], source=Indicator.KOLADA)
        .exclude(kolada_kpi="")
        .order_by("goal_id", "sort_order")
    )


def import_entries(entries, goals, allowed=None, user=None, strict=True):
    """Save `entries` as the values of `goals`' Kolada indicators. `allowed`: the
    municipality ids that may be written (None: all). `strict`: a goal that cannot take
    Kolada values is an error (one chosen goal) rather than a note (every goal)."""
    from goals.figures import reporting_municipalities
    from goals.models import Value

    result = Result()
    goals = list(goals)
    usable = []
    for goal in goals:
        refusal = goal_refusal(goal)
        if refusal is None:
            usable.append(goal)
        elif strict:
            result.errors.append(refusal)
        else:
            result.notes.append(refusal)
    if result.errors:
        return result
    indicators = kolada_indicators(usable)
    if not indicators:
        if strict:
            result.errors.append(_("No indicator of this goal is bound to a Kolada KPI id."))
        else:
            result.notes.append(_("No goal has an indicator bound to a Kolada KPI id."))
        return result
    by_kpi = {}
    for indicator in indicators:
        by_kpi.setdefault(indicator.kolada_kpi, []).append(indicator)
    goal_of = {g.pk: g for g in usable}
    municipalities = reporting_municipalities(usable)
    codes = {pk: {m.code: m for m in found if m.code} for pk, found in municipalities.items()}

    wanted = {}  # (indicator id, municipality id, period) -> (indicator, municipality, value)
    for entry in entries:
        targets = by_kpi.get(entry.kpi)
        if not targets:
            result.skipped += 1
            continue
        for indicator in targets:
            goal = goal_of[indicator.goal_id]
            municipality = codes[goal.pk].get(entry.municipality)
            period = str(entry.year)
            if (
                municipality is None
                or (allowed is not None and municipality.pk not in allowed)
                or period not in goal.periods
            ):
                result.skipped += 1
            elif entry.value is None:
                result.missing += 1
            else:
                wanted[(indicator.pk, municipality.pk, period)] = (indicator, municipality, entry)
    if not wanted:
        return result

    with transaction.atomic():
        existing = {
            (v.indicator_id, v.municipality_id, v.period): v
            for v in Value.objects.select_for_update().filter(
                indicator__in={k[0] for k in wanted},
                municipality__in={k[1] for k in wanted},
                period__in={k[2] for k in wanted},
            )
        }
        new, changed, now = [], [], timezone.now()
        for key, (indicator, municipality, entry) in wanted.items():
            value = existing.get(key)
            if value is None:
                new.append(
                    Value(
                        indicator=indicator,
                        municipality=municipality,
                        period=key[2],
                        value=entry.value,
                        numerator=None,
                        denominator=None,
                        source=Value.KOLADA,
                        entered_by=user,
                    )
                )
            elif value.source != Value.KOLADA:
                result.kept += 1
            elif (
                value.value == entry.value and value.numerator is None and value.denominator is None
            ):
                result.unchanged += 1
            else:
                value.value, value.numerator, value.denominator = entry.value, None, None
                value.entered_by, value.entered_at = user, now
                changed.append(value)
        Value.objects.bulk_create(new)
        Value.objects.bulk_update(
            changed, ["value", "numerator", "denominator", "entered_by", "entered_at"]
        )
        cache_version.bump()  # bulk writes send no signals (see goals/apps.py)
    result.saved, result.updated = len(new), len(changed)
    return result


def import_file(raw, goals, allowed=None, user=None, strict=True):
    """Parse and import; a file that does not parse gives a Result with its errors."""
    try:
        entries = parse(raw)
    except KoladaError as error:
        return Result(errors=error.errors)
    return import_entries(entries, goals, allowed=allowed, user=user, strict=strict)


# --- fetching --------------------------------------------------------------------------


def data_url(base, kpi, code, year):
    quote = urllib.parse.quote
    return (
        f"{base.rstrip('/')}/data/kpi/{quote(kpi, safe='')}/municipality/"
        f"{quote(code, safe='')}/year/{int(year)}"
    )


def fetch_document(url, opener=None, timeout=30):
    """Every entry behind `url`, following `next_page`, as one document {"values": [...]}."""
    open_url = opener or urllib.request.urlopen
    values, pages = [], 0
    while url and pages < MAX_PAGES:
        with open_url(url, timeout=timeout) as response:
            data = load(response.read())
        if not isinstance(data, dict) or not isinstance(data.get("values"), list):
            raise KoladaError([_("Kolada answered %(url)s with no “values”.") % {"url": url}])
        values.extend(data["values"])
        url = data.get("next_page") or None
        pages += 1
    return {"count": len(values), "values": values}


def fetch_entries(base, goals, opener=None):
    """The entries Kolada has for `goals`' KPIs, reporting municipalities and years."""
    from goals.figures import reporting_municipalities

    goals = [g for g in goals if goal_refusal(g) is None]
    indicators = kolada_indicators(goals)
    municipalities = reporting_municipalities(goals)
    goal_of = {g.pk: g for g in goals}
    asked = set()
    for indicator in indicators:
        goal = goal_of[indicator.goal_id]
        for municipality in municipalities[goal.pk]:
            if municipality.code:
                for period in goal.periods:
                    asked.add((indicator.kolada_kpi, municipality.code, int(period)))
    values = []
    for kpi, code, year in sorted(asked):
        values.extend(fetch_document(data_url(base, kpi, code, year), opener)["values"])
    return parse({"values": values})
