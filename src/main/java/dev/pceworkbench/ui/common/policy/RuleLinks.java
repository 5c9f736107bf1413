package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;

/** Opening a rule found by the rule search or the policy check in the view that owns it. */
public final class RuleLinks {
    private RuleLinks() {
    }

    /** Opens rule {@code number} of {@code ruleSet} by its href; a failure goes to {@code dialogs}. */
    public static void open(Navigator navigator, DialogService dialogs, String href, int number, String ruleSet) {
        try {
            navigator.open(Navigator.Target.fromHref(href));
        } catch (RuntimeException e) {
            dialogs.showError("Could not open rule " + number + " of '" + ruleSet + "'", e);
        }
    }
}
