package dev.pceworkbench.policy.rules;

import java.util.Objects;

/**
 * One broken Rules-guide constraint: the rule field it belongs to (so a form can show the message
 * on that field), a message that says what is wrong and how to fix it, and, for a field that has a
 * providers' and a consumers' half ({@code resolve_labels_as}), the side to fix (null otherwise).
 */
public record Violation(Field field, String message, Side side) {
    /** The half of a two-sided field a violation is about. */
    public enum Side { PROVIDERS, CONSUMERS }

    /** The rule fields a violation can belong to, named as in the PCE's JSON. */
    public enum Field {
        PROVIDERS("providers"), CONSUMERS("consumers"), SERVICES("ingress_services"),
        RESOLVE_LABELS_AS("resolve_labels_as"), STATELESS("stateless"), IP_TABLES("ip_tables_rules"),
        /** The actors (receivers) of a custom iptables rule. */
        ACTORS("actors");

        private final String json;

        Field(String json) {
            this.json = json;
        }

        /** The field's name in the PCE's JSON. */
        public String json() {
            return json;
        }
    }

    public Violation {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }

    /** A violation of a field without sides. */
    public Violation(Field field, String message) {
        this(field, message, null);
    }

    @Override
    public String toString() {
        return field.json() + ": " + message;
    }
}
