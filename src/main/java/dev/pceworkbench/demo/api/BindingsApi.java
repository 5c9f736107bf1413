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

    /**
     * {@code POST service_bindings}: a list of bindings, answered per item ({@code href} of the
     * created binding, or {@code errors}). A virtual service that is not active (a draft href, or
     * one never provisioned) refuses the whole request with 406 {@code invalid_uri}, as the PCE does.
     */
    private ApiResponse createBindings(ApiRequest req) {
        JsonNode body = req.body();
        if (body == null || !body.isArray()) {
            throw PceApiException.invalid("Service bindings are created with a JSON array of bindings");
        }
        ArrayNode answer = state.write(() -> {
            for (int i = 0; i < body.size(); i++) {
                Schemas.checkItem("service_bindings", body.get(i), i);
                checkVirtualService(body.get(i));
            }
            ArrayNode out = PceJson.mapper().createArrayNode();
            String now = state.timestamp();
            for (int i = 0; i < body.size(); i++) {
                JsonNode b = body.get(i);
                String problem = problem(b, i);
                if (problem != null) {
                    out.addObject().putArray("errors").addObject().put("token", "invalid_service_binding")
                            .put("message", problem);
                    continue;
                }
                ObjectNode node = PceJson.mapper().createObjectNode();
                node.put("href", state.orgPrefix() + "/service_bindings/" + state.uuid());
                node.putObject("virtual_service").put("href", b.path("virtual_service").path("href").asText());
                for (String kind : new String[]{"workload", "container_workload"}) {
                    if (b.path(kind).isObject()) {
                        node.putObject(kind).put("href", b.path(kind).path("href").asText());
                    } else {
                        node.putNull(kind);
                    }
                }
                node.set("port_overrides", b.has("port_overrides") ? b.get("port_overrides").deepCopy() : node.arrayNode());
                node.put("external_data_set", b.path("external_data_set").asText(null));
                node.put("external_data_reference", b.path("external_data_reference").asText(null));
                OrgApi.stamp(node, req, now, true);
                state.collection("service_bindings").put(node);
                events.record(req, "service_binding.create", node.get("href").asText(), 201);
                out.addObject().put("href", node.get("href").asText());
            }
            return out;
        });
        return ApiResponse.created(answer);
    }

    /** A draft, never-provisioned or unknown virtual service: the PCE refuses the request's URI. */
    private void checkVirtualService(JsonNode b) {
        String vs = b.path("virtual_service").path("href").asText("");
        boolean active = PolicyHrefs.isPolicyHref(vs) && vs.equals(PolicyHrefs.inVersion(vs, "active"))
                && state.policy().active().of(PolicyType.VIRTUAL_SERVICES).containsKey(PolicyHrefs.toDraft(vs));
        if (!active) {
            throw new PceApiException(406, "invalid_uri", "Invalid URI: {" + (vs.isEmpty() ? "virtual_service.href missing" : vs)
                    + "}; service bindings need the href of an active (provisioned) virtual service");
        }
    }

    /** Why one binding cannot be created, or null. */
    private String problem(JsonNode b, int i) {
        String where = "Service binding #" + (i + 1) + ": ";
        boolean wl = b.path("workload").isObject();
        boolean cwl = b.path("container_workload").isObject();
        if (wl == cwl) {
            return where + "needs exactly one of workload.href and container_workload.href";
        }
        String kind = wl ? "workload" : "container_workload";
        String target = b.path(kind).path("href").asText("");
        if (state.collection(kind + "s").get(target) == null) {
            return where + kind.replace('_', ' ') + " " + target + " does not exist";
        }
        ObjectNode vs = state.policy().active().of(PolicyType.VIRTUAL_SERVICES)
                .get(PolicyHrefs.toDraft(b.path("virtual_service").path("href").asText()));
        JsonNode overrides = b.path("port_overrides");
        if (!overrides.isMissingNode() && !overrides.isNull() && !overrides.isArray()) {
            return where + "port_overrides must be a list";
        }
        for (JsonNode o : overrides) {
            String problem = overrideProblem(vs, o);
            if (problem != null) {
                return where + "port_overrides: " + problem;
            }
        }
        return null;
    }

    private String overrideProblem(ObjectNode vs, JsonNode o) {
        for (String f : new String[]{"port", "proto", "new_port"}) {
            if (!o.path(f).isIntegralNumber()) {
                return "'" + f + "' is required and must be an integer";
            }
        }
        int port = o.get("port").asInt();
        int proto = o.get("proto").asInt();
        int newPort = o.get("new_port").asInt();
        if (newPort < 0 || newPort > 65535 || port < 0 || port > 65535) {
            return "ports must be from 0 to 65535";
        }
        if (o.has("new_to_port") && !o.get("new_to_port").isNull()) {
            if (!o.get("new_to_port").isIntegralNumber() || o.get("new_to_port").asInt() < newPort
                    || o.get("new_to_port").asInt() > 65535) {
                return "new_to_port " + o.get("new_to_port") + " must be an integer from new_port " + newPort + " to 65535";
            }
        }
        if (!servesPort(vs, port, proto)) {
            return "port " + port + " proto " + proto + " is not a port of the virtual service";
        }
        return null;
    }

    /** Whether the virtual service (its own ports, or its service's active ports) covers {@code port}/{@code proto}. */
    private boolean servesPort(ObjectNode vs, int port, int proto) {
        JsonNode ports = vs.path("service_ports");
        String svc = vs.path("service").path("href").asText("");
        if (!svc.isEmpty()) {
            ObjectNode service = state.policy().active().of(PolicyType.SERVICES).get(PolicyHrefs.toDraft(svc));
            ports = service == null ? PceJson.mapper().createArrayNode() : service.path("service_ports");
        }
        for (JsonNode sp : ports) {
            int p = sp.path("port").asInt(-1);
            int to = sp.path("to_port").asInt(p);
            int pr = sp.path("proto").asInt(-2);
            if ((pr == proto || pr == -1) && (p == -1 || (port >= p && port <= to))) {
                return true;
            }
        }
        return false;
    }
}
