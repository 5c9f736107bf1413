package dev.pceworkbench.ui.rulesearch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.ui.common.export.TableExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rule search results: CSV with every column (whether shown or not), and JSON with each
 * rule as the PCE returns it plus its rule set, number and the version searched, so an export can
 * be read back by tools that speak the PCE's JSON.
 */
final class RuleExports {
    private RuleExports() {
    }

    static void csv(Path file, List<RuleRow> rows, CancellationToken token) throws IOException {
        List<TableExport.Column<RuleRow>> columns = Arrays.stream(RuleColumn.values())
                .map(c -> new TableExport.Column<RuleRow>(c.header(), c::text)).toList();
        TableExport.csv(file, columns, rows, token);
    }

    static void json(Path file, String version, List<RuleRow> rows, CancellationToken token) throws IOException {
        TableExport.json(file, rows, (JsonGenerator g, RuleRow r) -> {
            g.writeStartObject();
            g.writeStringField("policy_version", version);
            g.writeObjectFieldStart("rule_set");
            g.writeStringField("href", r.hit().ruleSet().href());
            g.writeStringField("name", r.ruleSet());
            g.writeEndObject();
            g.writeNumberField("rule_number", r.number());
            g.writeObjectField("rule", r.hit().rule());
            g.writeEndObject();
        }, token);
    }
}
