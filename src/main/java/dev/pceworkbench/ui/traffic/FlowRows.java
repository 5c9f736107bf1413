package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds the table's rows from downloaded flows: each distinct workload (or address) and service is
 * named once through {@code policy/names} and shared by every row that has it, so 200,000 rows cost
 * little more than the flows themselves; endpoints and services the download shares between flows
 * are found by identity, without reading their strings.
 */
public final class FlowRows {
    private final NameLookup lookup;
    private final Map<String, FlowRow.End> ends = new HashMap<>();
    private final Map<String, FlowRow.End> addresses = new HashMap<>();
    private final Map<ServiceKey, String> services = new HashMap<>();
    private final Map<String, String> processes = new HashMap<>();
    // Downloads share equal endpoints and services (one object each): looked up as themselves first.
    private final Map<TrafficFlow.Endpoint, FlowRow.End> sameEnds = new IdentityHashMap<>();
    private final Map<TrafficFlow.FlowService, String[]> sameServices = new IdentityHashMap<>();

    private record ServiceKey(Integer proto, Integer port, Integer icmpType, Integer icmpCode) {
    }

    /** Endpoint objects remembered by identity (beyond this, flows that share nothing cost no memory). */
    private static final int SHARED_LIMIT = 1 << 18;

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
            String service;
            String process;
            String[] known = f.icmpType() == null && f.icmpCode() == null && f.service() != null
                    ? sameServices.get(f.service()) : null;
            if (known != null) {
                service = known[0];
                process = known[1];
            } else {
                service = service(f);
                process = process(f);
                if (f.icmpType() == null && f.icmpCode() == null && f.service() != null
                        && sameServices.size() < SHARED_LIMIT) {
                    sameServices.put(f.service(), new String[]{service, process});
                }
            }
            out.add(new FlowRow(i, f, end(f.src()), end(f.dst()), service, process));
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
        FlowRow.End same = sameEnds.get(e);
        if (same != null) {
            return same;
        }
        TrafficFlow.FlowWorkload w = e.workload();
        boolean workload = w != null && w.href() != null;
        Map<String, FlowRow.End> byKey = workload ? ends : addresses;
        String key = workload ? w.href() : String.valueOf(e.ip());
        FlowRow.End known = byKey.get(key);
        if (known != null) {
            if (sameEnds.size() < SHARED_LIMIT) {
                sameEnds.put(e, known);
            }
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
        byKey.put(key, end);
        if (sameEnds.size() < SHARED_LIMIT) {
            sameEnds.put(e, end);
        }
        return end;
    }

    private String service(TrafficFlow f) {
        TrafficFlow.FlowService s = f.service();
        if (s == null) {
            return "";
        }
        ServiceKey key = new ServiceKey(s.proto(), s.port(), f.icmpType(), f.icmpCode());
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
        return processes.computeIfAbsent(text, k -> text);
    }
}
