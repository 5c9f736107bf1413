package dev.pceworkbench.policy.names;

import java.util.Objects;

/**
 * How one PCE object is written on screen: its kind, its label dimension key (labels and label
 * groups; a view colours by it), the object's own name ("Web", "LG-Data", "web-01", "443 TCP"), the
 * href it stands for (null for All Workloads, inline ports and IP addresses) and whether it is
 * excluded (a scope's "not" entry). {@link #display()} is the text every view and explanation
 * shows; {@link Names} makes them.
 */
public record Name(ObjectKind kind, String key, String text, String href, boolean excluded) {
    public Name {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public Name(ObjectKind kind, String key, String text, String href) {
        this(kind, key, text, href, false);
    }

    /** The same name, marked as excluded ("not role: Web"). */
    public Name exclude() {
        return new Name(kind, key, text, href, true);
    }

    /**
     * The one way the workbench writes this object: {@code role: Web}, {@code label group LG-Data},
     * {@code workload web-01}, {@code IP list Corp}, {@code virtual service VS-DB},
     * {@code user group Admins}, {@code All Workloads}, {@code 443 TCP}, a service's name, an IP
     * address; an excluded entry reads {@code not role: Web}.
     */
    public String display() {
        String base = switch (kind) {
            // A label nothing names reads as its kind and href, like the other kinds.
            case LABEL -> key != null ? key + ": " + text : text.equals(href) ? kind.singular() + " " + text : text;
            case ALL_WORKLOADS, SERVICE, PORT, IP_ADDRESS -> text;
            default -> kind.singular() + " " + text;
        };
        return excluded ? "not " + base : base;
    }

    @Override
    public String toString() {
        return display();
    }
}
