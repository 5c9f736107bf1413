package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

/**
 * {@code PUT sec_policy/draft/virtual_services/bulk_create} and {@code bulk_update}: a list of
 * virtual services, each created or updated on its own; the answer has one entry per item, in
 * order: its {@code href}, or {@code errors [{token, message}]} (with the href for an update).
 * Register before the plain policy routes, so {@code bulk_create} is not read as an id.
 */
final class VirtualServicesBulkApi {
    private final PolicyApi policy;

    VirtualServicesBulkApi(PolicyApi policy) {
        this.policy = policy;
    }

    void routes(Router r, String org) {
        String base = org + "/sec_policy/{pv}/virtual_services/";
        r.put(base + "bulk_create", req -> bulk(req, true));
        r.put(base + "bulk_update", req -> bulk(req, false));
    }

    private ApiResponse bulk(ApiRequest req, boolean create) {
        PolicyApi.draftOnly(req);
        JsonNode body = req.body();
        if (body == null || !body.isArray()) {
            throw PceApiException.invalid("A bulk " + (create ? "create" : "update") + " takes a JSON array of virtual services");
        }
        ArrayNode out = PceJson.mapper().createArrayNode();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            ObjectNode result = out.addObject();
            try {
                if (!item.isObject()) {
                    throw PceApiException.invalid("Each item must be a JSON object");
                }
                String itemHref = item.path("href").asText("");
                if (!create) {
                    result.put("href", PolicyHrefs.toDraft(itemHref)); // an item's answer names it, even refused
                }
                // The virtual service's schema, as a single create or update has it (the href is the bulk update's own).
                ObjectNode o = (ObjectNode) Schemas.checkItem("virtual_services", item, i);
                if (!itemHref.isEmpty()) {
                    o.put("href", itemHref);
                }
                if (create) {
                    o.remove("href");
                    result.put("href", policy.create(req, PolicyType.VIRTUAL_SERVICES, o).path("href").asText());
                } else {
                    String href = PolicyHrefs.toDraft(o.path("href").asText(""));
                    result.put("href", href);
                    if (href.isEmpty()) {
                        throw PceApiException.invalid("Each item of a bulk update needs its 'href'");
                    }
                    o.remove("href");
                    policy.update(req, PolicyType.VIRTUAL_SERVICES, href, o);
                }
            } catch (PceApiException e) {
                ArrayNode errors = result.putArray("errors");
                for (PceApiException.ErrorItem err : e.errors()) {
                    errors.addObject().put("token", err.token()).put("message", err.message());
                }
            }
        }
        return ApiResponse.json(200, out);
    }
}
