package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds rule-set, sec-rule and custom-iptables nodes in the samples' shape. Rules are written
 * inline into their rule set, with hrefs below the rule set's draft href. Everything a rule shares
 * with other rules (actor arrays, service arrays, {@code resolve_labels_as}, the audit user) is an
 * interned node, which keeps 200,000 rules affordable.
 */
final class RuleFactory {
    /** What one rule says; defaults are an enabled, stateful, intra-scope rule resolved as workloads. */
    static final class Spec {
        ArrayNode providers;
        ArrayNode consumers;
        ArrayNode services;
        boolean unscoped;
        boolean stateless;
        boolean enabled = true;
        String description = "";
        ObjectNode resolve;

        Spec(ArrayNode providers, ArrayNode consumers, ArrayNode services) {
            this.providers = providers;
            this.consumers = consumers;
            this.services = services;
        }

        Spec extraScope() {
            unscoped = true;
            return this;
        }

        Spec disabled() {
            enabled = false;
            return this;
        }

        Spec stateless() {
            stateless = true;
            return this;
        }

        Spec describe(String d) {
            description = d;
            return this;
        }

        Spec resolveAs(ObjectNode r) {
            resolve = r;
            return this;
        }
    }

    /** A rule set being assembled: its href is fixed first because the rules' hrefs hang below it. */
    final class RuleSetDraft {
        final String href;
        final long at;
        final List<ObjectNode> rules = new ArrayList<>();
        final List<ObjectNode> ipTables = new ArrayList<>();

        RuleSetDraft(long at) {
            this.href = ctx.draftHref(PolicyType.RULE_SETS, ctx.state.nextId(PolicyType.RULE_SETS.collection()));
            this.at = at;
        }

        RuleSetDraft add(Spec s) {
            rules.add(rule(href, at, s));
            return this;
        }

        RuleSetDraft ipTables(String description, String parameters, ObjectNode actor) {
            String h = href + "/ip_tables_rules/" + ctx.state.nextId("ip_tables_rules");
            ObjectNode n = ctx.policyObject(h, at, at);
            n.put("enabled", true);
            n.put("description", description);
            ObjectNode statement = ctx.f.objectNode().put("table_name", "filter").put("chain_name", "INPUT")
                    .put("parameters", parameters);
            n.set("statements", ctx.f.arrayNode().add(statement));
            n.set("actors", ctx.array(actor));
            n.put("ip_version", "4");
            ipTables.add(n);
            return this;
        }

        /** Writes the rule set to the draft. */
        ObjectNode put(String name, String description, boolean enabled, ArrayNode scopes) {
            ObjectNode n = ctx.policyObject(href, at, at);
            n.put("name", name);
            n.put("description", description);
            n.put("enabled", enabled);
            n.set("scopes", scopes);
            ArrayNode rs = ctx.f.arrayNode(rules.size());
            rs.addAll(rules);
            n.set("rules", rs);
            n.set("ip_tables_rules", ipTables.isEmpty() ? ctx.emptyArray : ctx.f.arrayNode().addAll(ipTables));
            n.set("external_data_set", NullNode.instance);
            n.set("external_data_reference", NullNode.instance);
            n.set("caps", caps);
            ctx.putDraft(PolicyType.RULE_SETS, n);
            ruleCount += rules.size();
            return n;
        }
    }

    final ObjectNode resolveWorkloads;
    final ObjectNode resolveVirtualServices;
    final ObjectNode resolveBoth;
    private final GenContext ctx;
    private final ArrayNode caps;
    private final TextNode emptyText;
    private final TextNode brn;
    int ruleCount;

    RuleFactory(GenContext ctx) {
        this.ctx = ctx;
        this.resolveWorkloads = resolve(ctx.strings("workloads"), ctx.strings("workloads"));
        this.resolveVirtualServices = resolve(ctx.strings("virtual_services"), ctx.strings("workloads"));
        this.resolveBoth = resolve(ctx.strings("workloads", "virtual_services"), ctx.strings("workloads"));
        this.caps = ctx.strings("write", "provision");
        this.emptyText = ctx.text("");
        this.brn = ctx.text("brn");
    }

    private ObjectNode resolve(ArrayNode providers, ArrayNode consumers) {
        ObjectNode n = ctx.f.objectNode();
        n.set("providers", providers);
        n.set("consumers", consumers);
        return ctx.compact(n);
    }

    RuleSetDraft ruleSet(long at) {
        return new RuleSetDraft(at);
    }

    private ObjectNode rule(String ruleSetHref, long at, Spec s) {
        ObjectNode n = ctx.policyObject(ruleSetHref + "/sec_rules/" + ctx.state.nextId("sec_rules"), at, at);
        n.set("description", s.description.isEmpty() ? emptyText : ctx.text(s.description));
        n.put("enabled", s.enabled);
        n.set("providers", s.providers);
        n.set("consumers", s.consumers);
        n.set("consuming_security_principals", ctx.emptyArray);
        n.put("sec_connect", false);
        n.put("stateless", s.stateless);
        n.put("machine_auth", false);
        n.put("unscoped_consumers", s.unscoped);
        n.set("network_type", brn);
        n.set("ingress_services", s.services);
        n.set("resolve_labels_as", s.resolve == null ? resolveWorkloads : s.resolve);
        return n;
    }

    // ---- actors and services, all interned ------------------------------------------------

    ArrayNode actors(JsonNode... actors) {
        return ctx.array(actors);
    }

    ObjectNode label(GenContext.Label l) {
        return ctx.actor("label", l.href());
    }

    ObjectNode label(String key, String value) {
        return label(ctx.label(key, value));
    }

    ObjectNode labelGroup(String name) {
        return ctx.actor("label_group", ctx.labelGroups.get(name));
    }

    ObjectNode ipList(String name) {
        return ctx.actor("ip_list", ctx.ipLists.get(name));
    }

    ObjectNode workload(String href) {
        return ctx.actor("workload", href);
    }

    ObjectNode virtualService(String name) {
        return ctx.actor("virtual_service", ctx.virtualServices.get(name));
    }

    /** {@code [{"href": service}]} for named services. */
    ArrayNode services(String... names) {
        JsonNode[] refs = new JsonNode[names.length];
        for (int i = 0; i < names.length; i++) {
            refs[i] = ctx.ref(ctx.services.get(names[i]));
        }
        return ctx.array(refs);
    }

    /** {@code [{"port", "proto"}]} inline; toPort -1 for a single port. */
    ArrayNode port(int port, int toPort, int proto) {
        return ctx.array(ctx.port(port, toPort, proto));
    }

    /** Scopes: each argument is one scope (an array of actors); none gives the global scope {@code [[]]}. */
    ArrayNode scopes(ArrayNode... scopes) {
        return scopes.length == 0 ? ctx.array(ctx.emptyArray) : ctx.array(scopes);
    }
}
