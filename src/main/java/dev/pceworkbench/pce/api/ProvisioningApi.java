package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisioning: what is pending in the draft, what a change subset depends on, provisioning it
 * into a new policy version (all pending changes when no subset is given), reverting draft
 * changes, and the list of policy versions. The PCE refuses a subset that lacks a dependency;
 * that refusal arrives as a {@link dev.pceworkbench.pce.PceApiException} with the PCE's message.
 */
public final class ProvisioningApi {
    private final PceTransport transport;
    private final String org;

    public ProvisioningApi(PceTransport transport, String orgPrefix) {
        this.transport = transport;
        this.org = orgPrefix;
    }

    public PendingChanges pending(CancellationToken token) {
        return read(transport.send(PceRequest.of("GET", org + "/sec_policy/pending"), token).json(), PendingChanges.class);
    }

    /** What else must be provisioned ({@code commit}) or reverted with {@code subset}; empty when closed. */
    public List<PolicyDependency> dependencies(ChangeSubset subset, boolean commit, CancellationToken token) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.put("operation", commit ? "commit" : "revert");
        body.set("change_subset", subset.toJson());
        JsonNode answer = transport.send(PceRequest.of("POST", org + "/sec_policy/draft/dependencies")
                .withBody(bytes(body)), token).json();
        List<PolicyDependency> out = new ArrayList<>();
        for (JsonNode d : answer) {
            out.add(read(d, PolicyDependency.class));
        }
        return out;
    }

    /** Provisions {@code subset} (null: every pending change) and returns the new policy version. */
    public PolicyVersion provision(String description, ChangeSubset subset, CancellationToken token) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.put("update_description", description == null ? "" : description);
        if (subset != null) {
            body.set("change_subset", subset.toJson());
        }
        return read(transport.send(PceRequest.of("POST", org + "/sec_policy").withBody(bytes(body)), token).json(),
                PolicyVersion.class);
    }

    /** Puts the draft objects of {@code subset} back to their active state. */
    public void revert(ChangeSubset subset, CancellationToken token) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.set("change_subset", subset.toJson());
        transport.send(PceRequest.of("PUT", org + "/sec_policy/delete").withBody(bytes(body)), token);
    }

    /** Reverts every pending change. */
    public void revertAll(CancellationToken token) {
        transport.send(PceRequest.of("DELETE", org + "/sec_policy/pending"), token);
    }

    /** Policy versions, newest first. */
    public List<PolicyVersion> versions(Integer maxResults, CancellationToken token) {
        PceRequest r = PceRequest.of("GET", org + "/sec_policy").withQuery("max_results", maxResults);
        List<PolicyVersion> out = new ArrayList<>();
        for (JsonNode v : transport.send(r, token).json()) {
            out.add(read(v, PolicyVersion.class));
        }
        return out;
    }

    static byte[] bytes(JsonNode n) {
        return ObjectApi.jsonBytes(n);
    }

    static <T> T read(JsonNode n, Class<T> type) {
        try {
            return PceJson.mapper().treeToValue(n, type);
        } catch (IOException e) {
            throw new PceException("Cannot read " + type.getSimpleName() + " from the PCE's answer: " + e.getMessage(), e);
        }
    }
}
