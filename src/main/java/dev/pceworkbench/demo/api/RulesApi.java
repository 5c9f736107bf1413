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

/**
 * Rules of a rule set ({@code .../rule_sets/{id}/sec_rules}). A rule lives inside its rule set, so
 * every rule change replaces the rule set node and shows as a pending change of the rule set.
 */
final class RulesApi {
    private final DemoState state;
    private final Render render;
    private final Events events;
    private final PolicyKinds kinds;

    RulesApi(DemoState state, Render render, Events events, PolicyKinds kinds) {
        this.state = state;
        this.render = render;
        this.events = events;
        this.kinds = kinds;
    }

    void routes(Router r, String org) {
        String base = org + "/sec_policy/{pv}/rule_sets/{rs}/sec_rules";
        r.get(base, this::list);
        r.get(base + "/{id}", this::get);
        r.post(base, this::create);
        r.put(base + "/{id}", this::update);
        r.delete(base + "/{id}", this::delete);
    }

    private String rulesetHref(ApiRequest req) {
        return state.orgPrefix() + "/sec_policy/draft/rule_sets/" + req.pathParam("rs");
    }

    private ObjectNode ruleset(PolicySnapshot snap, String href) {
        ObjectNode rs = snap.of(PolicyType.RULE_SETS).get(href);
        if (rs == null) {
            throw PceApiException.notFound("Rule set " + href);
        }
        return rs;
    }

    /**
     * A rule set for reading its rules at {@code pv}: the draft also reads a rule set pending
     * deletion (still active), as the draft listing shows it.
     */
    private ObjectNode readable(String pv, String href) {
        ObjectNode rs = state.policy().snapshot(pv).of(PolicyType.RULE_SETS).get(href);
        if (rs == null && "draft".equals(pv)) {
            rs = state.policy().active().of(PolicyType.RULE_SETS).get(href);
        }
        if (rs == null) {
            throw PceApiException.notFound("Rule set " + href);
        }
        return rs;
    }

    private ApiResponse list(ApiRequest req) {
        String pv = req.pathParam("pv");
        String href = rulesetHref(req);
        JsonNode out = state.read(() -> {
            ObjectNode rs = readable(pv, href);
            ArrayNode a = PceJson.mapper().createArrayNode();
            for (JsonNode rule : rs.path("rules")) {
                a.add(render.rule((ObjectNode) rule, href, pv));
            }
            return PolicyApi.rewrite(a, pv);
        });
        return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(out.size()));
    }

    private ApiResponse get(ApiRequest req) {
        String pv = req.pathParam("pv");
        String href = rulesetHref(req);
        String ruleHref = href + "/sec_rules/" + req.pathParam("id");
        return ApiResponse.ok(state.read(() -> {
            ObjectNode rs = readable(pv, href);
            for (JsonNode rule : rs.path("rules")) {
                if (rule.path("href").asText().equals(ruleHref)) {
                    return PolicyApi.rewrite(render.rule((ObjectNode) rule, href, pv), pv);
                }
            }
            throw PceApiException.notFound("Rule " + ruleHref);
        }));
    }

    private ApiResponse create(ApiRequest req) {
        PolicyApi.draftOnly(req);
        ObjectNode body = PolicyApi.toDraftRefs(Validation.objectBody(req, "sec_rules"));
        String href = rulesetHref(req);
        return ApiResponse.created(state.write(() -> {
            ObjectNode rs = ruleset(state.policy().draft(), href);
            ObjectNode rule = kinds.rules().normalizeRule(href, body, null, req, state.timestamp());
            ObjectNode next = Render.shallow(rs);
            ArrayNode rules = PceJson.mapper().createArrayNode();
            rs.path("rules").forEach(rules::add);
            rules.add(rule);
            next.set("rules", rules);
            OrgApi.stamp(next, req, state.timestamp(), false);
            state.policy().draft().of(PolicyType.RULE_SETS).put(href, next);
            events.record(req, "rule_set.update", href, 201);
            return render.rule(rule, href, "draft");
        }));
    }

    private ApiResponse update(ApiRequest req) {
        PolicyApi.draftOnly(req);
        ObjectNode body = PolicyApi.toDraftRefs(Validation.objectBody(req, "sec_rules"));
        String href = rulesetHref(req);
        String ruleHref = href + "/sec_rules/" + req.pathParam("id");
        state.write(() -> {
            ObjectNode rs = ruleset(state.policy().draft(), href);
            ArrayNode rules = PceJson.mapper().createArrayNode();
            boolean found = false;
            for (JsonNode rule : rs.path("rules")) {
                if (rule.path("href").asText().equals(ruleHref)) {
                    rules.add(kinds.rules().normalizeRule(href, body, (ObjectNode) rule, req, state.timestamp()));
                    found = true;
                } else {
                    rules.add(rule);
                }
            }
            if (!found) {
                throw PceApiException.notFound("Rule " + ruleHref);
            }
            ObjectNode next = Render.shallow(rs);
            next.set("rules", rules);
            OrgApi.stamp(next, req, state.timestamp(), false);
            state.policy().draft().of(PolicyType.RULE_SETS).put(href, next);
            events.record(req, "sec_rule.update", ruleHref, 204);
            return null;
        });
        return ApiResponse.noContent();
    }

    private ApiResponse delete(ApiRequest req) {
        PolicyApi.draftOnly(req);
        String href = rulesetHref(req);
        String ruleHref = href + "/sec_rules/" + req.pathParam("id");
        state.write(() -> {
            ObjectNode rs = ruleset(state.policy().draft(), href);
            ArrayNode rules = PceJson.mapper().createArrayNode();
            for (JsonNode rule : rs.path("rules")) {
                if (!rule.path("href").asText().equals(ruleHref)) {
                    rules.add(rule);
                }
            }
            if (rules.size() == rs.path("rules").size()) {
                throw PceApiException.notFound("Rule " + ruleHref);
            }
            ObjectNode next = Render.shallow(rs);
            next.set("rules", rules);
            OrgApi.stamp(next, req, state.timestamp(), false);
            state.policy().draft().of(PolicyType.RULE_SETS).put(href, next);
            events.record(req, "sec_rule.delete", ruleHref, 204);
            return null;
        });
        return ApiResponse.noContent();
    }
}
