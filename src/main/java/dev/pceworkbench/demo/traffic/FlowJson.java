package dev.pceworkbench.demo.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes flows in the shape of the PCE's traffic download (as in illumio-py's
 * {@code traffic_query_response.json}): {@code src}/{@code dst} with {@code ip} and, for
 * workloads, {@code workload} {href, name, hostname, os_type, enforcement_mode, labels [{href, key, value}]},
 * for other addresses the active {@code ip_lists} [{href, name}] they are in;
 * {@code service} {port, proto, process_name?, user_name?}; counts, decision, direction,
 * {@code timestamp_range} in whole seconds, state, transmission and byte counters. Workloads are
 * rendered from their current state, once per download.
 */
public final class FlowJson {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final DemoState state;
    private final FlowStore s;
    /**
     * Each workload's JSON, rendered once per download and written raw for every flow it is in;
     * shared by the threads that write the download's pieces.
     */
    private final Map<Integer, String> workloads = new ConcurrentHashMap<>();
    private final Map<Integer, ArrayNode> ipLists = new ConcurrentHashMap<>();
    private volatile java.util.List<Object[]> activeIpLists;

    public FlowJson(DemoState state, FlowStore store) {
        this.state = state;
        this.s = store;
    }

    /** Streams the result's flows as a JSON array (call under the state's read lock). */
    public void write(JsonGenerator g, FlowQueryRunner.Result result) throws IOException {
        write(g, result, null);
    }

    /**
     * As {@link #write(JsonGenerator, FlowQueryRunner.Result)}, each flow also carrying its
     * {@code draft_policy_decision} and the {@code rules} ({@code [{"href"}]}, draft hrefs) that allow
     * it in the draft, when {@code draft} (from {@code update_rules}) is not null.
     */
    public void write(JsonGenerator g, FlowQueryRunner.Result result, FlowQueryRunner.Draft draft) throws IOException {
        g.writeStartArray();
        writeFlows(g, result, draft, 0, result.flows().length);
        g.writeEndArray();
    }

    /**
     * Flows {@code [from, to)} of the result, each as the next value of {@code g} (in an array, or
     * at its root for a piece of a download written on several threads: one instance serves them
     * all, under the state's read lock held for all of them).
     */
    public void writeFlows(JsonGenerator g, FlowQueryRunner.Result result, FlowQueryRunner.Draft draft, int from, int to)
            throws IOException {
        for (int i = from; i < to; i++) {
            flow(g, result.flows()[i], result.decision(i), draft, i);
        }
    }

    private void flow(JsonGenerator g, int f, String decision, FlowQueryRunner.Draft draft, int i) throws IOException {
        g.writeStartObject();
        endpoint(g, "src", s.src[f]);
        endpoint(g, "dst", s.dst[f]);
        g.writeObjectFieldStart("service");
        g.writeNumberField("port", s.port(f));
        g.writeNumberField("proto", s.proto(f));
        if (s.process[f] >= 0) {
            g.writeStringField("process_name", s.processes[s.process[f]]);
            if (s.users[s.process[f]] != null) {
                g.writeStringField("user_name", s.users[s.process[f]]);
            }
            String windows = s.windowsService(f);
            if (windows != null) {
                g.writeStringField("windows_service_name", windows);
            }
        }
        g.writeEndObject();
        g.writeNumberField("num_connections", s.connections[f]);
        g.writeStringField("state", FlowStore.STATES[s.state[f]]);
        g.writeObjectFieldStart("timestamp_range");
        g.writeStringField("first_detected", time(s.first(f)));
        g.writeStringField("last_detected", time(s.last(f)));
        g.writeEndObject();
        g.writeStringField("policy_decision", decision);
        if (draft != null && draft.decisions()[i] != null) {
            g.writeStringField("draft_policy_decision", draft.decisions()[i]);
            g.writeArrayFieldStart("rules");
            for (String href : draft.rules()[i]) {
                g.writeStartObject();
                g.writeStringField("href", href);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("flow_direction", s.inbound[f] ? "inbound" : "outbound");
        g.writeStringField("transmission", "unicast");
        g.writeNumberField("dst_bi", s.bytesIn[f]);
        g.writeNumberField("dst_bo", s.bytesOut[f]);
        g.writeEndObject();
    }

    private void endpoint(JsonGenerator g, String field, int endpoint) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("ip", s.ip(endpoint).toString());
        if (endpoint >= 0) {
            String w = workloads.computeIfAbsent(endpoint, this::workloadJson);
            if (!w.isEmpty()) {
                g.writeFieldName("workload");
                g.writeRawValue(w);
            }
        } else {
            ArrayNode lists = ipLists.computeIfAbsent(endpoint, this::ipListsOf);
            if (!lists.isEmpty()) {
                g.writeFieldName("ip_lists");
                PceJson.mapper().writeTree(g, lists);
            }
        }
        g.writeEndObject();
    }

    /** The active IP lists an external address is in, {@code [{href, name}]}, as the PCE lists them on an endpoint. */
    private ArrayNode ipListsOf(int endpoint) {
        java.util.List<Object[]> active = activeIpLists;
        if (active == null) {
            active = new java.util.ArrayList<>();
            for (ObjectNode l : state.policy().active().all(dev.pceworkbench.demo.store.PolicyType.IP_LISTS)) {
                active.add(new Object[]{dev.pceworkbench.demo.store.PolicyHrefs.inVersion(l.path("href").asText(),
                        "active"), l.path("name").asText(), dev.pceworkbench.demo.policy.IpRangeSet.of(l)});
            }
            activeIpLists = active; // racing threads compute the same list
        }
        ArrayNode out = PceJson.mapper().createArrayNode();
        dev.pceworkbench.demo.policy.IpAddress ip = s.ip(endpoint);
        for (Object[] l : active) {
            if (((dev.pceworkbench.demo.policy.IpRangeSet) l[2]).contains(ip)) {
                out.addObject().put("href", (String) l[0]).put("name", (String) l[1]);
            }
        }
        return out;
    }

    private String workloadJson(int endpoint) {
        ObjectNode w = workload(endpoint);
        try {
            return w == null ? "" : PceJson.mapper().writeValueAsString(w);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The flow's view of a workload; null when it has been deleted since the flow was seen. */
    private ObjectNode workload(int endpoint) {
        ObjectNode w = state.collection("workloads").get(s.workloadHrefs[endpoint]);
        if (w == null) {
            return null;
        }
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", s.workloadHrefs[endpoint]);
        String hostname = w.path("hostname").asText("");
        // Managed workloads have a null name in the API; the flow shows a string, as in the samples.
        o.put("name", w.path("name").isTextual() ? w.path("name").asText() : hostname);
        o.put("hostname", hostname);
        o.put("os_type", w.path("os_id").asText("").contains("win") ? "windows" : "linux");
        if (w.path("enforcement_mode").isTextual()) {
            o.put("enforcement_mode", w.path("enforcement_mode").asText());
        }
        ArrayNode labels = o.putArray("labels");
        for (JsonNode ref : w.path("labels")) {
            String href = ref.path("href").asText();
            ObjectNode l = state.collection("labels").get(href);
            if (l != null) {
                labels.addObject().put("href", href).put("key", l.path("key").asText()).put("value", l.path("value").asText());
            }
        }
        return o;
    }

    /** {@code 2026-01-31T12:00:05Z}, as ISO_INSTANT writes whole seconds, without a formatter per flow (400,000 of them for 200,000 flows). */
    static String time(Instant t) {
        long secs = t.getEpochSecond();
        if (secs < 0 || secs >= 253_402_300_800L) {
            return SECONDS.format(t.truncatedTo(ChronoUnit.SECONDS)); // outside years 1970-9999
        }
        long days = Math.floorDiv(secs, 86_400);
        int sod = (int) Math.floorMod(secs, 86_400);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        char[] c = new char[20];
        int y = d.getYear();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[4] = '-';
        two(c, 5, d.getMonthValue());
        c[7] = '-';
        two(c, 8, d.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, sod / 3600);
        c[13] = ':';
        two(c, 14, sod / 60 % 60);
        c[16] = ':';
        two(c, 17, sod % 60);
        c[19] = 'Z';
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }
}
