package dev.pceworkbench.ui.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cross-view navigation without views knowing each other: a view model asks to open a PCE object
 * ("open this rule in its rule set", "open this label"), and the feature that registered for that
 * kind of object is shown and told which one. The composition root registers the handlers and
 * tells the navigator how to show a feature (the shell's sidebar selection). Kinds nobody
 * registered go to the fallback handler (an object details window), so every reference is openable.
 */
public final class Navigator {
    /** The kinds of PCE object a view can be asked to open. */
    public enum Kind { RULE_SET, LABEL, LABEL_GROUP, WORKLOAD, VIRTUAL_SERVICE, ENFORCEMENT_BOUNDARY, IP_LIST, SERVICE, OTHER }

    /**
     * What to open: the object's href, the policy version it was seen in ("draft", "active", a
     * number, or {@code null} for org objects), and optionally an object inside it to select (a
     * rule's href inside a rule set).
     */
    public record Target(Kind kind, String href, String version, String selectHref) {
        public Target {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(href);
        }

        public static Target of(Kind kind, String href, String version) {
            return new Target(kind, href, version, null);
        }

        /** Guesses the kind from a PCE href ({@code /orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9} → RULE_SET selecting the rule). */
        public static Target fromHref(String href) {
            String version = null;
            var m = java.util.regex.Pattern.compile("/sec_policy/([^/]+)/").matcher(href);
            if (m.find()) {
                version = m.group(1);
            }
            if (href.contains("/sec_rules/") || href.contains("/ip_tables_rules/")) {
                String ruleSet = href.substring(0, href.indexOf(href.contains("/sec_rules/") ? "/sec_rules/" : "/ip_tables_rules/"));
                return new Target(Kind.RULE_SET, ruleSet, version, href);
            }
            Kind kind = href.contains("/rule_sets/") ? Kind.RULE_SET
                    : href.contains("/label_groups/") ? Kind.LABEL_GROUP
                    : href.contains("/labels/") ? Kind.LABEL
                    : href.contains("/workloads/") ? Kind.WORKLOAD
                    : href.contains("/virtual_services/") ? Kind.VIRTUAL_SERVICE
                    : href.contains("/enforcement_boundaries/") ? Kind.ENFORCEMENT_BOUNDARY
                    : href.contains("/ip_lists/") ? Kind.IP_LIST
                    : href.contains("/services/") ? Kind.SERVICE
                    : Kind.OTHER;
            return new Target(kind, href, version, null);
        }
    }

    private record Handler(String featureId, Consumer<Target> open) {
    }

    private final Map<Kind, Handler> handlers = new EnumMap<>(Kind.class);
    private Consumer<String> showFeature = id -> {
    };
    private Consumer<Target> fallback = t -> {
        throw new IllegalStateException("Nothing in the workbench opens " + t.href());
    };

    /** How to bring a feature to the front (the shell's sidebar selection). */
    public void showFeatureWith(Consumer<String> show) {
        this.showFeature = Objects.requireNonNull(show);
    }

    /** {@code featureId} opens objects of {@code kind} with {@code open} (after being shown). */
    public void register(Kind kind, String featureId, Consumer<Target> open) {
        handlers.put(kind, new Handler(featureId, Objects.requireNonNull(open)));
    }

    /** Opens objects of kinds without a feature of their own (an object details window). */
    public void fallback(Consumer<Target> open) {
        this.fallback = Objects.requireNonNull(open);
    }

    public boolean hasFeatureFor(Kind kind) {
        return handlers.containsKey(kind);
    }

    public void open(Target target) {
        Handler h = handlers.get(target.kind());
        if (h == null) {
            fallback.accept(target);
            return;
        }
        showFeature.accept(h.featureId());
        h.open().accept(target);
    }
}
