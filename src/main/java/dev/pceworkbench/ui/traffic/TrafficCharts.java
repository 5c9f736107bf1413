package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.ui.common.Verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the charts draw, worked out from the rows off the FX thread (no chart nodes here): decisions
 * by port (the ten busiest services, flows per decision), the top talkers (the ten sources with the
 * most connections) and the flows over time (by the day, or by the hour within two days, of their
 * last sighting). Every bar carries the {@link RowFilter} that a click on it puts on the table.
 */
public record TrafficCharts(List<Bar> decisionsByPort, List<Bar> topTalkers, List<Bar> overTime) {
    static final int TOP = 10;

    /** One bar: its category (x), series (one per decision, or one series), value, and its filter. */
    public record Bar(String category, String series, long value, RowFilter filter) {
    }

    public static final TrafficCharts EMPTY = new TrafficCharts(List.of(), List.of(), List.of());

    public static TrafficCharts of(List<FlowRow> rows) {
        return new TrafficCharts(decisionsByPort(rows), topTalkers(rows), overTime(rows));
    }

    private static List<Bar> decisionsByPort(List<FlowRow> rows) {
        Map<String, Map<Verdict, Long>> byService = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (FlowRow r : rows) {
            Verdict v = r.decisionVerdict() == null ? Verdict.UNKNOWN : r.decisionVerdict();
            byService.computeIfAbsent(r.service(), k -> new EnumMap<>(Verdict.class)).merge(v, 1L, Long::sum);
            totals.merge(r.service(), 1L, Long::sum);
        }
        List<Bar> out = new ArrayList<>();
        for (String service : top(totals)) {
            for (Map.Entry<Verdict, Long> e : byService.get(service).entrySet()) {
                Verdict v = e.getKey();
                out.add(new Bar(service, v.word(), e.getValue(), new RowFilter(
                        v.word() + " flows on " + service,
                        r -> r.service().equals(service) && (r.decisionVerdict() == null ? Verdict.UNKNOWN
                                : r.decisionVerdict()) == v)));
            }
        }
        return out;
    }

    private static List<Bar> topTalkers(List<FlowRow> rows) {
        Map<String, Long> connections = new HashMap<>();
        for (FlowRow r : rows) {
            connections.merge(r.source().text(), (long) r.connections(), Long::sum);
        }
        List<Bar> out = new ArrayList<>();
        for (String source : top(connections)) {
            out.add(new Bar(source, "Connections", connections.get(source),
                    new RowFilter("Flows from " + source, r -> r.source().text().equals(source))));
        }
        return out;
    }

    private static List<String> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(Map.Entry::getKey).toList();
    }

    private static List<Bar> overTime(List<FlowRow> rows) {
        Instant min = null;
        Instant max = null;
        Instant[] seen = new Instant[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Instant t = parse(rows.get(i).lastSeen());
            seen[i] = t;
            if (t != null) {
                min = min == null || t.isBefore(min) ? t : min;
                max = max == null || t.isAfter(max) ? t : max;
            }
        }
        if (min == null) {
            return List.of();
        }
        ChronoUnit unit = ChronoUnit.DAYS.getDuration().multipliedBy(2).compareTo(
                java.time.Duration.between(min, max)) >= 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        DateTimeFormatter f = DateTimeFormatter.ofPattern(unit == ChronoUnit.HOURS ? "MM-dd HH:00" : "yyyy-MM-dd",
                Locale.ROOT).withZone(ZoneId.systemDefault());
        TreeMap<Instant, Long> buckets = new TreeMap<>(Comparator.naturalOrder());
        ZoneId zone = ZoneId.systemDefault();
        for (Instant t : seen) {
            if (t != null) {
                buckets.merge(t.atZone(zone).truncatedTo(unit).toInstant(), 1L, Long::sum);
            }
        }
        List<Bar> out = new ArrayList<>();
        for (Map.Entry<Instant, Long> e : buckets.entrySet()) {
            Instant from = e.getKey();
            Instant to = from.atZone(zone).plus(1, unit).toInstant();
            String label = f.format(from);
            out.add(new Bar(label, "Flows", e.getValue(), new RowFilter("Flows last seen " + label
                    + (unit == ChronoUnit.HOURS ? " (that hour)" : " (that day)"), r -> {
                Instant t = parse(r.lastSeen());
                return t != null && !t.isBefore(from) && t.isBefore(to);
            })));
        }
        return out;
    }

    static Instant parse(String iso) {
        if (iso == null || iso.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
