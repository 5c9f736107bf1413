package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.PolicyStore;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit-event log: the events behind the VEN conditions, one provisioning event per policy
 * version, rule and rule-set creations that name real rules, label creations, and around them the
 * everyday noise of sign-ins, logouts and system tasks. Events are stored oldest first.
 */
final class EventGenerator {
    private record Timed(long at, ObjectNode event) {
    }

    private final GenContext ctx;
    private final List<Timed> events = new ArrayList<>();

    EventGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    void generate(int target) {
        for (OrgObjectsGenerator.AgentEvent a : ctx.agentEvents) {
            agentEvent(a);
        }
        List<PolicyStore.Version> versions = ctx.state.policy().versions();
        for (PolicyStore.Version v : versions) {
            provisionEvent(v, 2 * 86_400L + (v.number() - 1) * 6 * 86_400L);
        }
        List<ObjectNode> ruleSets = new ArrayList<>(ctx.state.policy().draft().all(PolicyType.RULE_SETS));
        for (int i = 0; i < 3; i++) {
            ObjectNode rs = ruleSets.get(i);
            long at = 86_400L + i * 300;
            simple("rule_set.create", "POST", "/api/v2" + ctx.org + "/sec_policy/draft/rule_sets", 201, at,
                    "rule_set", rs.get("href").asText(), "name", rs.get("name"));
            ObjectNode rule = (ObjectNode) rs.get("rules").get(0);
            ruleEvent(rs.get("href").asText(), rule, at + 60);
        }
        for (int i = 0; i < 2; i++) {
            GenContext.Label l = ctx.labels("app").get(i);
            simple("label.create", "POST", "/api/v2" + ctx.org + "/labels", 201, 60 + i * 7L,
                    "label", l.href(), "value", ctx.text(l.value()));
        }
        // Everyday noise until the target: a session (sign-in, login, sign-out, logout) or a system task.
        // About 3.5 events per round, spread over the 25 days after the first policy work.
        long step = 25 * 86_400L * 7 / Math.max(7, 2L * (target - events.size()));
        for (int i = 0; events.size() < target; i++) {
            long at = 86_400L + i * step + ctx.rnd.nextInt(3_600);
            if (i % 5 == 4) {
                systemTask(at);
                continue;
            }
            signIn(at);
            login(at + 2);
            if (events.size() < target) {
                signOut(at + 1_800 + ctx.rnd.nextInt(3_600), i % 3 == 0);
            }
            if (events.size() < target && i % 2 == 0) {
                logout(at + 5_400);
            }
        }
        events.sort(Comparator.comparingLong(Timed::at));
        for (Timed t : events.subList(0, Math.min(target, events.size()))) {
            ctx.store("events", t.event());
        }
    }

    private ObjectNode event(String href, String type, String status, String severity, JsonNode createdBy,
                             String endpoint, String method, int httpStatus, String srcIp, long at) {
        ObjectNode e = ctx.f.objectNode();
        e.put("href", href == null ? ctx.org + "/events/" + ctx.state.uuid() : href);
        e.put("timestamp", GenContext.tsMillis(at * 1000 + ctx.rnd.nextInt(1000)));
        e.put("pce_fqdn", GenContext.PCE_FQDN);
        e.set("created_by", createdBy);
        e.put("event_type", type);
        e.put("status", status);
        e.put("severity", severity);
        ObjectNode action = e.putObject("action");
        action.put("uuid", ctx.state.uuid());
        putOrNull(action, "api_endpoint", endpoint);
        putOrNull(action, "api_method", method);
        if (httpStatus > 0) {
            action.put("http_status_code", httpStatus);
        } else {
            action.set("http_status_code", NullNode.instance);
        }
        action.put("src_ip", srcIp);
        e.putArray("resource_changes");
        e.putArray("notifications");
        events.add(new Timed(at, e));
        return e;
    }

    private static void putOrNull(ObjectNode n, String field, String v) {
        if (v == null) {
            n.set(field, NullNode.instance);
        } else {
            n.put(field, v);
        }
    }

    private ObjectNode byUser(boolean withType) {
        ObjectNode u = ctx.f.objectNode().put("href", "/users/1");
        if (withType) {
            u.put("type", "local");
        }
        u.put("username", GenContext.DEMO_USERNAME);
        return u;
    }

    private ObjectNode createdByUser() {
        return (ObjectNode) ctx.f.objectNode().set("user", byUser(false));
    }

    private ObjectNode system() {
        return (ObjectNode) ctx.f.objectNode().set("system", ctx.f.objectNode());
    }

    private void notification(ObjectNode event, String type, String reason, boolean withType) {
        ObjectNode n = ((ArrayNode) event.get("notifications")).addObject();
        n.put("uuid", ctx.state.uuid());
        n.put("notification_type", type);
        ObjectNode info = n.putObject("info");
        if (reason != null) {
            info.put("reason", reason);
        }
        info.set("user", byUser(withType));
    }

    private ObjectNode change(ObjectNode event, String resourceType, JsonNode resource, String changeType) {
        ObjectNode c = ((ArrayNode) event.get("resource_changes")).addObject();
        c.put("uuid", ctx.state.uuid());
        c.set("resource", ctx.f.objectNode().set(resourceType, resource));
        ObjectNode changes = c.putObject("changes");
        c.put("change_type", changeType);
        return changes;
    }

    private static ObjectNode beforeAfter(ObjectNode changes, String field) {
        return changes.putObject(field);
    }

    private void signIn(long at) {
        ObjectNode e = event(null, "user.sign_in", "success", "info", createdByUser(), "/login/users/sign_in", "POST",
                302, "10.200.4.17", at);
        ObjectNode changes = change(e, "user", byUser(true), "update");
        beforeAfter(changes, "last_sign_in_ip").put("before", "10.200.4.12").put("after", "10.200.4.17");
        int count = 10 + ctx.rnd.nextInt(90);
        beforeAfter(changes, "sign_in_attempts_count").put("before", count).put("after", count + 1);
        notification(e, "user.login_session_created", null, true);
    }

    private void login(long at) {
        ObjectNode e = event(null, "user.login", "success", "info", createdByUser(), "/api/v2/users/login", "GET",
                200, "10.200.4.17", at);
        notification(e, "user.pce_session_created", null, false);
    }

    private void signOut(long at, boolean timedOut) {
        if (timedOut) {
            ObjectNode e = event(null, "user.sign_out", "failure", "info", system(), "/login/logout", "GET", 200,
                    "10.200.4.17", at);
            notification(e, "user.login_session_terminated", "timeout", false);
        } else {
            event(null, "user.sign_out", "success", "info", createdByUser(), "/login/logout", "GET", 302,
                    "10.200.4.17", at);
        }
    }

    private void logout(long at) {
        ObjectNode e = event(null, "user.logout", "success", "info", system(), "/api/v2/users/logout_from_jwt", "POST",
                204, "10.200.4.17", at);
        notification(e, "user.pce_session_terminated", "user_logout", false);
    }

    private void systemTask(long at) {
        event(null, "system_task.expire_service_account_api_keys", "success", "info", system(), null, null, 0,
                "FILTERED", at);
    }

    private void agentEvent(OrgObjectsGenerator.AgentEvent a) {
        ObjectNode by = ctx.f.objectNode();
        by.set("agent", ctx.f.objectNode().put("href", a.agentHref()).put("hostname", a.hostname()));
        ObjectNode e = event(a.eventHref(), a.type(), "success", "warning", by, null, null, 0, "FILTERED", a.at());
        // To the millisecond what the VEN's condition says.
        e.put("timestamp", GenContext.ts(a.at()));
        ObjectNode n = ((ArrayNode) e.get("notifications")).addObject();
        n.put("uuid", ctx.state.uuid());
        n.put("notification_type", a.type());
        n.putObject("info").set("agent", ctx.f.objectNode().putNull("name").put("hostname", a.hostname())
                .put("href", a.agentHref()));
    }

    private void provisionEvent(PolicyStore.Version v, long at) {
        ObjectNode e = event(null, "sec_policy.create", "success", "info", createdByUser(),
                "/api/v2" + ctx.org + "/sec_policy", "POST", 201, "10.200.4.17", at);
        ObjectNode changes = change(e, "sec_policy", ctx.f.objectNode().put("href", v.meta().get("href").asText()), "create");
        beforeAfter(changes, "commit_message").putNull("before").set("after", v.meta().get("commit_message"));
    }

    private void simple(String type, String method, String endpoint, int status, long at, String resourceType,
                        String href, String field, JsonNode value) {
        ObjectNode e = event(null, type, "success", "info", createdByUser(), endpoint, method, status, "10.200.4.17", at);
        ObjectNode changes = change(e, resourceType, ctx.f.objectNode().put("href", href), "create");
        beforeAfter(changes, field).putNull("before").set("after", value);
    }

    /** A rule creation through an API key, with the change details in the samples' form. */
    private void ruleEvent(String ruleSetHref, ObjectNode rule, long at) {
        ObjectNode e = event(null, "sec_rule.create", "success", "info", createdByUser(),
                "/api/v2" + ruleSetHref + "/sec_rules", "POST", 201, "10.200.4.17", at);
        ((ObjectNode) e.get("action")).putObject("info").put("api_key_id", "1a2b3c4d5e6f70819");
        ObjectNode changes = change(e, "sec_rule", ctx.f.objectNode().put("href", rule.get("href").asText()), "create");
        ObjectNode list = beforeAfter(changes, "rule_list").putNull("before");
        list.putObject("after").put("href", ruleSetHref);
        beforeAfter(changes, "type").putNull("before").put("after", "SecRule");
        beforeAfter(changes, "resolve_labels").putNull("before").set("after", rule.get("resolve_labels_as"));
        changes.putObject("providers").set("created", actors(rule.get("providers"), true));
        changes.putObject("consumers").set("created", actors(rule.get("consumers"), false));
    }

    private ArrayNode actors(JsonNode actors, boolean provider) {
        ArrayNode out = ctx.f.arrayNode();
        for (JsonNode a : actors) {
            ObjectNode c = ctx.f.objectNode().put("provider", provider);
            a.properties().forEach(f -> c.set(f.getKey(), f.getValue()));
            out.add(c);
        }
        return out;
    }
}
