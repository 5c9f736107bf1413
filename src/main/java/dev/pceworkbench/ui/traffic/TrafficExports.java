package dev.pceworkbench.ui.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.ui.common.export.TableExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the traffic results: the table as CSV (every column, formula-like cells neutralised by
 * {@link TableExport}) or as JSON (each flow as the PCE returned it, plus the names the workbench
 * shows and the draft decision), and a summary as CSV or JSON.
 */
final class TrafficExports {
    private TrafficExports() {
    }

    static void csv(Path file, List<FlowRow> rows, CancellationToken token) throws IOException {
        List<TableExport.Column<FlowRow>> columns = Arrays.stream(FlowColumn.values())
                .map(c -> new TableExport.Column<FlowRow>(c.header(), c::text)).toList();
        TableExport.csv(file, columns, rows, token);
    }

    static void json(Path file, List<FlowRow> rows, CancellationToken token) throws IOException {
        TableExport.json(file, rows, (JsonGenerator g, FlowRow r) -> {
            g.writeStartObject();
            g.writeStringField("source_name", r.source().text());
            g.writeStringField("destination_name", r.destination().text());
            g.writeStringField("service_name", r.service());
            if (r.draft() != null) {
                g.writeStringField("workbench_draft_policy_decision", r.draft());
            }
            g.writeObjectField("flow", r.flow());
            g.writeEndObject();
        }, token);
    }

    /** A summary table: its column headers and rows of cells. */
    record Table(List<String> headers, List<List<String>> rows) {
    }

    static void csv(Path file, Table t, CancellationToken token) throws IOException {
        List<TableExport.Column<List<String>>> columns = new java.util.ArrayList<>();
        for (int i = 0; i < t.headers().size(); i++) {
            int c = i;
            columns.add(new TableExport.Column<>(t.headers().get(i), row -> row.get(c)));
        }
        TableExport.csv(file, columns, t.rows(), token);
    }

    static void json(Path file, Table t, CancellationToken token) throws IOException {
        TableExport.json(file, t.rows(), (g, row) -> {
            g.writeStartObject();
            for (int i = 0; i < t.headers().size(); i++) {
                g.writeStringField(t.headers().get(i), row.get(i));
            }
            g.writeEndObject();
        }, token);
    }
}
