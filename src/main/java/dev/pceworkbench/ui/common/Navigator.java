package dev.pceworkbench.ui.common;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cross-view navigation without views knowing each other: a view model asks to open a PCE object
 * ("open this rule in its rule set", "open this label"), and the feature that registered for that
 * kind of object ({@link ObjectKind}, the one list of kinds) is shown and told which one. The
 * composition root registers the handlers and
 * tells the navigator how to show a feature (the shell's sidebar selection). Kinds nobody
 * registered go to the fallback handler (an object details window), so every reference is openable.
 */
public final class Navigator {

    /**
     * What to open: the object's kind and href, the policy version it was seen in ("draft",
     * "active", a number, or {@code null} for org objects), and optionally an object inside it to
     * select (a rule's href inside a rule set).
     */
    public record Target(ObjectKind kind, String href, String version, String selectHref) {
        public Target {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(href);
        }

        public static Target of(ObjectKind kind, String href, String version) {
            return new Target(kind, href, version, null);
        }

        /**
         * The target an href names, kind from {@link ObjectKind#fromHref}: a rule
         * ({@code /orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9}, or an iptables rule) opens its
         * RULE_SET with the rule selected; hrefs of other collections are UNKNOWN.
         */
        public static Target fromHref(String href) {
            ObjectKind kind = ObjectKind.fromHref(href);
            String version = Hrefs.version(href);
            if (kind == ObjectKind.RULE || kind == ObjectKind.IPTABLES_RULE) {
                String ruleSet = href.substring(0, href.lastIndexOf('/', href.lastIndexOf('/') - 1));
                return new Target(ObjectKind.RULE_SET, ruleSet, version, href);
            }
            return new Target(kind, href, version, null);
        }
    }

    private record Handler(String featureId, Consumer<Target> open) {
    }

    private final Map<ObjectKind, Handler> handlers = new EnumMap<>(ObjectKind.class);
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
    public void register(ObjectKind kind, String featureId, Consumer<Target> open) {
        handlers.put(kind, new Handler(featureId, Objects.requireNonNull(open)));
    }

    /** Opens objects of kinds without a feature of their own (an object details window). */
    public void fallback(Consumer<Target> open) {
        this.fallback = Objects.requireNonNull(open);
    }

    public boolean hasFeatureFor(ObjectKind kind) {
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
