package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.DependencyReport;
import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisioning: what is pending in the draft, what a change subset depends on, provisioning it
 * into a new policy version (all pending changes when no subset is given), reverting draft
 * changes (some or all), and the history of policy versions with what each one modified. The PCE
 * refuses a subset that lacks a dependency; that refusal arrives as a
 * {@link dev.pceworkbench.pce.PceApiException} with the PCE's message. Answers whose shape differs
 * between PCE versions (dependencies, {@code object_counts}, a single-object
 * {@code firewall_settings}) are read in every known shape.
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

    /**
     * What else must be provisioned ({@code commit}) or reverted with {@code subset}; empty when
     * closed. Same as {@link #dependencyReport} without the answer's shape.
     */
    public List<PolicyDependency> dependencies(ChangeSubset subset, boolean commit, CancellationToken token) {
        return dependencyReport(subset, commit, token).dependencies();
    }

    /**
     * What else must be provisioned ({@code commit}) or reverted with {@code subset}, and which
     * shape the PCE answered in (a list of {@code {dependency, required_by}} or an object keyed by
     * type); empty when the subset is closed.
     */
    public DependencyReport dependencyReport(ChangeSubset subset, boolean commit, CancellationToken token) {
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.put("operation", commit ? "commit" : "revert");
        body.set("change_subset", subset.toJson());
        JsonNode answer = transport.send(PceRequest.of("POST", org + "/sec_policy/draft/dependencies")
                .withBody(bytes(body)), token).json();
        try {
            return DependencyReport.fromJson(answer);
        } catch (IllegalArgumentException e) {
            throw new PceException("Cannot read the PCE's dependencies answer: " + e.getMessage(), e);
        }
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

    /** Reverts every pending change ({@code DELETE sec_policy/pending} without a body). */
    public void revertAll(CancellationToken token) {
        transport.send(PceRequest.of("DELETE", org + "/sec_policy/pending"), token);
    }

    /**
     * Reverts the pending changes of {@code subset} through {@code DELETE sec_policy/pending} with
     * a {@code change_subset} body; null reverts everything, like {@link #revertAll}.
     */
    public void revertPending(ChangeSubset subset, CancellationToken token) {
        if (subset == null) {
            revertAll(token);
            return;
        }
        ObjectNode body = PceJson.mapper().createObjectNode();
        body.set("change_subset", subset.toJson());
        transport.send(PceRequest.of("DELETE", org + "/sec_policy/pending").withBody(bytes(body)), token);
    }

    /** Policy versions, newest first; {@code maxResults} null for the PCE's default. */
    public List<PolicyVersion> versions(Integer maxResults, CancellationToken token) {
        PceRequest r = PceRequest.of("GET", org + "/sec_policy").withQuery("max_results", maxResults);
        List<PolicyVersion> out = new ArrayList<>();
        for (JsonNode v : transport.send(r, token).json()) {
            out.add(read(v, PolicyVersion.class));
        }
        return out;
    }

    /** Policy version {@code n} ({@code GET sec_policy/n}). */
    public PolicyVersion version(int n, CancellationToken token) {
        return read(transport.send(PceRequest.of("GET", org + "/sec_policy/" + n), token).json(), PolicyVersion.class);
    }

    /** What policy version {@code n} changed: the objects it created, updated or deleted. */
    public List<ModifiedObject> modifiedObjects(int n, CancellationToken token) {
        JsonNode answer = transport.send(PceRequest.of("GET", org + "/sec_policy/" + n + "/modified_objects"), token).json();
        try {
            return ModifiedObject.listFromJson(answer);
        } catch (IllegalArgumentException e) {
            throw new PceException("Cannot read what policy version " + n + " modified: " + e.getMessage(), e);
        }
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
