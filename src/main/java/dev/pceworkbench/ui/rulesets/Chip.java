package dev.pceworkbench.ui.rulesets;

/**
 * One readable piece of a rule: a label (with its dimension key, shown as a coloured chip), a
 * label group, All Workloads, an IP list, a workload (its hostname), a virtual service, a user
 * group or a service, with the href it stands for (null for All Workloads and inline ports).
 */
public record Chip(Kind kind, String key, String text, String href) {
    /** What a chip stands for; decides its style and prefix. */
    public enum Kind { LABEL, LABEL_GROUP, ALL_WORKLOADS, IP_LIST, WORKLOAD, VIRTUAL_SERVICE, USER_GROUP, SERVICE, PORT, UNKNOWN }

    /** The chip as plain text, e.g. {@code role: Web}, {@code Label group LG-Admin}, {@code IP list Corp}. */
    public String display() {
        return switch (kind) {
            case LABEL -> key == null ? text : key + ": " + text;
            case LABEL_GROUP -> "Label group " + text;
            case IP_LIST -> "IP list " + text;
            case VIRTUAL_SERVICE -> "Virtual service " + text;
            case USER_GROUP -> "User group " + text;
            case WORKLOAD -> "Workload " + text;
            default -> text;
        };
    }

    /** The text on the chip itself (the view adds the icon or the key colour). */
    public String shortText() {
        return kind == Kind.LABEL ? text : display();
    }
}
