"""Goals and their key figures: a goal page in a section or shared space, its indicators,
the target per period and the values each municipality reports. Counts only: no names,
no identity numbers, no text about a person (see `Value.clean`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from goals import periods
from goals.forms import GoalPageForm
from portal.models.pages import BasePortalPage

PERIOD_VALIDATOR = RegexValidator(
    periods.PERIOD_RE, _("Write a period as a year (2026) or a tertial (2026-T2).")
)


class GoalPage(RoutablePageMixin, BasePortalPage):
    """A goal of a municipality's section or of a shared space, followed by indicators."""

    select_related_on_serve = ("content_owner",)
    base_form_class = GoalPageForm

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_goals",
        help_text=_("The person who answers for the goal and its figures."),
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    frequency = models.CharField(
        _("reported"),
        max_length=10,
        choices=[(periods.YEAR, _("once a year")), (periods.TERTIAL, _("three times a year"))],
        default=periods.YEAR,
    )
    days_to_report = models.PositiveSmallIntegerField(
        _("days to report"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_("How many days after a period ends its values are due."),
    )

    parent_page_types = ["portal.MunicipalitySectionPage", "portal.SharedSpacePage"]
    subpage_types = []
    # Found by its indicators too ("sysselsättning", "boende"); values are never indexed.
    search_fields = BasePortalPage.search_fields + [
        index.RelatedFields(
            "indicators", [index.SearchField("name"), index.SearchField("description")]
        )
    ]
    template = "goals/goal_page.html"

    content_panels = BasePortalPage.content_panels + [
        FieldPanel("content_owner"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_year"), FieldPanel("last_year")]),
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("days_to_report")]),
            ],
            heading=_("Period"),
        ),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator"), min_num=0),
    ]

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def clean(self):
        super().clean()
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot come before the first.")})
        if self.first_year and self.last_year and self.last_year - self.first_year > 20:
            raise ValidationError({"last_year": _("A goal can run for at most 20 years.")})

    @property
    def periods(self):
        if not (self.first_year and self.last_year):
            return []
        return periods.periods_between(self.first_year, self.last_year, self.frequency)

    # The page, the comparison for one period and the CSV of the shown figures:
    # goals/views.py. Each is a route of the page, so the page's privacy covers them.
    @path("", name="goal")
    def goal_route(self, request):
        from goals.views import goal_view

        return goal_view(self, request)

    @path("jamforelse/", name="goal_comparison")
    def comparison_route(self, request):
        from goals.views import comparison_view

        return comparison_view(self, request)

    @path("export/csv/", name="goal_csv")
    def csv_route(self, request):
        from goals.views import csv_view

        return csv_view(self, request)


class Indicator(Orderable):
    """What a goal is followed by: a count, or a share with its numerator and denominator."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    HIGHER = "higher"
    LOWER = "lower"
    ENTERED = "entered"
    KOLADA = "kolada"
    COMPUTED = "computed"

    goal = ParentalKey(GoalPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=12,
        choices=[(COUNT, _("count")), (PERCENTAGE, _("percentage"))],
        default=PERCENTAGE,
    )
    numerator_label = models.CharField(
        _("numerator"),
        max_length=200,
        blank=True,
        help_text=_("For a percentage: who is counted, e.g. “with an occupation at 21”."),
    )
    denominator_label = models.CharField(
        _("denominator"),
        max_length=200,
        blank=True,
        help_text=_("For a percentage: out of whom, e.g. “placed young people who turned 21”."),
    )
    direction = models.CharField(
        _("better when"),
        max_length=8,
        choices=[(HIGHER, _("higher")), (LOWER, _("lower"))],
        default=HIGHER,
    )
    target = models.DecimalField(
        _("target"),
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("The target for every period; a period's own target can be set in the grid."),
    )
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=[
            (ENTERED, _("entered by the municipalities")),
            (KOLADA, _("Kolada")),
            (COMPUTED, _("computed from two count indicators")),
        ],
        default=ENTERED,
    )
    kolada_kpi = models.CharField(
        _("Kolada KPI id"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^[NU]\d{5}$", _("A Kolada KPI id looks like N00945."))],
    )
    computed_numerator = models.ForeignKey(
        "self",
        verbose_name=_("computed: numerator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    computed_denominator = models.ForeignKey(
        "self",
        verbose_name=_("computed: denominator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("numerator_label"), FieldPanel("denominator_label")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("kolada_kpi")]),
        FieldRowPanel([FieldPanel("computed_numerator"), FieldPanel("computed_denominator")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.source == self.KOLADA and not self.kolada_kpi:
            errors["kolada_kpi"] = _("An indicator from Kolada needs its KPI id.")
        if self.source == self.COMPUTED:
            if self.unit != self.PERCENTAGE:
                errors["unit"] = _("A computed indicator is a percentage.")
            for field in ("computed_numerator", "computed_denominator"):
                other = getattr(self, field)
                if other is None:
                    errors[field] = _("Choose a count indicator of the same goal.")
                elif other.goal_id != self.goal_id or other.unit != self.COUNT or other == self:
                    errors[field] = _("Choose a count indicator of the same goal.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_percentage(self):
        return self.unit == self.PERCENTAGE

    @property
    def takes_entries(self):
        """Values are typed or imported for it (a computed one has none of its own)."""
        return self.source != self.COMPUTED


class Target(models.Model):
    """A period's own target, where it differs from the indicator's."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.CharField(_("period"), max_length=7, validators=[PERIOD_VALIDATOR])
    value = models.DecimalField(_("target"), max_digits=9, decimal_places=1)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="goals_target_once")
        ]

    def __str__(self):
        return f"{self.indicator} {self.period}: {self.value}"


class Value(models.Model):
    """One municipality's figure for one indicator and period: a count (`value`), or a
    share as numerator and denominator, or a share given as such (Kolada)."""

    ENTERED = "entered"
    CSV = "csv"
    KOLADA = "kolada"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="goal_values",
    )
    period = models.CharField(_("period"), max_length=7, validators=[PERIOD_VALIDATOR])
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    comment = models.CharField(
        _("comment"),
        max_length=300,
        blank=True,
        help_text=_("About the figure, never about a person."),
    )
    source = models.CharField(
        _("source"),
        max_length=8,
        choices=[(ENTERED, _("entered")), (CSV, _("CSV import")), (KOLADA, _("Kolada"))],
        default=ENTERED,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "period"], name="goals_value_once"
            )
        ]

    def __str__(self):
        return f"{self.indicator} · {self.municipality_id} · {self.period}"

    def clean(self):
        from portal.identity_numbers import find_numbers

        errors = {}
        if find_numbers(self.comment):
            errors["comment"] = _(
                "A comment is about the figure: it may not hold a personal identity number."
            )
        if self.numerator is not None and self.denominator is not None:
            if self.numerator > self.denominator:
                errors["numerator"] = _("The numerator cannot be larger than the denominator.")
        if errors:
            raise ValidationError(errors)


class GoalReminder(models.Model):
    """One sent reminder of values due: at most one per editor and period key (2026-T2),
    however often the command runs. The row is the lock (goals/reminders.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_reminders"
    )
    period_key = models.CharField(max_length=7, help_text="The period reminded of, e.g. 2026-T2.")
    created_at = models.DateTimeField(auto_now_add=True)
    item_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("goal reminder")
        verbose_name_plural = _("goal reminders")
        constraints = [
            models.UniqueConstraint(fields=["user", "period_key"], name="goals_reminder_once")
        ]

    def __str__(self):
        return f"{self.user_id} {self.period_key}"
