package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds the table's rows from downloaded flows: each distinct workload (or address) and service is
 * named once through {@code policy/names} and shared by every row that has it, so 200,000 rows cost
 * little more than the flows themselves.
 */
public final class FlowRows {
    private final NameLookup lookup;
    private final Map<String, FlowRow.End> ends = new HashMap<>();
    private final Map<String, String> services = new HashMap<>();

    public FlowRows(NameLookup lookup) {
        this.lookup = lookup;
    }

    /** Rows for {@code flows}, in download order; stops early (returning what it has) when {@code cancelled}. */
    public List<FlowRow> rows(List<TrafficFlow> flows, BooleanSupplier cancelled) {
        List<FlowRow> out = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                break;
            }
            TrafficFlow f = flows.get(i);
            out.add(new FlowRow(i, f, end(f.src()), end(f.dst()), service(f), process(f)));
        }
        return out;
    }

    /** The draft decision the PCE put on a flow after {@code update_rules}, or null. */
    static String pceDraft(TrafficFlow f) {
        return f.draftPolicyDecision();
    }

    FlowRow.End end(TrafficFlow.Endpoint e) {
        if (e == null) {
            return new FlowRow.End("", List.of(), "");
        }
        TrafficFlow.FlowWorkload w = e.workload();
        String key = w != null && w.href() != null ? w.href() : "ip:" + e.ip();
        FlowRow.End known = ends.get(key);
        if (known != null) {
            return known;
        }
        String text;
        List<Name> chips = new ArrayList<>();
        if (w != null && w.href() != null) {
            String own = w.hostname() != null && !w.hostname().isBlank() ? w.hostname() : w.name();
            text = Names.workload(new Href(w.href(), own, null, null, null), lookup).text();
            for (Href l : w.labels() == null ? List.<Href>of() : w.labels()) {
                chips.add(Names.label(l, lookup));
            }
        } else {
            text = Names.ipAddress(e.ip() == null ? "" : e.ip()).display();
            for (Href l : e.ipLists() == null ? List.<Href>of() : e.ipLists()) {
                chips.add(Names.ipList(l, lookup));
            }
        }
        FlowRow.End end = new FlowRow.End(text, List.copyOf(chips), Names.list(chips));
        ends.put(key, end);
        return end;
    }

    private String service(TrafficFlow f) {
        TrafficFlow.FlowService s = f.service();
        if (s == null) {
            return "";
        }
        String key = s.proto() + "/" + s.port() + "/" + f.icmpType() + "/" + f.icmpCode();
        return services.computeIfAbsent(key, k -> f.icmpType() != null ? Names.icmp(s.proto(), f.icmpType(), f.icmpCode())
                : Names.port(s.proto(), s.port(), null));
    }

    private String process(TrafficFlow f) {
        TrafficFlow.FlowService s = f.service();
        if (s == null) {
            return "";
        }
        String p = s.processName() == null ? "" : s.processName();
        String w = s.windowsServiceName();
        String text = w == null || w.isBlank() ? p : p.isEmpty() ? w : p + " (" + w + ")";
        return services.computeIfAbsent("p:" + text, k -> text);
    }
}
