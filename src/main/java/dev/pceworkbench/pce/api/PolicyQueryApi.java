package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.PolicyCheckRequest;
import dev.pceworkbench.pce.model.RuleSearchRequest;
import dev.pceworkbench.pce.model.SecRule;

import java.util.List;

/**
 * The PCE's own questions about a policy version ({@code draft}, {@code active} or a version
 * number): the rule search, {@code POST sec_policy/{version}/rule_search} with a
 * {@link RuleSearchRequest} body, and the policy check, {@code GET sec_policy/{version}/allow}
 * with a {@link PolicyCheckRequest}'s query parameters. Both answer the rules found, in the policy
 * order the PCE gives, with hrefs in the version asked about. Error statuses throw the PCE's own
 * message ({@link dev.pceworkbench.pce.PceApiException}); an answer that is not a list of rules
 * throws a {@link PceException} quoting its start.
 */
public final class PolicyQueryApi {
    private final PceTransport transport;
    private final String orgPrefix;

    public PolicyQueryApi(PceTransport transport, String orgPrefix) {
        this.transport = transport;
        this.orgPrefix = orgPrefix;
    }

    /** The rules of {@code version} that fit all of {@code request}'s criteria. */
    public List<SecRule> ruleSearch(String version, RuleSearchRequest request, CancellationToken token) {
        // Not bodyBytes: update_type is a criterion here, not a server-managed field to strip.
        PceRequest r = PceRequest.of("POST", path(version, "rule_search"))
                .withBody(ObjectApi.jsonBytes(PceJson.mapper().valueToTree(request)));
        return rules(transport.send(r, token), r);
    }

    /** The rules of {@code version} that allow the connection {@code request} describes (none: it is blocked). */
    public List<SecRule> allow(String version, PolicyCheckRequest request, CancellationToken token) {
        PceRequest r = PceRequest.of("GET", path(version, "allow")).withQuery(request.queryParameters());
        return rules(transport.send(r, token), r);
    }

    private String path(String version, String endpoint) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Name the policy version: draft, active or a version number");
        }
        return orgPrefix + "/sec_policy/" + version + "/" + endpoint;
    }

    private static List<SecRule> rules(PceResponse answer, PceRequest request) {
        JsonNode json = answer.json();
        if (json == null || !json.isArray()) {
            String text = answer.text();
            throw new PceException("The PCE answered " + request.describe() + " with something other than a list of rules: "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
        return CollectionReader.convert((com.fasterxml.jackson.databind.node.ArrayNode) json, SecRule.class);
    }
}
