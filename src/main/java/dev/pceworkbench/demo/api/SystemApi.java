package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.Users;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Map;

/** Health, product version, org settings, the signed-in user and API keys. */
final class SystemApi {
    static final String VERSION = "23.2.10";
    static final int BUILD = 100;

    private final DemoState state;
    private final Events events;
    private final String fqdn;

    SystemApi(DemoState state, Events events, String fqdn) {
        this.state = state;
        this.events = events;
        this.fqdn = fqdn;
    }

    static ObjectNode productVersion() {
        ObjectNode v = PceJson.mapper().createObjectNode();
        v.put("version", VERSION);
        v.put("build", BUILD);
        v.put("long_display", VERSION + "-" + BUILD);
        v.put("short_display", VERSION);
        v.put("release_info", "PCE Workbench demo PCE");
        v.put("engineering_info", "");
        v.put("product_name", "asp");
        return v;
    }

    void routes(Router r, String org) {
        r.get("/product_version", req -> ApiResponse.ok(productVersion()));
        r.get("/health", req -> ApiResponse.ok(health()));
        r.get("/noop", req -> ApiResponse.ok(PceJson.mapper().createObjectNode()));
        r.get("/users/login", req -> ApiResponse.ok(login(req)));
        r.get(org + "/settings", req -> ApiResponse.ok(settings()));
        r.get(org + "/settings/workloads", req -> ApiResponse.ok(workloadSettings()));
        r.get("/users/{user}/api_keys", this::listKeys);
        r.post("/users/{user}/api_keys", this::createKey);
        r.get("/users/{user}/api_keys/{key}", req -> ApiResponse.ok(key(req)));
        r.delete("/users/{user}/api_keys/{key}", req -> {
            long user = ownUser(req);
            if (!state.users().deleteKey(user, req.pathParam("key"))) {
                throw PceApiException.notFound("API key " + req.pathParam("key"));
            }
            return ApiResponse.noContent();
        });
    }

    /**
     * The cluster health as a real PCE answers it: one entry per cluster ({@code fqdn}, {@code type},
     * {@code status} normal|warning|error, {@code generated_at}, {@code nodes}); each node with its
     * {@code hostname}, role ({@code type}), {@code ip_address}, {@code runlevel} (null when
     * unreachable) and {@code services} ({@code status} and the service names under {@code running},
     * {@code not_running}, {@code partial} and {@code optional}). The demo is a single-node cluster.
     */
    private ArrayNode health() {
        String now = state.timestamp();
        ArrayNode out = PceJson.mapper().createArrayNode();
        ObjectNode h = out.addObject();
        h.put("status", "normal");
        h.put("type", "standalone");
        h.put("fqdn", fqdn);
        h.put("available_seconds", 86_400);
        h.putArray("notifications");
        h.putNull("listen_only_mode_enabled_at");
        h.put("generated_at", now);
        ObjectNode node = h.putArray("nodes").addObject();
        node.put("hostname", fqdn);
        node.put("type", "snc0");
        node.put("ip_address", "127.0.0.1");
        node.put("runlevel", 5);
        node.put("uptime_seconds", 86_400);
        node.put("generated_at", now);
        ObjectNode services = node.putObject("services");
        services.put("status", "running");
        ArrayNode running = services.putArray("running");
        for (String s : new String[]{"agent_background_worker_service", "agent_service", "agent_traffic_redis_server",
                "auditable_events_service", "collector_service", "database_service", "ev_service", "executor_service",
                "fileserver_service", "login_service", "node_monitor", "search_index_service", "server_load_balancer",
                "set_server_redis_server", "traffic_worker_service", "web_server"}) {
            running.add(s);
        }
        services.putArray("not_running");
        services.putArray("partial");
        services.putArray("optional");
        return out;
    }

    private ObjectNode settings() {
        ObjectNode s = PceJson.mapper().createObjectNode();
        s.put("href", state.orgPrefix() + "/settings");
        s.put("display_name", "Demo Org");
        s.put("org_id", state.orgId());
        s.put("max_results_default", Listing.DEFAULT_MAX_RESULTS);
        s.putObject("firewall_settings").put("allow_ipv6", true);
        return s;
    }

    private ObjectNode workloadSettings() {
        ObjectNode s = PceJson.mapper().createObjectNode();
        s.put("href", state.orgPrefix() + "/settings/workloads");
        s.putArray("workload_disconnected_timeout_seconds").addObject().put("value", 3600);
        s.putArray("workload_goodbye_timeout_seconds").addObject().put("value", 900);
        return s;
    }

    private ObjectNode login(ApiRequest req) {
        Users.User u = state.users().user(req.caller().userId()).orElseThrow();
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", "/users/" + u.id());
        o.put("auth_username", u.username());
        o.put("full_name", u.fullName());
        o.put("type", "local");
        o.put("time_zone", "UTC");
        o.put("inactivity_expiration_minutes", 10);
        o.put("last_login_on", state.timestamp());
        o.put("last_login_ip_address", req.remoteAddress());
        o.set("product_version", productVersion());
        ObjectNode org = o.putArray("orgs").addObject();
        org.put("href", state.orgPrefix());
        org.put("display_name", "Demo Org");
        org.put("org_id", state.orgId());
        return o;
    }

    /** A user may manage only their own keys. */
    private long ownUser(ApiRequest req) {
        long user;
        try {
            user = Long.parseLong(req.pathParam("user"));
        } catch (NumberFormatException e) {
            throw PceApiException.notFound("User " + req.pathParam("user"));
        }
        if (state.users().user(user).isEmpty()) {
            throw PceApiException.notFound("User /users/" + user);
        }
        if (user != req.caller().userId()) {
            throw new PceApiException(403, "authorization_failed", "You may only manage your own API keys");
        }
        return user;
    }

    private static ObjectNode render(Users.ApiKey k) {
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", k.href());
        o.put("key_id", k.keyId());
        o.put("auth_username", k.authUsername());
        o.put("name", k.name());
        o.put("description", k.description());
        o.put("created_at", k.createdAt());
        return o;
    }

    private ApiResponse listKeys(ApiRequest req) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        state.users().keysOf(ownUser(req)).forEach(k -> out.add(render(k)));
        return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(out.size()));
    }

    private JsonNode key(ApiRequest req) {
        long user = ownUser(req);
        return state.users().keysOf(user).stream().filter(k -> k.keyId().equals(req.pathParam("key")))
                .findFirst().map(SystemApi::render)
                .orElseThrow(() -> PceApiException.notFound("API key " + req.pathParam("key")));
    }

    private ApiResponse createKey(ApiRequest req) {
        long user = ownUser(req);
        JsonNode body = Validation.objectBody(req, "api_keys");
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw PceApiException.invalid("Required property 'name' is missing");
        }
        Map.Entry<Users.ApiKey, String> created = state.users().createKey(user, name,
                body.path("description").asText(""), state.timestamp());
        ObjectNode o = render(created.getKey());
        o.put("secret", created.getValue());
        state.write(() -> {
            events.record(req, "api_key.create", created.getKey().href(), 201);
            return null;
        });
        return ApiResponse.created(o);
    }
}
