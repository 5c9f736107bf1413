package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.ui.common.Verdict;

import java.util.List;

/**
 * One flow in the results table, kept light for 200,000 of them: the flow itself, its position in
 * the download (summaries and decisions refer to flows by it), and the shared (interned) names of
 * its two ends and its service, so rows of the same workloads share one copy. The draft decision
 * is set after the rows are built (the engine's, or the PCE's after "Ask the PCE").
 */
public final class FlowRow {
    /** One end of a flow as the table shows it: its name and the label (or IP list) chips. Shared by rows. */
    public record End(String text, List<Name> chips, String chipText) {
    }

    private final int index;
    private final TrafficFlow flow;
    private final End source;
    private final End destination;
    private final String service;
    private final String process;
    private String draft;

    FlowRow(int index, TrafficFlow flow, End source, End destination, String service, String process) {
        this.index = index;
        this.flow = flow;
        this.source = source;
        this.destination = destination;
        this.service = service;
        this.process = process;
        this.draft = FlowRows.pceDraft(flow);
    }

    public int index() {
        return index;
    }

    public TrafficFlow flow() {
        return flow;
    }

    public End source() {
        return source;
    }

    public End destination() {
        return destination;
    }

    /** {@code 443 TCP}. */
    public String service() {
        return service;
    }

    /** The process (and Windows service) that served it, or empty. */
    public String process() {
        return process;
    }

    public int connections() {
        return flow.numConnections() == null ? 0 : flow.numConnections();
    }

    /** The reported decision word as the PCE wrote it. */
    public String decision() {
        return flow.policyDecision();
    }

    public Verdict decisionVerdict() {
        return Decisions.verdict(flow.policyDecision());
    }

    /** The draft decision word (the engine's or the PCE's), or null when not worked out yet. */
    public String draft() {
        return draft;
    }

    public Verdict draftVerdict() {
        return Decisions.verdict(draft);
    }

    void setDraft(String draft) {
        this.draft = draft;
    }

    public String firstSeen() {
        return flow.timestampRange() == null ? "" : nz(flow.timestampRange().firstDetected());
    }

    public String lastSeen() {
        return flow.timestampRange() == null ? "" : nz(flow.timestampRange().lastDetected());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
