package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one load of the labels view brings: the dimension choices (in the PCE's sort order, "All"
 * first), every label as a row with its workload count, labels by href, and the chosen version's
 * label groups with their tree. Built in a background task from the {@link PolicyWorkspace}.
 */
record LabelsData(List<DimensionChoice> dimensions, List<LabelRow> rows, Map<String, Label> labels,
                  List<LabelGroup> groups, GroupTree tree, String version) {

    static LabelsData load(PolicyWorkspace workspace, TaskContext ctx, String v) {
        var token = ctx.token();
        var p = ctx.pceProgress();
        List<LabelDimension> dims = workspace.labelDimensions(token, p);
        List<Label> labels = workspace.labels(token, p);
        List<Workload> workloads = workspace.workloads(token, p);
        List<LabelGroup> groups = workspace.labelGroups(v, token, p);
        ctx.message("Counting workloads per label");
        Map<String, Integer> counts = new HashMap<>();
        for (Workload w : workloads) {
            if (!Boolean.TRUE.equals(w.deleted())) {
                for (Href l : w.labels()) {
                    counts.merge(l.href(), 1, Integer::sum);
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<LabelDimension> sorted = new ArrayList<>(dims);
        sorted.removeIf(d -> Boolean.TRUE.equals(d.deleted()));
        sorted.sort(Comparator.comparingInt(LabelsData::sortOrdinal));
        List<DimensionChoice> choices = new ArrayList<>(List.of(DimensionChoice.ALL));
        for (LabelDimension d : sorted) {
            String name = d.displayName() == null || d.displayName().isBlank() ? d.key() : d.displayName();
            names.put(d.key(), name);
            choices.add(new DimensionChoice(d.key(), name));
        }
        List<LabelRow> rows = new ArrayList<>(labels.size());
        for (Label l : labels) {
            if (!Boolean.TRUE.equals(l.deleted())) {
                rows.add(LabelRow.of(l, names.getOrDefault(l.key(), l.key()), counts.getOrDefault(l.href(), 0)));
            }
        }
        rows.sort(Comparator.comparing(LabelRow::key).thenComparing(LabelRow::value, String.CASE_INSENSITIVE_ORDER));
        Map<String, Label> byHref = GroupTree.byHref(labels);
        ctx.token().throwIfCancelled("Loading labels");
        return new LabelsData(List.copyOf(choices), List.copyOf(rows), byHref, groups, new GroupTree(groups, byHref, names), v);
    }

    private static int sortOrdinal(LabelDimension d) {
        var order = d.displayInfo() == null ? null : d.displayInfo().get("sort_ordinal");
        return order != null && order.canConvertToInt() ? order.intValue() : Integer.MAX_VALUE;
    }

}
