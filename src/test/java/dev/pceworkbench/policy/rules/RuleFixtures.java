package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.SecRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds rules for the constraint tests from short names of actors, services and resolutions. */
final class RuleFixtures {
    static final String ROLE_WEB = "/orgs/1/labels/1";
    static final String ROLE_DB = "/orgs/1/labels/2";
    static final String APP_HRM = "/orgs/1/labels/3";
    static final String ENV_DEV = "/orgs/1/labels/4";
    static final String LOC_US = "/orgs/1/labels/5";
    static final String BU_FIN = "/orgs/1/labels/6";
    /** Label keys as the workspace's labels give them. */
    static final Map<String, String> KEYS = Map.of(ROLE_WEB, "role", ROLE_DB, "role", APP_HRM, "app", ENV_DEV, "env",
            LOC_US, "loc", BU_FIN, "bu");

    private RuleFixtures() {
    }

    /** An actor by short name: ams, label, label2 (another role), lg, workload, workload2, ip_list, ip_list2, vs. */
    static Actor actor(String name) {
        return switch (name) {
            case "ams" -> Actor.allWorkloads();
            case "label" -> Actor.label(ROLE_WEB);
            case "label2" -> Actor.label(ROLE_DB);
            case "app" -> Actor.label(APP_HRM);
            case "env" -> Actor.label(ENV_DEV);
            case "loc" -> Actor.label(LOC_US);
            case "bu" -> Actor.label(BU_FIN);
            case "lg" -> Actor.labelGroup("/orgs/1/sec_policy/draft/label_groups/7");
            case "workload" -> Actor.workload("/orgs/1/workloads/abc");
            case "workload2" -> Actor.workload("/orgs/1/workloads/def");
            case "ip_list" -> Actor.ipList("/orgs/1/sec_policy/draft/ip_lists/1");
            case "ip_list2" -> Actor.ipList("/orgs/1/sec_policy/draft/ip_lists/2");
            case "vs" -> Actor.virtualService("/orgs/1/sec_policy/draft/virtual_services/x1");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Actors from a "+"-separated list; "ug" is left out (it is a user group, see {@link #rule}). */
    static List<Actor> actors(String names) {
        List<Actor> out = new ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        for (String n : names.split("\\+")) {
            if (!n.equals("ug")) {
                out.add(actor(n));
            }
        }
        return out;
    }

    /** Services by short name: all (All Services), named, port, range, none. */
    static List<IngressService> services(String kind) {
        return switch (kind) {
            case "all" -> List.of(IngressService.service("/orgs/1/sec_policy/draft/services/1"));
            case "named" -> List.of(IngressService.service("/orgs/1/sec_policy/draft/services/9"));
            case "port" -> List.of(IngressService.port(443, 6));
            case "range" -> List.of(IngressService.range(8000, 8080, 6));
            case "none" -> List.of();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** resolve_labels_as values by short name: w, vs, both. */
    static List<String> resolve(String kind) {
        return switch (kind) {
            case "w" -> List.of(ResolveLabelsAs.WORKLOADS);
            case "vs" -> List.of(ResolveLabelsAs.VIRTUAL_SERVICES);
            case "both" -> List.of(ResolveLabelsAs.WORKLOADS, ResolveLabelsAs.VIRTUAL_SERVICES);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A rule; a "ug" among the consumers adds a user group. */
    static SecRule rule(String providers, String provAs, String services, String consumers, String consAs,
                        boolean unscoped, boolean stateless) {
        List<Href> userGroups = consumers.contains("ug")
                ? List.of(Href.of("/orgs/1/security_principals/ug1")) : List.of();
        return new SecRule(null, null, true, actors(providers), actors(consumers), services(services), null,
                new ResolveLabelsAs(resolve(provAs), resolve(consAs), null), unscoped, stateless, false, false, null,
                userGroups, null, null);
    }
}
