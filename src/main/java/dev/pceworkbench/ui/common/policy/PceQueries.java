package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.PolicyCheckRequest;
import dev.pceworkbench.pce.model.RuleSearchRequest;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PortRange;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PCE's own answers, for "verify on PCE": its rule search ({@code POST sec_policy/{pv}/rule_search})
 * and its policy check ({@code GET sec_policy/{pv}/allow}), asked through the client's typed
 * {@link dev.pceworkbench.pce.api.PolicyQueryApi} and each reduced to the set of rule hrefs,
 * and {@link Agreement}, the comparison with the workbench's answer. Error statuses throw the PCE's
 * own message ({@link dev.pceworkbench.pce.PceApiException}).
 */
public final class PceQueries {
    /** Whether the PCE and the workbench found the same rules, and the rules only one of them found. */
    public record Agreement(int workbench, int pce, List<String> onlyInWorkbench, List<String> onlyOnPce) {
        public Agreement {
            onlyInWorkbench = List.copyOf(onlyInWorkbench);
            onlyOnPce = List.copyOf(onlyOnPce);
        }

        public static Agreement of(Set<String> workbench, Set<String> pce) {
            Set<String> onlyHere = new TreeSet<>(workbench);
            onlyHere.removeAll(pce);
            Set<String> onlyThere = new TreeSet<>(pce);
            onlyThere.removeAll(workbench);
            return new Agreement(workbench.size(), pce.size(), List.copyOf(onlyHere), List.copyOf(onlyThere));
        }

        public boolean agrees() {
            return onlyInWorkbench.isEmpty() && onlyOnPce.isEmpty();
        }

        /** "The PCE agrees: the same 12 rules." or how they differ. */
        public String summary() {
            if (agrees()) {
                return "The PCE agrees: the same " + String.format(java.util.Locale.US, "%,d", workbench)
                        + (workbench == 1 ? " rule." : " rules.");
            }
            return "The PCE disagrees: " + onlyInWorkbench.size() + " only in the workbench, " + onlyOnPce.size()
                    + " only on the PCE (workbench " + workbench + ", PCE " + pce + ").";
        }
    }

    private PceQueries() {
    }

    /**
     * The hrefs of the rules the PCE's rule search finds for {@code body} (the search object in
     * the PCE's JSON names, as the rule search form builds it).
     */
    public static Set<String> ruleSearch(PceClient client, String version, Map<String, Object> body, CancellationToken token) {
        RuleSearchRequest request;
        try {
            request = PceJson.mapper().convertValue(body, RuleSearchRequest.class);
        } catch (IllegalArgumentException e) {
            throw new PceException("Cannot write the rule search request: " + e.getMessage(), e);
        }
        return hrefs(client.policyQueries().ruleSearch(version, request, token));
    }

    /** The hrefs of the rules the PCE's policy check says allow the connection. */
    public static Set<String> allow(PceClient client, String version, Endpoint consumer, Endpoint provider,
                                    PortRange service, CancellationToken token) {
        PolicyCheckRequest request = PolicyCheckRequest.of(side(consumer), side(provider), service.proto(),
                service.from() >= 0 ? service.from() : null);
        return hrefs(client.policyQueries().allow(version, request, token));
    }

    private static PolicyCheckRequest.Side side(Endpoint e) {
        return e.isWorkload() ? PolicyCheckRequest.Side.workload(e.workloadHref())
                : PolicyCheckRequest.Side.externalIp(e.toString());
    }

    private static Set<String> hrefs(List<SecRule> rules) {
        Set<String> out = new LinkedHashSet<>();
        for (SecRule rule : rules) {
            out.add(rule.href());
        }
        return out;
    }
}
