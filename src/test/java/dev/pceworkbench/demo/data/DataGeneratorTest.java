package dev.pceworkbench.demo.data;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.JsonShapes;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyStore;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMALL demo org: determinism, counts, every kind of rule, referential integrity, shape fidelity. */
class DataGeneratorTest {
    private static final String ORG = "/orgs/1";
    private static DemoState state;
    private static DataGenerator.Summary summary;
    private static List<JsonNode> rules;

    @BeforeAll
    static void generate() {
        state = GeneratedOrg.newState(7);
        summary = DataGenerator.generate(state, DataGenerator.Scale.SMALL, 7);
        rules = GeneratedOrg.rules(state);
    }

    // ---- determinism ----------------------------------------------------------------------

    @Test
    void sameSeedGivesIdenticalJsonAndAnotherSeedDiffers() throws Exception {
        String a = GeneratedOrg.dump(fresh(123));
        String b = GeneratedOrg.dump(fresh(123));
        String c = GeneratedOrg.dump(fresh(124));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static DemoState fresh(long seed) {
        DemoState s = GeneratedOrg.newState(seed);
        DataGenerator.generate(s, DataGenerator.Scale.SMALL, seed);
        return s;
    }

    @Test
    void afterGenerationUuidsAreNoLongerSeeded() {
        DemoState a = fresh(5);
        DemoState b = fresh(5);
        assertNotEquals(a.uuid(), b.uuid());
    }

    // ---- counts and content ---------------------------------------------------------------

    @Test
    void smallCountsAreInRange() {
        assertEquals(5, summary.labelDimensions());
        assertInRange(summary.labels(), 80, 120, "labels");
        assertEquals(300, summary.workloads());
        assertInRange(summary.managedWorkloads(), 240, 295, "managed workloads");
        assertEquals(summary.managedWorkloads(), summary.vens());
        assertInRange(summary.ruleSets(), 38, 45, "rule sets");
        assertInRange(summary.rules(), 380, 440, "rules");
        assertInRange(summary.ipLists(), 12, 20, "ip lists");
        assertInRange(summary.services(), 22, 32, "services");
        assertInRange(summary.labelGroups(), 8, 16, "label groups");
        assertInRange(summary.virtualServices(), 5, 8, "virtual services");
        assertInRange(summary.serviceBindings(), 5, 12, "service bindings");
        assertInRange(summary.enforcementBoundaries(), 1, 2, "enforcement boundaries");
        assertEquals(1, summary.containerClusters());
        assertEquals(3, summary.containerWorkloadProfiles());
        assertEquals(2, summary.pairingProfiles());
        assertInRange(summary.events(), 25, 40, "events");
        assertEquals(3, summary.policyVersions());
        assertEquals(rules.size(), summary.rules());
    }

    private static void assertInRange(int v, int min, int max, String what) {
        assertTrue(v >= min && v <= max, what + " = " + v + ", expected " + min + ".." + max);
    }

    @Test
    void labelsCoverEveryDimensionAndTheRulesGuideScopeExists() {
        Set<String> keys = state.collection("labels").all().stream().map(l -> l.get("key").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("role", "app", "env", "loc", "bu"), keys);
        Set<String> dims = state.collection("label_dimensions").all().stream().map(l -> l.get("key").asText()).collect(Collectors.toSet());
        assertEquals(keys, dims);
        for (String v : List.of("ERP", "CRM", "HRM", "Payments")) {
            assertNotNull(label("app", v), v);
        }
        ObjectNode guide = ruleSet("RS-HRM-US-Dev");
        Set<String> scope = new HashSet<>();
        guide.get("scopes").get(0).forEach(a -> scope.add(a.get("label").get("href").asText()));
        assertEquals(Set.of(label("app", "HRM"), label("loc", "US"), label("env", "Dev")), scope);
    }

    @Test
    void workloadsAreMostlyManagedWithVensAndEveryEnforcementMode() {
        Set<String> modes = new HashSet<>();
        int unmanaged = 0;
        for (ObjectNode w : state.collection("workloads").all()) {
            if (w.get("ven").isNull()) {
                unmanaged++;
                assertTrue(w.get("agent").isObject() && w.get("agent").get("href").isNull(),
                        "an unmanaged workload has an agent with a null href, as on a real PCE");
                continue;
            }
            modes.add(w.get("enforcement_mode").asText());
            assertNotNull(state.collection("vens").get(w.get("ven").get("href").asText()));
            assertTrue(w.get("interfaces").get(0).get("address").asText().startsWith("10."));
        }
        assertEquals(Set.of("idle", "visibility_only", "selective", "full"), modes);
        assertTrue(unmanaged > 0);
    }

    @Test
    void everyKindOfRuleIsPresent() {
        assertTrue(anyRule(r -> r.get("unscoped_consumers").asBoolean()), "extra-scope rule");
        assertTrue(anyRule(r -> !r.get("unscoped_consumers").asBoolean()), "intra-scope rule");
        assertTrue(anyRule(r -> hasActor(r.get("providers"), "label")), "label provider");
        assertTrue(anyRule(r -> hasActor(r.get("providers"), "label_group") || hasActor(r.get("consumers"), "label_group")), "label group actor");
        assertTrue(anyRule(r -> hasActor(r.get("consumers"), "actors")), "ams consumer");
        assertTrue(anyRule(r -> hasActor(r.get("consumers"), "ip_list")), "ip list consumer");
        assertTrue(anyRule(r -> hasActor(r.get("providers"), "ip_list")), "ip list provider");
        assertTrue(anyRule(r -> hasActor(r.get("consumers"), "workload")), "workload consumer");
        assertTrue(anyRule(r -> hasActor(r.get("providers"), "workload")), "workload provider");
        assertTrue(anyRule(r -> hasActor(r.get("providers"), "virtual_service")), "virtual service provider");
        assertTrue(anyRule(r -> any(r.get("ingress_services"), s -> s.has("href"))), "service href");
        assertTrue(anyRule(r -> any(r.get("ingress_services"), s -> s.has("to_port"))), "port range");
        assertTrue(anyRule(r -> any(r.get("ingress_services"), s -> s.path("port").asInt() == 161 && s.path("proto").asInt() == 17)), "UDP 161");
        assertTrue(anyRule(r -> any(r.get("ingress_services"), s -> s.path("port").asInt() == 5432 && s.path("proto").asInt() == 6)), "TCP 5432");
        assertTrue(anyRule(r -> resolve(r, "providers").equals(List.of("virtual_services"))), "resolve as virtual services");
        assertTrue(anyRule(r -> resolve(r, "providers").equals(List.of("workloads", "virtual_services"))), "resolve as both");
        assertTrue(anyRule(r -> !r.get("enabled").asBoolean()), "disabled rule");
        assertTrue(anyRule(r -> r.get("stateless").asBoolean()), "stateless rule");

        List<ObjectNode> sets = new ArrayList<>(state.policy().draft().all(PolicyType.RULE_SETS));
        assertTrue(sets.stream().anyMatch(rs -> !rs.get("enabled").asBoolean()), "disabled rule set");
        assertTrue(sets.stream().anyMatch(rs -> rs.get("ip_tables_rules").size() > 0), "custom iptables rules");
        assertTrue(sets.stream().anyMatch(rs -> rs.get("scopes").size() > 1), "multiple scopes");
        assertTrue(sets.stream().anyMatch(rs -> hasActor(rs.get("scopes").get(0), "label_group")), "label group scope");
        assertTrue(sets.stream().anyMatch(rs -> rs.get("scopes").get(0).isEmpty()), "global scope");
        JsonNode ipt = sets.stream().filter(rs -> rs.get("ip_tables_rules").size() > 0).findFirst().orElseThrow()
                .get("ip_tables_rules").get(0);
        assertEquals("filter", ipt.get("statements").get(0).get("table_name").asText());
        assertTrue(ipt.get("href").asText().contains("/ip_tables_rules/"));
    }

    @Test
    void policyObjectsCoverTheirVariants() {
        PolicySnapshot d = state.policy().draft();
        List<JsonNode> ranges = new ArrayList<>();
        d.all(PolicyType.IP_LISTS).forEach(l -> l.get("ip_ranges").forEach(ranges::add));
        assertTrue(ranges.stream().anyMatch(r -> r.has("to_ip")), "range");
        assertTrue(ranges.stream().anyMatch(r -> r.get("exclusion").asBoolean()), "exclusion");
        assertTrue(ranges.stream().anyMatch(r -> r.get("from_ip").asText().contains(":")), "IPv6");
        assertTrue(d.all(PolicyType.IP_LISTS).stream().anyMatch(l -> l.get("fqdns").size() > 0), "FQDN");
        List<JsonNode> ports = new ArrayList<>();
        d.all(PolicyType.SERVICES).forEach(s -> s.get("service_ports").forEach(ports::add));
        assertTrue(ports.stream().anyMatch(p -> p.path("icmp_type").isInt()), "ICMP type");
        assertTrue(ports.stream().anyMatch(p -> p.get("proto").asInt() == 47 && !p.has("port")), "GRE");
        assertTrue(ports.stream().anyMatch(p -> p.has("to_port")), "port range");
        assertTrue(d.all(PolicyType.LABEL_GROUPS).stream().anyMatch(g -> g.get("sub_groups").size() > 0), "nested label group");
        assertEquals(d.count(PolicyType.VIRTUAL_SERVICES), state.collection("service_bindings").all().stream()
                .map(b -> b.get("virtual_service").get("href").asText()).distinct().count(), "every virtual service is bound");
    }

    private static boolean anyRule(Predicate<JsonNode> p) {
        return rules.stream().anyMatch(p);
    }

    private static boolean any(JsonNode array, Predicate<JsonNode> p) {
        for (JsonNode n : array) {
            if (p.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasActor(JsonNode actors, String kind) {
        return any(actors, a -> a.has(kind));
    }

    private static List<String> resolve(JsonNode rule, String side) {
        List<String> out = new ArrayList<>();
        rule.get("resolve_labels_as").get(side).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String label(String key, String value) {
        return state.collection("labels").all().stream()
                .filter(l -> l.get("key").asText().equals(key) && l.get("value").asText().equals(value))
                .map(l -> l.get("href").asText()).findFirst().orElse(null);
    }

    private static ObjectNode ruleSet(String name) {
        return state.policy().draft().all(PolicyType.RULE_SETS).stream()
                .filter(rs -> rs.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    // ---- versions and pending changes -----------------------------------------------------

    @Test
    void activeVersionHasTheBuiltInsAndChangesArePending() {
        PolicySnapshot active = state.policy().active();
        assertEquals("Any (0.0.0.0/0 and ::/0)", active.get(ORG + "/sec_policy/draft/ip_lists/1").get("name").asText());
        assertEquals("All Services", active.get(ORG + "/sec_policy/draft/services/1").get("name").asText());
        assertEquals(-1, active.get(ORG + "/sec_policy/draft/services/1").get("service_ports").get(0).get("proto").asInt());
        assertNotNull(state.policy().versions().get(0).snapshot().get(ORG + "/sec_policy/draft/ip_lists/1"));

        List<PolicyStore.Change> pending = state.policy().pending();
        Map<String, Long> byKind = pending.stream().collect(Collectors.groupingBy(
                c -> c.type().collection() + ":" + c.updateType(), Collectors.counting()));
        Map<String, Long> expected = new java.util.HashMap<>();
        for (String type : List.of("rule_sets", "ip_lists", "services", "label_groups")) {
            for (String kind : List.of("create", "update", "delete")) {
                expected.put(type + ":" + kind, 1L);
            }
        }
        expected.put("firewall_settings:update", 1L);
        assertEquals(expected, byKind, "every diff kind of every main type, and the security settings");

        String newRuleSet = href(pending, PolicyType.RULE_SETS, "create");
        List<PolicyStore.Dependency> missing = state.policy().missingDependencies(Set.of(newRuleSet), true);
        assertEquals(Set.of(href(pending, PolicyType.IP_LISTS, "create"), href(pending, PolicyType.SERVICES, "create")),
                missing.stream().map(PolicyStore.Dependency::dependency).collect(Collectors.toSet()),
                "the new rule set needs the new IP list and the new service");
        assertTrue(state.policy().missingDependencies(Set.of(newRuleSet, href(pending, PolicyType.IP_LISTS, "create"),
                href(pending, PolicyType.SERVICES, "create")), true).isEmpty());
        // Every other change goes alone: the deleted objects are referenced by nothing.
        for (PolicyStore.Change c : pending) {
            if (!c.href().equals(newRuleSet)) {
                assertEquals(List.of(), state.policy().missingDependencies(Set.of(c.href()), true), c.href());
            }
            if (c.updateType().equals("delete")) {
                assertTrue(state.policy().draftReferrers(c.href()).isEmpty(), c.href());
            }
        }
        assertEquals(pending.size(), summary.pendingChanges());
    }

    private static String href(List<PolicyStore.Change> pending, PolicyType type, String updateType) {
        return pending.stream().filter(c -> c.type() == type && c.updateType().equals(updateType))
                .findFirst().orElseThrow().href();
    }

    // ---- referential integrity ------------------------------------------------------------

    @Test
    void everyReferencedHrefResolves() {
        List<String> broken = new ArrayList<>();
        for (String c : GeneratedOrg.COLLECTIONS) {
            for (ObjectNode n : state.collection(c).all()) {
                check(n, state.policy().draft(), broken);
            }
        }
        for (PolicyType t : PolicyType.values()) {
            for (ObjectNode n : state.policy().draft().all(t)) {
                check(n, state.policy().draft(), broken);
            }
        }
        for (PolicyStore.Version v : state.policy().versions()) {
            for (PolicyType t : PolicyType.values()) {
                for (ObjectNode n : v.snapshot().all(t)) {
                    check(n, v.snapshot(), broken);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** Checks every href inside {@code n}; policy hrefs resolve in {@code policy} (or active, for active hrefs). */
    private static void check(ObjectNode n, PolicySnapshot policy, List<String> broken) {
        for (String h : GeneratedOrg.hrefs(n)) {
            if (!resolves(h, policy)) {
                broken.add(n.get("href").asText() + " -> " + h);
            }
        }
    }

    private static Set<String> agentHrefs;

    private static boolean resolves(String h, PolicySnapshot policy) {
        if (h.equals("/users/1")) {
            return true; // the server creates user 1
        }
        if (h.equals("/users/0")) {
            return true; // the PCE's system user, creator of the built-in "Any" IP list and "All Services"
        }
        if (PolicyHrefs.isPolicyHref(h)) {
            String version = h.split("/")[4];
            PolicySnapshot s = version.equals("active") ? state.policy().active() : policy;
            ObjectNode top = s.get(GeneratedOrg.topLevel(PolicyHrefs.toDraft(h)));
            if (top == null) {
                return false;
            }
            String draftHref = PolicyHrefs.toDraft(h);
            if (draftHref.contains("/sec_rules/")) {
                return any(top.get("rules"), r -> r.get("href").asText().equals(draftHref));
            }
            if (draftHref.contains("/ip_tables_rules/")) {
                return any(top.get("ip_tables_rules"), r -> r.get("href").asText().equals(draftHref));
            }
            return true;
        }
        if (h.matches("/orgs/1/sec_policy/\\d+")) {
            int n = Integer.parseInt(h.substring(h.lastIndexOf('/') + 1));
            return state.policy().versions().stream().anyMatch(v -> v.number() == n);
        }
        String[] p = h.split("/");
        if (p.length < 5 || !h.startsWith(ORG + "/")) {
            return false;
        }
        String collection = p[3];
        String top = String.join("/", List.of(p).subList(0, 5));
        return switch (collection) {
            // Networks are not served by the demo PCE; the samples name them the same way.
            case "networks" -> true;
            case "agents" -> agentHrefs().contains(h);
            case "workloads", "vens", "labels", "label_dimensions", "service_bindings", "pairing_profiles", "events" ->
                    state.collection(collection).get(top) != null;
            case "container_clusters" -> h.contains("/container_workload_profiles/")
                    ? state.collection("container_workload_profiles").get(h) != null
                    : state.collection("container_clusters").get(top) != null;
            default -> false;
        };
    }

    private static Set<String> agentHrefs() {
        if (agentHrefs == null) {
            agentHrefs = new HashSet<>();
            for (ObjectNode w : state.collection("workloads").all()) {
                if (!w.get("agent").isNull()) {
                    agentHrefs.add(w.get("agent").get("href").asText());
                }
            }
        }
        return agentHrefs;
    }

    // ---- shape fidelity against the PCE samples -------------------------------------------

    @Test
    void orgObjectsHaveEverySampleField() throws Exception {
        for (String c : List.of("workloads", "vens", "container_clusters", "container_workload_profiles",
                "pairing_profiles", "events")) {
            assertShape(c + ".json", GeneratedOrg.array(state.collection(c).all()));
        }
    }

    @Test
    void policyObjectsHaveEverySampleField() throws Exception {
        PolicySnapshot d = state.policy().draft();
        assertShape("ip_lists.json", GeneratedOrg.array(d.all(PolicyType.IP_LISTS)));
        assertShape("services.json", GeneratedOrg.array(d.all(PolicyType.SERVICES)));
        assertShape("rule_sets.json", GeneratedOrg.array(d.all(PolicyType.RULE_SETS)));
        assertShape("rules.json", GeneratedOrg.array(rules));
        // The samples show label refs as the server renders them (href, key, value); we store bare
        // hrefs and the server expands them, so compare against the rendered form.
        assertShape("label_groups.json", GeneratedOrg.renderLabelRefs(GeneratedOrg.array(d.all(PolicyType.LABEL_GROUPS)), state));
        assertShape("virtual_services.json", GeneratedOrg.renderLabelRefs(GeneratedOrg.array(d.all(PolicyType.VIRTUAL_SERVICES)), state));
    }

    @Test
    void boundariesAndBindingsHaveTheirFields() {
        for (ObjectNode eb : state.policy().draft().all(PolicyType.ENFORCEMENT_BOUNDARIES)) {
            for (String f : List.of("href", "name", "providers", "consumers", "ingress_services", "created_at",
                    "updated_at", "deleted_at", "created_by", "updated_by", "deleted_by", "update_type", "caps")) {
                assertTrue(eb.has(f), "enforcement boundary lacks " + f);
            }
        }
        for (ObjectNode b : state.collection("service_bindings").all()) {
            for (String f : List.of("href", "virtual_service", "workload", "port_overrides", "created_at")) {
                assertTrue(b.has(f), "service binding lacks " + f);
            }
        }
    }

    private static void assertShape(String sampleFile, JsonNode ours) throws Exception {
        JsonNode sample = PceJson.mapper().readTree(Files.readString(samples().resolve(sampleFile)));
        assertEquals(List.of(), JsonShapes.missingOrMismatched(sample, ours), sampleFile);
    }

    private static Path samples() {
        String dir = System.getProperty("pce.samples.dir");
        Path p = dir != null ? Path.of(dir) : Path.of("..", "shared", "pce-samples");
        assertTrue(Files.isDirectory(p), "PCE samples not found at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void storedNodesSerializeLikePlainJackson() throws Exception {
        // The compact node form must be indistinguishable from a parsed tree.
        ArrayNode workloads = GeneratedOrg.array(state.collection("workloads").all());
        String json = PceJson.mapper().writeValueAsString(workloads);
        JsonNode parsed = PceJson.mapper().readTree(json);
        assertEquals(parsed, workloads);
        assertEquals(workloads, parsed);
        assertEquals(parsed.hashCode(), workloads.hashCode());
        ObjectNode copy = state.collection("workloads").all().iterator().next().deepCopy();
        copy.put("name", "changed");
        assertFalse(copy.equals(state.collection("workloads").all().iterator().next()));
    }
}
