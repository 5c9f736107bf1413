package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the generator's parts share while they fill one {@link DemoState}: the seeded random source,
 * the fixed base instant, the catalogue of what has been created so far (labels, workloads,
 * policy-object hrefs by name) and a cache of interned JSON sub-nodes. Interning matters for the
 * large data set: 200,000 rules that each carried their own {@code {"href":"/users/1"}} or
 * label-actor node would cost hundreds of megabytes; stored nodes are never mutated, so one
 * instance can sit in many trees. Everything stored goes through {@link CompactJson} first.
 */
final class GenContext {
    /** Every generated timestamp is this instant plus an offset, so output never depends on the wall clock. */
    static final Instant BASE = Instant.parse("2026-01-05T09:00:00Z");
    /** The user that the server creates as {@code /users/1} (DemoPce.USER_EMAIL); events name it. */
    static final String DEMO_USERNAME = "demo@pce-workbench.example";
    static final String PCE_FQDN = "demo-pce.pce-workbench.example";

    /** A label created by the generator. */
    record Label(String href, String key, String value) {
    }

    /** A workload with the labels the rule generator needs to aim rules at it. */
    record Workload(String href, String hostname, boolean managed, Label role, Label app, Label env, Label loc) {
    }

    final DemoState state;
    final DataGenerator.Scale scale;
    final Random rnd;
    final String org;
    final JsonNodeFactory f = PceJson.mapper().getNodeFactory();

    final Map<String, List<Label>> labelsByKey = new LinkedHashMap<>();
    private final Map<String, Label> labelByKeyValue = new HashMap<>();
    final List<Workload> workloads = new ArrayList<>();
    /** Policy objects by name, for readable references ("S-HTTPS", "IPL-Corporate"...). */
    final Map<String, String> services = new LinkedHashMap<>();
    final Map<String, String> ipLists = new LinkedHashMap<>();
    final Map<String, String> labelGroups = new LinkedHashMap<>();
    final Map<String, String> virtualServices = new LinkedHashMap<>();
    /** App deployments (app, env, loc, roles) that workloads were created for; rule sets are scoped on them. */
    final List<LabelGenerator.Deployment> deployments = new ArrayList<>();
    /** VEN conditions that need a matching event: filled by the workload part, consumed by the events part. */
    final List<OrgObjectsGenerator.AgentEvent> agentEvents = new ArrayList<>();

    private final Map<String, JsonNode> interned = new HashMap<>();
    final ObjectNode user1;
    final ArrayNode emptyArray;
    private final CompactJson compact;

    GenContext(DemoState state, DataGenerator.Scale scale, long seed) {
        this.state = state;
        this.scale = scale;
        this.rnd = new Random(seed);
        this.org = state.orgPrefix();
        this.compact = new CompactJson(f);
        this.user1 = ref("/users/1");
        this.emptyArray = compact(f.arrayNode());
    }

    boolean large() {
        return scale == DataGenerator.Scale.LARGE;
    }

    // ---- time -------------------------------------------------------------------------------

    static String ts(long secondsAfterBase) {
        return DemoState.format(BASE.plusSeconds(secondsAfterBase));
    }

    static String tsMillis(long millisAfterBase) {
        return DemoState.format(BASE.plusMillis(millisAfterBase));
    }

    /** A timestamp node; interned because many objects share creation times. */
    JsonNode tsNode(long secondsAfterBase) {
        return text(ts(secondsAfterBase));
    }

    // ---- interned nodes ---------------------------------------------------------------------

    /** Get-or-create without computeIfAbsent: creators intern their own parts (nested updates). */
    private JsonNode intern(String key, java.util.function.Function<String, JsonNode> create) {
        JsonNode n = interned.get(key);
        if (n == null) {
            n = compact.compact(create.apply(key));
            interned.put(key, n);
        }
        return n;
    }

    TextNode text(String s) {
        return (TextNode) intern("t:" + s, k -> f.textNode(s));
    }

    /** A shared {@code {"href": href}}. */
    ObjectNode ref(String href) {
        return (ObjectNode) intern("r:" + href, k -> f.objectNode().put("href", href));
    }

    /** A shared rule actor such as {@code {"label": {"href": ...}}}; kind is label, label_group, ip_list, workload or virtual_service. */
    ObjectNode actor(String kind, String href) {
        return (ObjectNode) intern("a:" + kind + ":" + href, k -> {
            ObjectNode n = f.objectNode();
            n.set(kind, ref(href));
            return n;
        });
    }

    /** The shared {@code {"actors": "ams"}} actor (All Workloads). */
    ObjectNode ams() {
        return (ObjectNode) intern("ams", k -> f.objectNode().put("actors", "ams"));
    }

    /** A shared array of the given nodes, interned by their identity-free JSON text. */
    ArrayNode array(JsonNode... items) {
        StringBuilder key = new StringBuilder("A:");
        for (JsonNode n : items) {
            key.append(n.toString()).append('|');
        }
        return (ArrayNode) intern(key.toString(), k -> {
            ArrayNode a = f.arrayNode(items.length);
            for (JsonNode n : items) {
                a.add(n);
            }
            return a;
        });
    }

    /** A shared array of strings, e.g. caps. */
    ArrayNode strings(String... values) {
        JsonNode[] nodes = new JsonNode[values.length];
        for (int i = 0; i < values.length; i++) {
            nodes[i] = text(values[i]);
        }
        return array(nodes);
    }

    /** A shared inline service port {@code {port, to_port?, proto}}; port or toPort below 0 are left out. */
    ObjectNode port(int port, int toPort, int proto) {
        return (ObjectNode) intern("p:" + port + ":" + toPort + ":" + proto, k -> {
            ObjectNode n = f.objectNode();
            if (port >= 0) {
                n.put("port", port);
            }
            if (toPort >= 0) {
                n.put("to_port", toPort);
            }
            n.put("proto", proto);
            return n;
        });
    }

    // ---- labels -----------------------------------------------------------------------------

    void addLabel(Label l) {
        labelsByKey.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l);
        labelByKeyValue.put(l.key() + "=" + l.value(), l);
    }

    Label label(String key, String value) {
        Label l = labelByKeyValue.get(key + "=" + value);
        if (l == null) {
            throw new IllegalStateException("no label " + key + "=" + value);
        }
        return l;
    }

    List<Label> labels(String key) {
        return labelsByKey.getOrDefault(key, List.of());
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    // ---- policy objects ---------------------------------------------------------------------

    String draftHref(PolicyType type, Object id) {
        return org + "/sec_policy/draft/" + type.collection() + "/" + id;
    }

    /**
     * A fresh policy-object node with the audit fields of the samples. {@code update_type} is left
     * null: the server recomputes it against the active version when it serves the object.
     */
    ObjectNode policyObject(String href, long createdAt, long updatedAt) {
        ObjectNode n = f.objectNode();
        n.put("href", href);
        n.set("created_at", tsNode(createdAt));
        n.set("updated_at", tsNode(updatedAt));
        n.set("deleted_at", NullNode.instance);
        n.set("created_by", user1);
        n.set("updated_by", user1);
        n.set("deleted_by", NullNode.instance);
        n.set("update_type", NullNode.instance);
        return n;
    }

    /** The compact form of a node the caller wants to share between several stored trees. */
    <T extends JsonNode> T compact(T node) {
        return compact.compact(node);
    }

    /** Stores a policy object in the draft, in compact form. */
    void putDraft(PolicyType type, ObjectNode node) {
        state.policy().draft().of(type).put(node.get("href").asText(), compact.compact(node));
    }

    /** Stores an org-level object in its collection, in compact form. */
    void store(String collection, ObjectNode node) {
        state.collection(collection).put(compact.compact(node));
    }
}
