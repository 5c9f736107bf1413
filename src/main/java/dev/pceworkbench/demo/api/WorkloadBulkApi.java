package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.ObjectCollection;
import dev.pceworkbench.pce.json.PceJson;

/**
 * The PCE's bulk workload changes, {@code PUT /orgs/{org}/workloads/bulk_create}, {@code bulk_update}
 * and {@code bulk_delete}: a JSON array of at most {@value #MAX_ITEMS} items, answered 200 with one
 * result per item, in order: {@code {"href", "status": "created"}}, {@code {"href", "status":
 * "updated"}}, or {@code {"href"}} for a deleted one; an item that fails carries {@code errors}
 * ({@code [{token, message}]}) and the others still apply. Unmanaged workloads only, as on the PCE:
 * deleting a managed one fails with {@code method_not_allowed_error} (unpair it instead).
 * Registered before {@code workloads/{id}} so that {@code bulk_create} is not taken for an id.
 */
final class WorkloadBulkApi {
    static final int MAX_ITEMS = 1000;

    private final DemoState state;
    private final Events events;
    private final OrgKind kind;

    WorkloadBulkApi(DemoState state, Events events, OrgKind workloads) {
        this.state = state;
        this.events = events;
        this.kind = workloads;
    }

    void routes(Router r, String org) {
        r.put(org + "/workloads/bulk_create", req -> ApiResponse.ok(bulk(req, Op.CREATE)));
        r.put(org + "/workloads/bulk_update", req -> ApiResponse.ok(bulk(req, Op.UPDATE)));
        r.put(org + "/workloads/bulk_delete", req -> ApiResponse.ok(bulk(req, Op.DELETE)));
    }

    private enum Op { CREATE, UPDATE, DELETE }

    private ArrayNode bulk(ApiRequest req, Op op) {
        JsonNode body = req.body();
        if (!body.isArray()) {
            throw PceApiException.invalid("The body of workloads/bulk_" + op.name().toLowerCase(java.util.Locale.ROOT)
                    + " must be a JSON array of workloads");
        }
        if (body.size() > MAX_ITEMS) {
            throw new PceApiException(406, "too_many_items",
                    "A bulk call takes at most " + MAX_ITEMS + " workloads; this one has " + body.size());
        }
        return state.write(() -> {
            ArrayNode out = PceJson.mapper().createArrayNode();
            String now = state.timestamp();
            for (JsonNode item : body) {
                ObjectNode result = out.addObject();
                String href = item.path("href").asText(null);
                try {
                    if (!item.isObject()) {
                        throw PceApiException.invalid("Every item must be a JSON object");
                    }
                    switch (op) {
                        case CREATE -> {
                            result.put("href", create(req, (ObjectNode) item, now));
                            result.put("status", "created");
                        }
                        case UPDATE -> {
                            result.put("href", href);
                            update(req, href, (ObjectNode) item, now);
                            result.put("status", "updated");
                        }
                        case DELETE -> {
                            result.put("href", href);
                            delete(req, href);
                        }
                    }
                } catch (PceApiException e) {
                    if (!result.has("href")) {
                        result.put("href", href);
                    }
                    result.remove("status");
                    ArrayNode errors = result.putArray("errors");
                    e.errors().forEach(x -> errors.addObject().put("token", x.token()).put("message", x.message()));
                }
            }
            return out;
        });
    }

    /** The item checked against the workload schema (as a single create or update is), without server-managed fields. */
    private static ObjectNode withoutServerFields(ObjectNode item) {
        return (ObjectNode) Schemas.check("workloads", Validation.withoutServerManaged(item));
    }

    private String create(ApiRequest req, ObjectNode item, String now) {
        ObjectNode node = kind.defaults().get();
        node.setAll(withoutServerFields(item));
        String href = state.orgPrefix() + "/workloads/" + state.uuid();
        node.put("href", href);
        OrgApi.stamp(node, req, now, true);
        kind.validate().accept(null, node);
        state.collection("workloads").put(node);
        events.record(req, "workload.create", href, 201);
        return href;
    }

    private ObjectNode existing(String href) {
        if (href == null || href.isBlank()) {
            throw PceApiException.invalid("Every item needs the 'href' of a workload");
        }
        ObjectNode old = state.collection("workloads").get(href);
        if (old == null) {
            throw PceApiException.notFound("Workload " + href);
        }
        return old;
    }

    private void update(ApiRequest req, String href, ObjectNode item, String now) {
        ObjectCollection c = state.collection("workloads");
        ObjectNode old = existing(href);
        ObjectNode next = Render.shallow(old);
        next.setAll(withoutServerFields(item));
        OrgApi.stamp(next, req, now, false);
        kind.validate().accept(old, next);
        c.put(next);
        events.record(req, "workload.update", href, 204);
    }

    private void delete(ApiRequest req, String href) {
        ObjectNode old = existing(href);
        if (old.path("agent").path("href").isTextual() || old.path("ven").path("href").isTextual()) {
            throw new PceApiException(405, "method_not_allowed_error",
                    "Workload " + href + " is managed by a VEN and cannot be deleted; unpair it instead");
        }
        kind.beforeDelete().accept(old);
        state.collection("workloads").remove(href);
        events.record(req, "workload.delete", href, 204);
    }
}
