package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rule sets as another policy version holds them: the same records with every policy href (the
 * rule set's, its rules', and the references to label groups, IP lists, services and virtual
 * services) written in that version ({@link Hrefs#inVersion}); hrefs of org objects (labels,
 * workloads, users) stay as they are. A real PCE lists an unchanged policy object in the draft
 * exactly as in the active policy but for that one segment of its hrefs, so the draft's unchanged
 * rule sets can be made from the active ones instead of downloaded again.
 *
 * <p>Whatever holds no policy href comes back as the same instance, and a record shared between
 * rules (the parse shares equal references) is rewritten once and stays shared. In {@code extra}
 * members, only the values of members named {@code href} are rewritten: that is how the PCE
 * writes a reference; a description that happens to quote an href is text.
 */
public final class InVersion {
    private final String version;
    private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();

    private InVersion(String version) {
        this.version = Objects.requireNonNull(version);
    }

    /**
     * Moves records to {@code version} ("draft", "active" or a number); one mover for the rule sets
     * of one listing, so that references they share are rewritten once.
     */
    public static InVersion of(String version) {
        return new InVersion(version);
    }

    /** One rule set in this mover's version. */
    public RuleSet ruleSet(RuleSet rs) {
        List<List<ScopeEntry>> scopes = scopes(rs.scopes());
        List<SecRule> rules = list(rs.rules(), this::rule);
        List<IpTablesRule> ipTables = list(rs.ipTablesRules(), this::ipTablesRule);
        Map<String, JsonNode> extra = extra(rs.extra());
        String href = href(rs.href());
        if (href == rs.href() && scopes == rs.scopes() && rules == rs.rules() && ipTables == rs.ipTablesRules()
                && extra == rs.extra()) {
            return rs;
        }
        return new RuleSet(href, rs.name(), rs.description(), rs.enabled(), scopes, rules, ipTables, extra);
    }

    private SecRule rule(SecRule r) {
        List<Actor> providers = list(r.providers(), this::actor);
        List<Actor> consumers = list(r.consumers(), this::actor);
        List<IngressService> ingress = list(r.ingressServices(), this::service);
        List<IngressService> egress = list(r.egressServices(), this::service);
        List<Href> principals = list(r.consumingSecurityPrincipals(), this::ref);
        Map<String, JsonNode> extra = extra(r.extra());
        String href = href(r.href());
        if (href == r.href() && providers == r.providers() && consumers == r.consumers()
                && ingress == r.ingressServices() && egress == r.egressServices()
                && principals == r.consumingSecurityPrincipals() && extra == r.extra()) {
            return r;
        }
        return new SecRule(href, r.description(), r.enabled(), providers, consumers, ingress, egress,
                r.resolveLabelsAs(), r.unscopedConsumers(), r.stateless(), r.secConnect(), r.machineAuth(),
                r.networkType(), principals, r.useWorkloadSubnets(), extra);
    }

    private IpTablesRule ipTablesRule(IpTablesRule r) {
        List<Actor> actors = list(r.actors(), this::actor);
        Map<String, JsonNode> extra = extra(r.extra());
        String href = href(r.href());
        if (href == r.href() && actors == r.actors() && extra == r.extra()) {
            return r;
        }
        return new IpTablesRule(href, r.enabled(), r.description(), r.statements(), actors, r.ipVersion(), extra);
    }

    private List<List<ScopeEntry>> scopes(List<List<ScopeEntry>> scopes) {
        return list(scopes, scope -> list(scope, this::scopeEntry));
    }

    private ScopeEntry scopeEntry(ScopeEntry e) {
        return shared(e, () -> {
            Href label = ref(e.label());
            Href group = ref(e.labelGroup());
            Map<String, JsonNode> extra = extra(e.extra());
            return label == e.label() && group == e.labelGroup() && extra == e.extra() ? e
                    : new ScopeEntry(label, group, e.exclusion(), extra);
        });
    }

    private Actor actor(Actor a) {
        return shared(a, () -> {
            Href label = ref(a.label());
            Href group = ref(a.labelGroup());
            Href workload = ref(a.workload());
            Href vs = ref(a.virtualService());
            Href server = ref(a.virtualServer());
            Href ipList = ref(a.ipList());
            Href cw = ref(a.containerWorkload());
            Href kw = ref(a.kubernetesWorkload());
            Map<String, JsonNode> extra = extra(a.extra());
            return label == a.label() && group == a.labelGroup() && workload == a.workload()
                    && vs == a.virtualService() && server == a.virtualServer() && ipList == a.ipList()
                    && cw == a.containerWorkload() && kw == a.kubernetesWorkload() && extra == a.extra() ? a
                    : new Actor(a.actors(), label, group, workload, vs, server, ipList, cw, kw, extra);
        });
    }

    private IngressService service(IngressService s) {
        return shared(s, () -> {
            String href = href(s.href());
            Map<String, JsonNode> extra = extra(s.extra());
            return href == s.href() && extra == s.extra() ? s
                    : new IngressService(href, s.port(), s.toPort(), s.proto(), s.processName(), s.serviceName(), extra);
        });
    }

    private Href ref(Href h) {
        if (h == null) {
            return null;
        }
        return shared(h, () -> {
            String href = href(h.href());
            Map<String, JsonNode> extra = extra(h.extra());
            return href == h.href() && extra == h.extra() ? h : new Href(href, h.name(), h.key(), h.value(), extra);
        });
    }

    /** The href in this version: the same instance when it is not a policy href or already in it. */
    private String href(String href) {
        return Hrefs.inVersion(href, version);
    }

    private Map<String, JsonNode> extra(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return extra;
        }
        Map<String, JsonNode> out = null;
        for (Map.Entry<String, JsonNode> e : extra.entrySet()) {
            JsonNode v = node(e.getKey(), e.getValue());
            if (v != e.getValue() && out == null) {
                out = new LinkedHashMap<>(extra);
            }
            if (out != null) {
                out.put(e.getKey(), v);
            }
        }
        return out == null ? extra : out;
    }

    /** A member's value with its references' hrefs rewritten ({@code name}: the member's name, or null in an array). */
    private JsonNode node(String name, JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            if (!"href".equals(name)) {
                return n;
            }
            String href = href(n.textValue());
            return href == n.textValue() ? n : TextNode.valueOf(href);
        }
        if (!n.isContainerNode() || n.isEmpty()) {
            return n;
        }
        return shared(n, () -> n.isObject() ? object(n) : array(n));
    }

    private JsonNode object(JsonNode n) {
        ObjectNode out = null;
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        int at = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = node(f.getKey(), f.getValue());
            if (v != f.getValue() && out == null) {
                out = JsonNodeFactory.instance.objectNode();
                Iterator<Map.Entry<String, JsonNode>> before = n.fields();
                for (int k = 0; k < at; k++) {
                    Map.Entry<String, JsonNode> b = before.next();
                    out.set(b.getKey(), b.getValue());
                }
            }
            if (out != null) {
                out.set(f.getKey(), v);
            }
            at++;
        }
        return out == null ? n : out;
    }

    private JsonNode array(JsonNode n) {
        ArrayNode out = null;
        for (int k = 0; k < n.size(); k++) {
            JsonNode item = n.get(k);
            JsonNode v = node(null, item);
            if (v != item && out == null) {
                out = JsonNodeFactory.instance.arrayNode();
                for (int j = 0; j < k; j++) {
                    out.add(n.get(j));
                }
            }
            if (out != null) {
                out.add(v);
            }
        }
        return out == null ? n : out;
    }

    /** {@code list} with {@code each} applied: the same list when nothing in it changed. */
    private static <T> List<T> list(List<T> list, java.util.function.UnaryOperator<T> each) {
        if (list == null || list.isEmpty()) {
            return list;
        }
        Object[] out = null;
        int n = list.size();
        for (int k = 0; k < n; k++) {
            T item = list.get(k);
            T v = item == null ? null : each.apply(item);
            if (v != item && out == null) {
                out = list.toArray();
            }
            if (out != null) {
                out[k] = v;
            }
        }
        return out == null ? list : new ArrayListView<>(out);
    }

    /** Rewrites a record or tree that the parse may share between rules once, keeping it shared. */
    @SuppressWarnings("unchecked")
    private <T> T shared(T original, java.util.function.Supplier<T> rewrite) {
        Object known = done.get(original);
        if (known != null) {
            return (T) known;
        }
        T v = rewrite.get();
        done.put(original, v);
        return v;
    }
}
