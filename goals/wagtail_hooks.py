from wagtail import hooks


@hooks.register("register_access_rules")
def goals_access_rules():
    from goals.access_rules import indicators_rule, targets_rule, values_rule
    from goals.models import Indicator, Target, Value

    return {Indicator: indicators_rule, Target: targets_rule, Value: values_rule}


# Each part of the app registers its own admin views, panels and start-page blocks.
from goals import entry_hooks, home_hooks, kolada_hooks  # noqa: E402, F401
