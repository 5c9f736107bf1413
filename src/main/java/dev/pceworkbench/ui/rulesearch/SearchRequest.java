package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.common.policy.PortSpec;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule search as the form describes it, frozen when the user presses Search: the engine's
 * {@link RuleSearch} and, for the shapes the PCE's own {@code rule_search} endpoint understands,
 * the same query as its request body (so "verify on PCE" asks exactly what the workbench answered).
 */
public record SearchRequest(String version, boolean basic, String text, String ports, String description,
                            List<ActorFilterItem> filters, RuleSearch.Match match, boolean resolveActors,
                            Flag enabled, Flag stateless, KindFilter kind, boolean activeOnly) {
    /** Which side of a rule an actor filter looks at. */
    public enum Side {
        PROVIDER("Provider"), CONSUMER("Consumer"), EITHER("Provider or consumer");

        private final String text;

        Side(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A yes/no rule flag filter, or no filter. */
    public enum Flag {
        ANY("Any"), YES("Yes"), NO("No");

        private final String text;

        Flag(String text) {
            this.text = text;
        }

        Boolean value() {
            return this == ANY ? null : this == YES;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Intra-scope rules, extra-scope rules (unscoped consumers), or both. */
    public enum KindFilter {
        ANY("Intra- and extra-scope"), INTRA("Intra-scope only"), EXTRA("Extra-scope only");

        private final String text;

        KindFilter(String text) {
            this.text = text;
        }

        Boolean unscopedConsumers() {
            return this == ANY ? null : this == EXTRA;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One actor filter: a side and what to look for there. */
    public record ActorFilterItem(Side side, ActorOption option) {
        @Override
        public String toString() {
            return side + ": " + option.text();
        }
    }

    public SearchRequest {
        filters = List.copyOf(filters);
    }

    /**
     * The engine's query.
     *
     * @throws IllegalArgumentException with a message for people when the ports cannot be read
     */
    public RuleSearch query() {
        RuleSearch.Builder b = RuleSearch.builder();
        if (basic) {
            if (text != null && !text.isBlank()) {
                b.text(text.trim());
            }
            return b.build();
        }
        PortSpec.parseList(ports).forEach(b::port);
        if (description != null && !description.isBlank()) {
            b.description(description.trim());
        }
        for (ActorFilterItem f : filters) {
            RuleSearch.ActorFilter af = f.option().ip() != null ? RuleSearch.ActorFilter.ip(f.option().ip())
                    : RuleSearch.ActorFilter.of(f.option().actor());
            switch (f.side()) {
                case PROVIDER -> b.provider(af);
                case CONSUMER -> b.consumer(af);
                default -> b.providerOrConsumer(af);
            }
        }
        return b.match(match).resolveActors(resolveActors).enabled(enabled.value()).stateless(stateless.value())
                .unscopedConsumers(kind.unscopedConsumers()).activeOnly(activeOnly).build();
    }

    /** Why the PCE's rule search cannot ask this, or empty when it can. */
    public Optional<String> pceUnsupportedReason() {
        if (basic) {
            return Optional.of("The PCE's rule search has no \"any attribute\" text search; use advanced mode.");
        }
        if (match == RuleSearch.Match.ANY && criteria() > 1) {
            return Optional.of("The PCE's rule search needs every filter to match; choose \"Match all filters\".");
        }
        if (filters.stream().anyMatch(f -> f.option().ip() != null)) {
            return Optional.of("The PCE's rule search does not take IP addresses; pick the IP list instead.");
        }
        if (activeOnly) {
            return Optional.of("The PCE's rule search cannot leave out rules of disabled rule sets; "
                    + "clear \"Only rules that can allow traffic\".");
        }
        return Optional.empty();
    }

    private int criteria() {
        int n = PortSpec.parseList(ports).isEmpty() ? 0 : 1;
        n += description == null || description.isBlank() ? 0 : 1;
        for (Side s : Side.values()) {
            n += filters.stream().anyMatch(f -> f.side() == s) ? 1 : 0;
        }
        return n;
    }

    /** The PCE {@code rule_search} body for this query (check {@link #pceUnsupportedReason()} first). */
    public Map<String, Object> pceBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> services = new ArrayList<>();
        for (PortRange p : PortSpec.parseList(ports)) {
            services.add(PortSpec.toJson(p));
        }
        if (!services.isEmpty()) {
            body.put("ingress_services", services);
        }
        for (Side s : Side.values()) {
            List<Map<String, Object>> actors = new ArrayList<>();
            filters.stream().filter(f -> f.side() == s).forEach(f -> actors.add(json(f.option().actor())));
            if (!actors.isEmpty()) {
                body.put(switch (s) {
                    case PROVIDER -> "providers";
                    case CONSUMER -> "consumers";
                    default -> "providers_or_consumers";
                }, actors);
            }
        }
        if (description != null && !description.isBlank()) {
            body.put("description", description.trim());
        }
        if (resolveActors) {
            body.put("resolve_actors", true);
        }
        if (enabled.value() != null) {
            body.put("enabled", enabled.value());
        }
        if (stateless.value() != null) {
            body.put("stateless", stateless.value());
        }
        if (kind.unscopedConsumers() != null) {
            body.put("unscoped_consumers", kind.unscopedConsumers());
        }
        return body;
    }

    private static Map<String, Object> json(Actor a) {
        if (a.allWorkloadsActor()) {
            return Map.of("actors", Actor.AMS);
        }
        return Map.of(a.kind(), Map.of("href", a.ref().href()));
    }
}
