package dev.pceworkbench.ui.common.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PortRange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PCE's own answers, for "verify on PCE": its rule search ({@code POST sec_policy/{pv}/rule_search})
 * and its policy check ({@code GET sec_policy/{pv}/allow}), each reduced to the set of rule hrefs,
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

    /** The hrefs of the rules the PCE's rule search finds for {@code body}. */
    public static Set<String> ruleSearch(PceClient client, String version, Map<String, Object> body, CancellationToken token) {
        byte[] json;
        try {
            json = PceJson.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new PceException("Cannot write the rule search request: " + e.getMessage(), e);
        }
        PceRequest r = PceRequest.of("POST", client.settings().orgPrefix() + "/sec_policy/" + version + "/rule_search")
                .withBody(json);
        return hrefs(client.transport().send(r, token));
    }

    /** The hrefs of the rules the PCE's policy check says allow the connection. */
    public static Set<String> allow(PceClient client, String version, Endpoint consumer, Endpoint provider,
                                    PortRange service, CancellationToken token) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put(consumer.isWorkload() ? "src_workload" : "src_external_ip", consumer.toString());
        q.put(provider.isWorkload() ? "dst_workload" : "dst_external_ip", provider.toString());
        q.put("protocol", service.proto());
        if (service.from() >= 0) {
            q.put("port", service.from());
        }
        PceRequest r = PceRequest.of("GET", client.settings().orgPrefix() + "/sec_policy/" + version + "/allow").withQuery(q);
        return hrefs(client.transport().send(r, token));
    }

    private static Set<String> hrefs(PceResponse r) {
        JsonNode json = r.json();
        if (json == null || !json.isArray()) {
            throw new PceException("The PCE answered with something other than a list of rules: "
                    + (r.text().length() > 200 ? r.text().substring(0, 200) + "…" : r.text()));
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode rule : json) {
            out.add(rule.path("href").asText());
        }
        return out;
    }
}
