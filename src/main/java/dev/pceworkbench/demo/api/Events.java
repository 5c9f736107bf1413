package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

/**
 * The audit trail: every change made through the API becomes an event under
 * {@code /orgs/{id}/events}, shaped like the PCE's (event_type, created_by, action, resource_changes).
 * The caller holds the write lock.
 */
final class Events {
    private final DemoState state;
    private final String pceFqdn;

    Events(DemoState state, String pceFqdn) {
        this.state = state;
        this.pceFqdn = pceFqdn;
    }

    void record(ApiRequest req, String eventType, String resourceHref, int status) {
        ObjectNode e = PceJson.mapper().createObjectNode();
        e.put("href", state.orgPrefix() + "/events/" + state.uuid());
        e.put("timestamp", state.timestamp());
        e.put("pce_fqdn", pceFqdn);
        ObjectNode user = e.putObject("created_by").putObject("user");
        user.put("href", req.caller().userHref());
        user.put("username", req.caller().username());
        e.put("event_type", eventType);
        e.put("status", status < 400 ? "success" : "failure");
        e.put("severity", "info");
        ObjectNode action = e.putObject("action");
        action.put("uuid", req.requestId());
        action.put("api_endpoint", "/api/v2" + req.path());
        action.put("api_method", req.method());
        action.put("http_status_code", status);
        action.put("src_ip", req.remoteAddress());
        var changes = e.putArray("resource_changes");
        if (resourceHref != null) {
            ObjectNode rc = changes.addObject();
            rc.put("uuid", state.uuid());
            String type = eventType.substring(0, eventType.indexOf('.'));
            rc.putObject("resource").putObject(type).put("href", resourceHref);
            rc.put("change_type", eventType.substring(eventType.indexOf('.') + 1));
            rc.putObject("changes");
        }
        e.putArray("notifications");
        state.collection("events").put(e);
    }
}
