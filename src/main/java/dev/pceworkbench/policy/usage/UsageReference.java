package dev.pceworkbench.policy.usage;

import java.util.Objects;

/**
 * One place that references a label or label group, as {@link WhereUsed} reports it: what kind of
 * object it is, its href (a rule's own href for rules, so a navigator can open the rule inside its
 * rule set), a display name, the policy version it was found in ({@code null} for org objects such
 * as workloads), how it uses the subject ({@link #usage}: "scope", "provider", "consumer",
 * "member", "actor", "label" or "member label") and, when the use is indirect, through what
 * ({@link #via}: the label group that contains the subject, or the member label a workload carries).
 */
public record UsageReference(Kind kind, String href, String name, String version, String usage, String via) {
    /** The kinds of object that can reference a label or label group. */
    public enum Kind {
        LABEL_GROUP("Label group"),
        RULE_SET("Rule set"),
        RULE("Rule"),
        IP_TABLES_RULE("Custom iptables rule"),
        VIRTUAL_SERVICE("Virtual service"),
        ENFORCEMENT_BOUNDARY("Enforcement boundary"),
        WORKLOAD("Workload");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        /** The kind in the UI's words ("Rule set"). */
        public String displayName() {
            return displayName;
        }
    }

    public UsageReference {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(href);
        Objects.requireNonNull(usage);
    }

    /** Whether the subject is used directly (not through a containing group or a member label). */
    public boolean direct() {
        return via == null;
    }

    /** "provider", or "provider via group LG-E-NonProd" for an indirect use. */
    public String describeUsage() {
        if (via == null) {
            return usage;
        }
        return usage + (usage.equals("member label") ? " " : " via group ") + via;
    }
}
