package dev.pceworkbench.ui.rulesearch;

import java.util.function.Function;

/**
 * The columns of the rule search results: header, cell text (also the CSV cell) and whether the
 * column is shown before the user chooses.
 */
public enum RuleColumn {
    RULE_SET("Rule set", RuleRow::ruleSet, true),
    NUMBER("Rule", r -> String.valueOf(r.number()), true),
    HREF("Href", RuleRow::href, false),
    PROVIDERS("Providers", RuleRow::providers, true),
    CONSUMERS("Consumers", RuleRow::consumers, true),
    SERVICES("Services", RuleRow::services, true),
    SCOPE("Scope", RuleRow::scope, true),
    /** The effective state: "Enabled", "Disabled (rule)", "Disabled (rule set)" (see {@link RuleRow#state}). */
    ENABLED("State", r -> r.state().text(), true),
    STATELESS("Stateless", r -> r.stateless() ? "Yes" : "No", false),
    KIND("Kind", RuleRow::kind, true),
    DESCRIPTION("Description", RuleRow::description, true);

    private final String header;
    private final Function<RuleRow, String> text;
    private final boolean shownByDefault;

    RuleColumn(String header, Function<RuleRow, String> text, boolean shownByDefault) {
        this.header = header;
        this.text = text;
        this.shownByDefault = shownByDefault;
    }

    public String header() {
        return header;
    }

    public String text(RuleRow row) {
        return text.apply(row);
    }

    public boolean shownByDefault() {
        return shownByDefault;
    }
}
