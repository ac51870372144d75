"""Entering a goal's figures: who may enter what (the one place for that rule), the grid of
one goal's cells, and saving values all or nothing. Used by goals/entry_views.py (the grid)
and goals/csv_import.py (the import), so both refuse and save the same way."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goals import periods
from goals.figures import reporting_municipalities
from goals.masking import ONE_DECIMAL
from portal import cache_version
from portal.access import access_for

# Counts are people in one municipality's period; anything larger is a typing mistake
# (and would not fit the columns).
MAX_COUNT = 10**9
MAX_TARGET = Decimal("99999999.9")
DIGITS = re.compile(r"[0-9]+")  # not str.isdigit(): it takes "²", which int() refuses

# --- who may enter what --------------------------------------------------------------


def enterable_municipalities(access, goal, reporting=None):
    """The reporting municipalities of `goal` whose values the user may enter."""
    if not access.can_view_page(goal):
        return []
    if not (access.is_portal_admin or access.edited_municipalities):
        return []
    if reporting is None:
        # Asked once per parent and request: the page listing asks it for every goal row.
        memo = access.__dict__.setdefault("_goal_reporting", {})
        parent_path = goal.path[: -goal.steplen]
        if parent_path not in memo:
            memo[parent_path] = reporting_municipalities([goal])[goal.pk]
        reporting = memo[parent_path]
    if access.is_portal_admin:
        return list(reporting)
    edited = {m.pk for m in access.edited_municipalities}
    return [m for m in reporting if m.pk in edited]


def may_set_targets(user, goal, access=None):
    """Per-period targets belong to the goal page: its editors set them."""
    access = access or access_for(user)
    return access.can_view_page(goal) and goal.permissions_for_user(user).can_edit()


@dataclass
class Rights:
    goal: object
    municipalities: list
    targets: bool

    @property
    def any(self):
        return bool(self.municipalities) or self.targets


def rights_for(user, goal, reporting=None):
    access = access_for(user)
    return Rights(
        goal=goal,
        municipalities=enterable_municipalities(access, goal, reporting),
        targets=may_set_targets(user, goal, access),
    )


def rights_or_404(user, page_id):
    """The goal `page_id` and the user's rights on it; 404 alike for a missing goal and
    one the user may do nothing with, so the answer does not tell which ids exist."""
    from goals.models import GoalPage

    # `id` rather than `pk`: a number too large for the column is "no such row".
    goal = GoalPage.objects.filter(id=page_id).first()
    if goal is None:
        raise Http404
    rights = rights_for(user, goal)
    if not rights.any:
        raise Http404
    return rights


def goals_for_entry(user):
    """The live goals the user may enter values or targets for, for the admin's list."""
    from goals.models import GoalPage

    access = access_for(user)
    goals = list(access.visible_pages(GoalPage.objects.live()).order_by("title"))
    reporting = reporting_municipalities(goals)
    found = []
    for goal in goals:
        rights = rights_for(user, goal, reporting[goal.pk])
        if rights.any:
            found.append(rights)
    return found


def entry_indicators(goal):
    """The goal's indicators that take entries (a computed one has no values of its own)."""
    from goals.models import Indicator

    return list(goal.indicators.exclude(source=Indicator.COMPUTED).order_by("sort_order", "pk"))


def existing_values(indicators, municipalities, goal_periods):
    """{(indicator id, municipality id, period): Value}, in one query."""
    from goals.models import Value

    rows = Value.objects.filter(
        indicator__in=[i.pk for i in indicators],
        municipality__in=[m.pk for m in municipalities],
        period__in=list(goal_periods),
    )
    return {(v.indicator_id, v.municipality_id, v.period): v for v in rows}


# --- checking what was typed ---------------------------------------------------------


def whole_number(text):
    """None for an empty field, the integer otherwise; ValidationError when it is not a
    whole number of 0 or more. Spaces as thousands separators are accepted."""
    text = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if not DIGITS.fullmatch(text):
        raise ValidationError(_("Write a whole number, 0 or more."))
    number = int(text)
    if number > MAX_COUNT:
        raise ValidationError(_("The number is too large."))
    return number


def check_figures(
    indicator, municipality, period, value="", numerator="", denominator="", comment=""
):
    """(figures, errors): figures are the Value fields to save, None when no figure was
    given; errors a list of messages. The model's own checks (numerator not larger than
    the denominator, no identity number in the comment) run through `full_clean`."""
    from goals.models import Value

    errors = []
    numbers = {}
    for name, text in (("value", value), ("numerator", numerator), ("denominator", denominator)):
        try:
            numbers[name] = whole_number(text)
        except ValidationError as error:
            errors.extend(error.messages)
            numbers[name] = None
    if errors:
        return None, errors
    comment = (comment or "").strip()
    if indicator.is_percentage:
        if numbers["value"] is not None:
            errors.append(
                _("A percentage is written as its numerator and denominator, not as a value.")
            )
        top, bottom = numbers["numerator"], numbers["denominator"]
        if top is None and bottom is None:
            return None, errors
        if top is None or bottom is None:
            errors.append(_("Enter both the numerator and the denominator, or neither."))
            return None, errors
        if bottom == 0:
            errors.append(_("The denominator must be at least 1; leave both empty if none."))
            return None, errors
        figures = {"numerator": top, "denominator": bottom, "value": None}
    else:
        if numbers["numerator"] is not None or numbers["denominator"] is not None:
            errors.append(_("A count is written as a value, without numerator and denominator."))
        if numbers["value"] is None:
            return None, errors
        figures = {"value": Decimal(numbers["value"]), "numerator": None, "denominator": None}
    figures["comment"] = comment
    candidate = Value(indicator=indicator, municipality=municipality, period=period, **figures)
    try:
        # The links are known to exist; leaving them out spares a query per cell.
        candidate.full_clean(
            exclude=["indicator", "municipality", "entered_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for messages in error.message_dict.values():
            errors.extend(messages)
    return (None if errors else figures), errors


def check_target(indicator, text):
    """(Decimal or None, errors) for a target typed as 85, 85.5 or 85,5."""
    text = (text or "").strip().replace(" ", "").replace(",", ".")
    if not text:
        return None, []
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, [_("Write the target as a number, e.g. 85 or 85.5.")]
    if not number.is_finite() or number < 0:
        return None, [_("Write the target as a number, e.g. 85 or 85.5.")]
    if indicator.is_percentage and number > 100:
        return None, [_("A percentage target is at most 100.")]
    if number > MAX_TARGET:
        return None, [_("The number is too large.")]
    return number.quantize(ONE_DECIMAL), []


# --- saving ----------------------------------------------------------------------------

FIGURE_FIELDS = ("numerator", "denominator", "value", "comment")


@dataclass
class Change:
    """One cell to save: `figures` to write (None: delete `existing`)."""

    indicator: object
    municipality: object
    period: str
    figures: dict | None
    existing: object = None

    @property
    def changes_anything(self):
        if self.figures is None:
            return self.existing is not None
        if self.existing is None:
            return True
        return any(getattr(self.existing, f) != self.figures[f] for f in FIGURE_FIELDS)


def save_values(changes, user, source, only_changed=True):
    """Create, update or delete the Value rows of `changes` in one transaction; the
    number of rows written or deleted. By default a cell typed as it was is left alone,
    so that its author stays who entered it."""
    from goals.models import Value

    if only_changed:
        changes = [c for c in changes if c.changes_anything]
    now = timezone.now()
    creates, updates, deletes = [], [], []
    for change in changes:
        if change.figures is None:
            deletes.append(change.existing.pk)
        elif change.existing is None:
            creates.append(
                Value(
                    indicator=change.indicator,
                    municipality=change.municipality,
                    period=change.period,
                    source=source,
                    entered_by=user,
                    **change.figures,
                )
            )
        else:
            value = change.existing
            for name in FIGURE_FIELDS:
                setattr(value, name, change.figures[name])
            value.source, value.entered_by, value.entered_at = source, user, now
            updates.append(value)
    with transaction.atomic():
        if deletes:
            Value.objects.filter(pk__in=deletes).delete()
        if updates:
            Value.objects.bulk_update(
                updates, [*FIGURE_FIELDS, "source", "entered_by", "entered_at"], batch_size=500
            )
        if creates:
            Value.objects.bulk_create(creates, batch_size=500)
        # Bulk writes send no signals: retire the figures cached for the start page.
        cache_version.bump()
    return len(changes)


def save_targets(indicator_targets):
    """`indicator_targets`: [(indicator, period, Decimal or None, existing Target or None)]."""
    from goals.models import Target

    with transaction.atomic():
        for indicator, period, number, existing in indicator_targets:
            if number is None:
                if existing is not None:
                    existing.delete()
            elif existing is None:
                Target.objects.create(indicator=indicator, period=period, value=number)
            elif existing.value != number:
                existing.value = number
                existing.save(update_fields=["value"])


# --- the grid --------------------------------------------------------------------------

STALE_MESSAGE = gettext_lazy(
    "Someone else changed this value while you were filling in the grid. "
    "Check the value shown now and save again."
)


@dataclass
class Input:
    name: str
    label: str
    text: str
    kind: str  # "value", "numerator", "denominator", "comment", "target"
    # The text when the grid was built from the database: sent back as `<name>-was`, so
    # a save can tell what changed since the form was shown.
    was: str = ""

    def __post_init__(self):
        self.was = self.text

    @property
    def was_name(self):
        return self.name + "-was"

    @property
    def id(self):
        return "id_" + self.name

    @property
    def is_comment(self):
        return self.kind == "comment"


@dataclass
class GridCell:
    indicator: object
    municipality: object
    period: str
    existing: object
    inputs: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    figures: dict | None = None

    @property
    def key(self):
        return f"{self.indicator.pk}-{self.municipality.pk}-{self.period}"

    @property
    def published_share(self):
        """A share given only as a percentage (Kolada): kept unless counts are typed."""
        value = self.existing
        if value is None or not self.indicator.is_percentage or value.numerator is not None:
            return None
        return value.value

    @property
    def first_input(self):
        return self.inputs[0]

    def input(self, kind):
        return next((i for i in self.inputs if i.kind == kind), None)


@dataclass
class GridRow:
    municipality: object
    cells: list


@dataclass
class TargetCell:
    period: str
    input: Input
    existing: object
    default: object
    errors: list = field(default_factory=list)
    number: object = None


@dataclass
class Table:
    indicator: object
    rows: list
    targets: list | None  # None when the user may not set targets


@dataclass
class Grid:
    rights: Rights
    periods: list  # [(period, label)]
    tables: list
    summary: list = field(default_factory=list)  # [(input id, message)]

    @property
    def goal(self):
        return self.rights.goal

    def bind(self, data):
        """Take the typed texts from `data` (a POST) and check every cell; True when all
        are right. Only the cells of the grid are read: a field named for another
        municipality or indicator is ignored."""
        for table in self.tables:
            for row in table.rows:
                for cell in row.cells:
                    stale = [item for item in cell.inputs if not self._take(item, data)]
                    self._check_cell(cell)
                    if stale:
                        cell.errors.append(STALE_MESSAGE)
                        self.summary.append((stale[0].id, f"{self._where(cell)}: {STALE_MESSAGE}"))
            for target in table.targets or []:
                self._take(target.input, data)
                target.number, target.errors = check_target(table.indicator, target.input.text)
                for message in target.errors:
                    self.summary.append((target.input.id, f"{target.input.label}: {message}"))
        return not self.summary

    @staticmethod
    def _take(item, data):
        """Read one input from the POST. A missing field leaves the value as it is (a
        partial or hand-made POST deletes nothing). A value someone else changed since the
        form was shown is kept if this user left it alone; False if both changed it."""
        if item.name not in data:
            return True
        typed = data.get(item.name, "")
        shown = data.get(item.was_name)
        if shown is None or shown == item.was:
            item.text = typed
            return True
        if typed == shown:
            return True  # not touched here: keep the newer value from the database
        item.text = typed
        return False

    @staticmethod
    def _where(cell):
        return _("%(indicator)s, %(municipality)s, %(period)s") % {
            "indicator": cell.indicator.name,
            "municipality": cell.municipality.name,
            "period": periods.label(cell.period),
        }

    def _check_cell(self, cell):
        texts = {item.kind: item.text for item in cell.inputs}
        cell.figures, cell.errors = check_figures(
            cell.indicator,
            cell.municipality,
            cell.period,
            value=texts.get("value", ""),
            numerator=texts.get("numerator", ""),
            denominator=texts.get("denominator", ""),
            comment=texts.get("comment", ""),
        )
        if not cell.errors and cell.figures is None and texts.get("comment", "").strip():
            if cell.published_share is None:
                cell.errors.append(_("A comment needs a figure: enter one or remove the comment."))
        where = self._where(cell)
        for message in cell.errors:
            self.summary.append((cell.first_input.id, f"{where}: {message}"))

    def changes(self):
        for table in self.tables:
            for row in table.rows:
                for cell in row.cells:
                    if cell.figures is None and cell.published_share is not None:
                        continue  # a published share stays until counts replace it
                    yield Change(
                        cell.indicator, cell.municipality, cell.period, cell.figures, cell.existing
                    )

    def save(self, user):
        from goals.models import Value

        with transaction.atomic():
            saved = save_values(list(self.changes()), user, Value.ENTERED)
            save_targets(
                [
                    (table.indicator, t.period, t.number, t.existing)
                    for table in self.tables
                    for t in table.targets or []
                ]
            )
        return saved


def _text(number):
    if number is None:
        return ""
    if isinstance(number, Decimal):
        return str(int(number)) if number == number.to_integral() else str(number)
    return str(number)


def _cell_inputs(indicator, municipality, period, existing):
    base = f"v-{indicator.pk}-{municipality.pk}-{period}"
    where = _("%(municipality)s, %(period)s") % {
        "municipality": municipality.name,
        "period": periods.label(period),
    }
    inputs = []
    if indicator.is_percentage:
        inputs.append(
            Input(
                f"{base}-numerator",
                _("%(where)s: numerator") % {"where": where},
                _text(existing.numerator if existing else None),
                "numerator",
            )
        )
        inputs.append(
            Input(
                f"{base}-denominator",
                _("%(where)s: denominator") % {"where": where},
                _text(existing.denominator if existing else None),
                "denominator",
            )
        )
    else:
        inputs.append(
            Input(
                f"{base}-value",
                _("%(where)s: value") % {"where": where},
                _text(existing.value if existing else None),
                "value",
            )
        )
    inputs.append(
        Input(
            f"{base}-comment",
            _("%(where)s: comment") % {"where": where},
            existing.comment if existing else "",
            "comment",
        )
    )
    return inputs


def build_grid(rights):
    """The grid of `rights.goal` as stored: a fixed number of queries for any number of
    values."""
    from goals.models import Target

    goal = rights.goal
    goal_periods = goal.periods
    indicators = entry_indicators(goal)
    values = existing_values(indicators, rights.municipalities, goal_periods)
    targets = {}
    if rights.targets:
        for target in Target.objects.filter(indicator__in=[i.pk for i in indicators]):
            targets[(target.indicator_id, target.period)] = target
    tables = []
    for indicator in indicators:
        rows = []
        for municipality in rights.municipalities:
            cells = []
            for period in goal_periods:
                existing = values.get((indicator.pk, municipality.pk, period))
                cells.append(
                    GridCell(
                        indicator,
                        municipality,
                        period,
                        existing,
                        inputs=_cell_inputs(indicator, municipality, period, existing),
                    )
                )
            rows.append(GridRow(municipality, cells))
        target_cells = None
        if rights.targets:
            target_cells = []
            for period in goal_periods:
                existing = targets.get((indicator.pk, period))
                label = _("%(indicator)s: target, %(period)s") % {
                    "indicator": indicator.name,
                    "period": periods.label(period),
                }
                target_cells.append(
                    TargetCell(
                        period,
                        Input(
                            f"t-{indicator.pk}-{period}",
                            label,
                            _text(existing.value if existing else None),
                            "target",
                        ),
                        existing,
                        default=_text(indicator.target),
                        number=existing.value if existing else None,
                    )
                )
        tables.append(Table(indicator, rows, target_cells))
    return Grid(rights, [(p, periods.label(p)) for p in goal_periods], tables)
