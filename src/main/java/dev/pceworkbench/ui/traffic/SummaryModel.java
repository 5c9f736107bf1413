package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.policy.traffic.FlowSummary.Dimension;
import dev.pceworkbench.policy.traffic.FlowSummary.End;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.task.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Summaries tab's state: the dimensions to group by (the app group summary, app | env → app |
 * env on port, by default), the rows of {@link FlowSummary#groupBy} for the current results
 * (grouped again in the background whenever the results or the dimensions change), a summary row's
 * flows as a table filter, and the summary as an export table.
 */
public final class SummaryModel {
    /** The dimensions offered, in the order they group, each with whether it is chosen. */
    public static final List<Dimension> DIMENSIONS = List.of(
            Dimension.sourceLabels("app", "env"), Dimension.destinationLabels("app", "env"),
            Dimension.sourceLabels("role"), Dimension.destinationLabels("role"),
            Dimension.workload(End.SOURCE), Dimension.workload(End.DESTINATION),
            Dimension.ipList(End.SOURCE), Dimension.ipList(End.DESTINATION),
            Dimension.address(End.SOURCE), Dimension.address(End.DESTINATION),
            Dimension.service(), Dimension.process(), Dimension.decision(), Dimension.draftDecision());

    private final TrafficViewModel owner;
    private final Map<Dimension, BooleanProperty> chosen = new LinkedHashMap<>();
    private final ObservableList<FlowSummary.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Run a query to summarise its flows.");
    private List<Dimension> grouped = List.of();
    private BackgroundTask<?> running;
    private boolean quiet;

    SummaryModel(TrafficViewModel owner) {
        this.owner = owner;
        for (Dimension d : DIMENSIONS) {
            BooleanProperty p = new SimpleBooleanProperty(this, d.title(), false);
            p.addListener((o, a, b) -> {
                if (!quiet) {
                    group();
                }
            });
            chosen.put(d, p);
        }
        appGroup();
    }

    /** Chooses the app group summary: source app | env → destination app | env → port. */
    public void appGroup() {
        quiet = true;
        try {
            chosen.forEach((d, p) -> p.set(FlowSummary.appGroupDimensions().contains(d)));
        } finally {
            quiet = false;
        }
        group();
    }

    void resultsChanged() {
        group();
    }

    /** Groups the current results by the chosen dimensions, in the background. */
    public void group() {
        List<Dimension> dims = dimensions();
        List<TrafficFlow> flows = owner.flows();
        Decision[] local = owner.localDecisions();
        NameLookup names = owner.names();
        if (running != null) {
            running.cancel();
        }
        if (flows.isEmpty()) {
            rows.clear();
            status.set("Run a query to summarise its flows.");
            return;
        }
        if (dims.isEmpty()) {
            rows.clear();
            status.set("Choose at least one dimension to group by.");
            return;
        }
        status.set("Grouping…");
        running = owner.executor().execute(BackgroundTask.of("Grouping the flows", ctx -> {
            long t0 = System.nanoTime();
            List<FlowSummary.Row> r = FlowSummary.groupBy(flows, dims, local, names);
            return new Object[]{r, (System.nanoTime() - t0) / 1_000_000};
        }).ownedBy(TrafficViewModel.FEATURE_ID).onSuccess(o -> {
            @SuppressWarnings("unchecked") List<FlowSummary.Row> r = (List<FlowSummary.Row>) o[0];
            grouped = dims;
            rows.setAll(r);
            status.set(String.format(Locale.US, "%,d groups of %,d flows by %s (%d ms)", r.size(), flows.size(),
                    String.join(" → ", dims.stream().map(Dimension::title).toList()), (Long) o[1]));
        }).onCancelled(() -> { }).onFailure(e -> owner.dialogs().showError("Could not group the flows", e)));
    }

    /** The chosen dimensions, in {@link #DIMENSIONS} order. */
    public List<Dimension> dimensions() {
        List<Dimension> out = new ArrayList<>();
        chosen.forEach((d, p) -> {
            if (p.get()) {
                out.add(d);
            }
        });
        return out;
    }

    /** The dimensions the rows were grouped by (the table's columns). */
    public List<Dimension> grouped() {
        return grouped;
    }

    /** Shows the flows of summary rows in the flows table. */
    public void showFlows(List<FlowSummary.Row> selection) {
        if (selection.isEmpty()) {
            return;
        }
        BitSet set = new BitSet();
        int n = 0;
        for (FlowSummary.Row r : selection) {
            for (int i : r.flows()) {
                set.set(i);
            }
            n += r.flowCount();
        }
        String what = selection.size() == 1 ? selection.get(0).text() : selection.size() + " summary rows";
        owner.filterBy(new RowFilter(String.format(Locale.US, "%s (%,d flows)", what, n), row -> set.get(row.index())));
    }

    /** Proposes a rule from the flows of summary rows. */
    public void proposeRule(List<FlowSummary.Row> selection) {
        List<FlowRow> all = owner.rows();
        List<FlowRow> picked = new ArrayList<>();
        for (FlowSummary.Row r : selection) {
            for (int i : r.flows()) {
                if (i < all.size()) {
                    picked.add(all.get(i));
                }
            }
        }
        owner.proposeRule(picked);
    }

    /** The summary as a table for export: the dimensions, then flows, connections and decisions. */
    TrafficExports.Table table() {
        List<String> headers = new ArrayList<>(grouped.stream().map(Dimension::title).toList());
        headers.addAll(List.of("Flows", "Connections", "Decisions", "Draft decisions", "First seen", "Last seen"));
        List<List<String>> out = new ArrayList<>();
        for (FlowSummary.Row r : rows) {
            List<String> cells = new ArrayList<>();
            r.values().forEach(v -> cells.add(v.text()));
            cells.add(String.valueOf(r.flowCount()));
            cells.add(String.valueOf(r.connections()));
            cells.add(decisions(r.decisions()));
            cells.add(decisions(r.draftDecisions()));
            cells.add(r.firstSeen() == null ? "" : r.firstSeen());
            cells.add(r.lastSeen() == null ? "" : r.lastSeen());
            out.add(cells);
        }
        return new TrafficExports.Table(headers, out);
    }

    /** "12 allowed, 3 blocked" from counts indexed by {@link Decision#ordinal()}. */
    static String decisions(int[] counts) {
        if (counts == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Decision d : Decision.values()) {
            if (d.ordinal() < counts.length && counts[d.ordinal()] > 0) {
                parts.add(String.format(Locale.US, "%,d %s", counts[d.ordinal()], d.text().toLowerCase(Locale.ROOT)));
            }
        }
        return String.join(", ", parts);
    }

    public void exportCsv() {
        owner.exportTable("csv", "summary", table());
    }

    public void exportJson() {
        owner.exportTable("json", "summary", table());
    }

    public BooleanProperty chosenProperty(Dimension d) {
        return chosen.get(d);
    }

    public ObservableList<FlowSummary.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
