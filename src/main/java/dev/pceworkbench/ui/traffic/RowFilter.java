package dev.pceworkbench.ui.traffic;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A filter put on the results table from outside the text filter (a chart element, a summary row,
 * the flows the engine and the PCE disagree on): what it keeps, and the words that say so above
 * the table.
 */
public record RowFilter(String description, Predicate<FlowRow> keeps) {
    public RowFilter {
        Objects.requireNonNull(description);
        Objects.requireNonNull(keeps);
    }
}
