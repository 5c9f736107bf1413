package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The org-level endpoints that do not follow plain CRUD: service bindings (created in bulk, only
 * for provisioned virtual services), the container cluster token shown once on creation, and
 * pairing keys.
 */
final class BindingsApi {
    private final DemoState state;
    private final Events events;
    private final OrgApi orgApi;
    private final SecureRandom random = new SecureRandom();

    BindingsApi(DemoState state, Events events, OrgApi orgApi) {
        this.state = state;
        this.events = events;
        this.orgApi = orgApi;
    }

    void routes(Router r, String org, OrgKind clusters, OrgKind pairingProfiles) {
        r.post(org + "/service_bindings", this::createBindings);
        r.post(org + "/container_clusters", req -> {
            ObjectNode created = orgApi.create(req, clusters, state.orgPrefix() + "/container_clusters");
            ObjectNode out = Render.shallow(created);
            byte[] b = new byte[32];
            random.nextBytes(b);
            out.put("container_cluster_token", state.orgId() + "_" + HexFormat.of().formatHex(b));
            return ApiResponse.created(out);
        });
        r.post(org + "/pairing_profiles/{id}/pairing_key", req -> {
            String href = state.orgPrefix() + "/pairing_profiles/" + req.pathParam("id");
            orgApi.get(pairingProfiles, href);
            byte[] b = new byte[40];
            random.nextBytes(b);
            ObjectNode out = PceJson.mapper().createObjectNode();
            out.put("activation_code", HexFormat.of().formatHex(b));
            return ApiResponse.json(200, out);
        });
    }

    private ApiResponse createBindings(ApiRequest req) {
        JsonNode body = req.body();
        if (!body.isArray()) {
            throw PceApiException.invalid("Service bindings are created with a JSON array of bindings");
        }
        ArrayNode created = state.write(() -> {
            for (int i = 0; i < body.size(); i++) {
                Schemas.checkItem("service_bindings", body.get(i), i);
                check(body.get(i), i);
            }
            ArrayNode out = PceJson.mapper().createArrayNode();
            String now = state.timestamp();
            for (JsonNode b : body) {
                ObjectNode node = PceJson.mapper().createObjectNode();
                node.put("href", state.orgPrefix() + "/service_bindings/" + state.uuid());
                node.putObject("virtual_service").put("href",
                        PolicyHrefs.inVersion(b.path("virtual_service").path("href").asText(), "active"));
                node.putObject("workload").put("href", b.path("workload").path("href").asText());
                node.set("port_overrides", b.has("port_overrides") ? b.get("port_overrides") : node.arrayNode());
                node.putNull("external_data_set");
                node.putNull("external_data_reference");
                OrgApi.stamp(node, req, now, true);
                state.collection("service_bindings").put(node);
                events.record(req, "service_binding.create", node.get("href").asText(), 201);
                out.addObject().put("href", node.get("href").asText());
            }
            return out;
        });
        return ApiResponse.created(created);
    }

    private void check(JsonNode b, int i) {
        String where = "Service binding #" + (i + 1) + ": ";
        String vs = b.path("virtual_service").path("href").asText("");
        String wl = b.path("workload").path("href").asText("");
        if (vs.isEmpty() || wl.isEmpty()) {
            throw PceApiException.invalid(where + "needs virtual_service.href and workload.href");
        }
        if (!PolicyHrefs.isPolicyHref(vs) || !state.policy().active().of(PolicyType.VIRTUAL_SERVICES)
                .containsKey(PolicyHrefs.toDraft(vs))) {
            throw new PceApiException(406, "virtual_service_not_active", where + "virtual service " + vs
                    + " is not provisioned; provision it before binding workloads to it");
        }
        if (state.collection("workloads").get(wl) == null) {
            throw new PceApiException(406, "invalid_workload", where + "workload " + wl + " does not exist");
        }
        for (JsonNode o : b.path("port_overrides")) {
            RuleSupport.validatePortProto(o, "port_overrides");
            Validation.checkPort(o.get("new_port"), "port_overrides new_port");
        }
    }
}
