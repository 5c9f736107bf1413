package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;

import java.util.List;

/**
 * {@code PUT sec_policy/draft/virtual_services/bulk_create} and {@code bulk_update}: many virtual
 * services in one request, answered per item (an href, or the PCE's errors for that item). An
 * update item carries the href of the virtual service it changes.
 */
public final class VirtualServiceBulkApi {
    private final PceTransport transport;
    private final String base;

    public VirtualServiceBulkApi(PceTransport transport, String orgPrefix) {
        this.transport = transport;
        this.base = orgPrefix + "/sec_policy/draft/virtual_services/";
    }

    /** Creates each of {@code virtualServices} (records, maps or JSON) in the draft. */
    public List<BulkItemResult> bulkCreate(List<?> virtualServices, CancellationToken token) {
        return send("bulk_create", virtualServices, false, token);
    }

    /** Updates each item (which must carry its {@code href}) with the fields it holds. */
    public List<BulkItemResult> bulkUpdate(List<?> changes, CancellationToken token) {
        return send("bulk_update", changes, true, token);
    }

    private List<BulkItemResult> send(String op, List<?> items, boolean keepHref, CancellationToken token) {
        ArrayNode array = PceJson.mapper().createArrayNode();
        for (Object item : items) {
            var tree = ObjectApi.bodyTree(item);
            if (keepHref && tree instanceof ObjectNode o && !o.has("href")) {
                var original = PceJson.mapper().valueToTree(item);
                if (original.hasNonNull("href")) {
                    o.set("href", original.get("href"));
                }
            }
            array.add(tree);
        }
        var answer = transport.send(PceRequest.of("PUT", base + op).withBody(ObjectApi.jsonBytes(array)), token).json();
        return BulkItemResult.fromJson(answer, items.size());
    }
}
