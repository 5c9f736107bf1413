package dev.pceworkbench.ui.traffic;

import java.util.function.Function;

/** The results table's columns (and the CSV export's, in this order), each with its text. */
public enum FlowColumn {
    SOURCE("Source", r -> r.source().text(), true),
    SOURCE_LABELS("Source labels", r -> r.source().chipText(), false),
    DESTINATION("Destination", r -> r.destination().text(), true),
    DESTINATION_LABELS("Destination labels", r -> r.destination().chipText(), false),
    SERVICE("Port", FlowRow::service, true),
    DECISION("Decision", r -> Decisions.text(r.decision()), true),
    DRAFT("Draft decision", r -> Decisions.text(r.draft()), true),
    PCE_DRAFT("PCE draft decision", r -> Decisions.text(r.flow().draftPolicyDecision()), false),
    PROCESS("Process", FlowRow::process, true),
    CONNECTIONS("Connections", r -> String.valueOf(r.connections()), true),
    FIRST_SEEN("First seen", FlowRow::firstSeen, false),
    LAST_SEEN("Last seen", FlowRow::lastSeen, true),
    SOURCE_IP("Source IP", r -> ip(r.flow().src()), false),
    DESTINATION_IP("Destination IP", r -> ip(r.flow().dst()), false);

    private final String header;
    private final Function<FlowRow, String> text;
    private final boolean shownByDefault;

    FlowColumn(String header, Function<FlowRow, String> text, boolean shownByDefault) {
        this.header = header;
        this.text = text;
        this.shownByDefault = shownByDefault;
    }

    private static String ip(dev.pceworkbench.pce.model.TrafficFlow.Endpoint e) {
        return e == null || e.ip() == null ? "" : e.ip();
    }

    public String header() {
        return header;
    }

    public String text(FlowRow r) {
        return text.apply(r);
    }

    public boolean shownByDefault() {
        return shownByDefault;
    }
}
