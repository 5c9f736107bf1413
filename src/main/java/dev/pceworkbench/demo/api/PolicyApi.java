package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Policy objects under {@code /orgs/{id}/sec_policy/{draft|active|N}/}: reads from any version,
 * changes only in draft. A draft delete keeps the object readable in draft with
 * {@code update_type: "delete"} and in active until provisioned.
 */
final class PolicyApi {
    private final DemoState state;
    private final JobService jobs;
    private final Render render;
    private final Events events;
    private final PolicyKinds kinds;

    PolicyApi(DemoState state, JobService jobs, Render render, Events events, PolicyKinds kinds) {
        this.state = state;
        this.jobs = jobs;
        this.render = render;
        this.events = events;
        this.kinds = kinds;
    }

    void routes(Router r, String org) {
        for (PolicyType t : PolicyType.values()) {
            if (t.singleton()) {
                continue; // firewall settings: FirewallSettingsApi
            }
            String base = org + "/sec_policy/{pv}/" + t.collection();
            r.get(base, req -> list(req, t));
            r.get(base + "/{id}", req -> ApiResponse.ok(get(req, t)));
            r.post(base, req -> ApiResponse.created(create(req, t)));
            r.put(base + "/{id}", req -> {
                update(req, t);
                return ApiResponse.noContent();
            });
            r.delete(base + "/{id}", req -> {
                delete(req, t);
                return ApiResponse.noContent();
            });
        }
        new RulesApi(state, render, events, kinds).routes(r, org);
    }

    static String draftOnly(ApiRequest req) {
        String pv = req.pathParam("pv");
        if (!"draft".equals(pv)) {
            throw new PceApiException(406, "policy_version_not_draft",
                    "Policy objects can only be changed in the draft version, not in '" + pv + "'");
        }
        return pv;
    }

    String href(ApiRequest req, PolicyType t) {
        return state.orgPrefix() + "/sec_policy/draft/" + t.collection() + "/" + req.pathParam("id");
    }

    private ApiResponse list(ApiRequest req, PolicyType t) {
        String pv = req.pathParam("pv");
        PolicySnapshot snap = state.read(() -> state.policy().snapshot(pv));
        Predicate<ObjectNode> filter = kinds.filters(t).predicate(req);
        return Listing.list(req, state, jobs, () -> served(t, pv, snap), filter,
                n -> render.policy(t, (ObjectNode) n, pv, snap), pv);
    }

    /** What a list of the version shows: draft also shows objects deleted in draft but still active. */
    private Collection<ObjectNode> served(PolicyType t, String pv, PolicySnapshot snap) {
        if (!"draft".equals(pv)) {
            return snap.all(t);
        }
        List<ObjectNode> out = new ArrayList<>(snap.all(t));
        for (Map.Entry<String, ObjectNode> e : state.policy().active().of(t).entrySet()) {
            if (!snap.of(t).containsKey(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private JsonNode get(ApiRequest req, PolicyType t) {
        String pv = req.pathParam("pv");
        String href = href(req, t);
        return state.read(() -> {
            PolicySnapshot snap = state.policy().snapshot(pv);
            ObjectNode n = snap.of(t).get(href);
            if (n == null && "draft".equals(pv)) {
                n = state.policy().active().of(t).get(href);
            }
            if (n == null) {
                throw PceApiException.notFound(PolicyKinds.singular(t) + " " + dev.pceworkbench.demo.store.PolicyHrefs.inVersion(href, pv));
            }
            return rewrite(render.policy(t, n, pv, snap), pv);
        });
    }

    /** A small tree served outside the streaming path: rewrite its hrefs to the version. */
    static JsonNode rewrite(JsonNode node, String pv) {
        if ("draft".equals(pv)) {
            return node;
        }
        try {
            var buf = new java.io.StringWriter();
            var g = PceJson.mapper().getFactory().createGenerator(buf);
            JsonOut.write(JsonOut.forVersion(g, pv), node);
            g.close();
            return PceJson.mapper().readTree(buf.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ObjectNode create(ApiRequest req, PolicyType t) {
        draftOnly(req);
        return create(req, t, Validation.objectBody(req, t.collection()));
    }

    /** Creates one draft object from {@code body} (also one item of a bulk create). */
    ObjectNode create(ApiRequest req, PolicyType t, ObjectNode body) {
        return state.write(() -> {
            ObjectNode node = kinds.defaults(t);
            node.setAll(body);
            String id = t.numericIds() ? Long.toString(state.nextId(t.collection())) : state.uuid();
            String href = state.orgPrefix() + "/sec_policy/draft/" + t.collection() + "/" + id;
            node.put("href", href);
            String now = state.timestamp();
            OrgApi.stamp(node, req, now, true);
            node.putNull("deleted_at");
            node.putNull("deleted_by");
            if (t == PolicyType.RULE_SETS) {
                node.set("rules", kinds.rules().normalizeRules(href, node.path("rules"), req, now));
                node.set("ip_tables_rules", kinds.rules().normalizeIpTablesRules(href, node.path("ip_tables_rules"), req, now));
            }
            ObjectNode stored = toDraftRefs(node);
            kinds.validate(t, null, stored);
            state.policy().draft().of(t).put(href, stored);
            events.record(req, PolicyKinds.eventPrefix(t) + ".create", href, 201);
            return (ObjectNode) render.policy(t, stored, "draft", state.policy().draft());
        });
    }

    private void update(ApiRequest req, PolicyType t) {
        draftOnly(req);
        update(req, t, href(req, t), Validation.objectBody(req, t.collection()));
    }

    /** Updates the draft object {@code href} with {@code body} (also one item of a bulk update). */
    void update(ApiRequest req, PolicyType t, String href, ObjectNode body) {
        state.write(() -> {
            ObjectNode old = state.policy().draft().of(t).get(href);
            if (old == null) {
                throw PceApiException.notFound(PolicyKinds.singular(t) + " " + href);
            }
            ObjectNode next = Render.shallow(old);
            String now = state.timestamp();
            if (t == PolicyType.RULE_SETS) {
                if (body.has("rules")) {
                    body.set("rules", kinds.rules().normalizeRules(href, body.path("rules"), req, now));
                }
                if (body.has("ip_tables_rules")) {
                    body.set("ip_tables_rules", kinds.rules().normalizeIpTablesRules(href, body.path("ip_tables_rules"), req, now));
                }
            }
            next.setAll(toDraftRefs(body));
            OrgApi.stamp(next, req, now, false);
            kinds.validate(t, old, next);
            state.policy().draft().of(t).put(href, next);
            events.record(req, PolicyKinds.eventPrefix(t) + ".update", href, 204);
            return null;
        });
    }

    private void delete(ApiRequest req, PolicyType t) {
        draftOnly(req);
        String href = href(req, t);
        state.write(() -> {
            ObjectNode old = state.policy().draft().of(t).get(href);
            if (old == null) {
                throw PceApiException.notFound(PolicyKinds.singular(t) + " " + href);
            }
            kinds.beforeDelete(t, old);
            state.policy().draft().of(t).remove(href);
            events.record(req, PolicyKinds.eventPrefix(t) + ".delete", href, 204);
            return null;
        });
    }

    /** Clients may send active hrefs in references; the draft stores every reference in draft form. */
    static ObjectNode toDraftRefs(ObjectNode node) {
        String text = node.toString();
        if (!text.contains("/sec_policy/active/") && !text.matches("(?s).*/sec_policy/\\d+/.*")) {
            return node;
        }
        try {
            String fixed = text.replaceAll("(/orgs/\\d+/sec_policy/)(active|\\d+)/", "$1draft/");
            return (ObjectNode) PceJson.mapper().readTree(fixed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ArrayNode array() {
        return PceJson.mapper().createArrayNode();
    }
}
