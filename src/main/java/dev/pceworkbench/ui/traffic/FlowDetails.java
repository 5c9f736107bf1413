package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.TrafficFlow;

import java.util.ArrayList;
import java.util.List;

/** The details pane's text for one flow: both ends with their labels, the service, decisions and times. */
final class FlowDetails {
    private FlowDetails() {
    }

    static String text(FlowRow r) {
        TrafficFlow f = r.flow();
        List<String> lines = new ArrayList<>();
        lines.add("Source: " + r.source().text() + ip(f.src()));
        if (!r.source().chipText().isEmpty()) {
            lines.add("    " + r.source().chipText());
        }
        lines.add("Destination: " + r.destination().text() + ip(f.dst()));
        if (!r.destination().chipText().isEmpty()) {
            lines.add("    " + r.destination().chipText());
        }
        lines.add("Port: " + r.service() + (r.process().isEmpty() ? "" : ", process " + r.process())
                + (f.service() != null && f.service().userName() != null ? ", user " + f.service().userName() : ""));
        lines.add("Decision: " + Decisions.text(r.decision()));
        if (r.draft() != null) {
            lines.add("Draft decision: " + Decisions.text(r.draft()));
        }
        lines.add("Connections: " + r.connections() + (f.state() == null ? "" : ", state " + f.state())
                + (f.flowDirection() == null ? "" : ", " + f.flowDirection())
                + (f.transmission() == null ? "" : ", " + f.transmission()));
        lines.add("First seen: " + r.firstSeen());
        lines.add("Last seen: " + r.lastSeen());
        return String.join("\n", lines);
    }

    private static String ip(TrafficFlow.Endpoint e) {
        return e == null || e.ip() == null || e.ip().isEmpty() ? "" : " (" + e.ip() + ")";
    }
}
