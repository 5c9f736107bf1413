package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.api.TrafficQueryBuilder;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.pce.model.TrafficServiceFilter;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic query builder's state (no controls): sources and destinations ({@link EndpointsForm}),
 * services to include and exclude, policy decisions, the time range (a preset or a custom start and
 * end), the result limit and whether sources AND destinations must match or either. {@link #validate}
 * checks every field and puts the reason at the field ({@link #errorProperty}); {@link #request}
 * builds the PCE's query body. Any change is reported to {@link #onChange} listeners (the view model
 * then marks its results as belonging to the previous query).
 */
public final class QueryForm {
    /** The fields that can be wrong, each with its own error text. */
    public enum Field { SOURCES, DESTINATIONS, SERVICES_INCLUDE, SERVICES_EXCLUDE, DECISIONS, TIME, MAX_RESULTS }

    /** The PCE's policy decisions, in the order the form lists them, with their words on screen. */
    public static final Map<String, String> DECISIONS = decisions();

    private static Map<String, String> decisions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("allowed", "Allowed");
        m.put("potentially_blocked", "Potentially blocked");
        m.put("blocked", "Blocked");
        m.put("unknown", "Unknown");
        return m;
    }

    static final DateTimeFormatter CUSTOM_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final EndpointsForm sources;
    private final EndpointsForm destinations;
    private final StringProperty servicesInclude = new SimpleStringProperty(this, "servicesInclude", "");
    private final StringProperty servicesExclude = new SimpleStringProperty(this, "servicesExclude", "");
    private final Map<String, BooleanProperty> decisionChosen = new LinkedHashMap<>();
    private final ObjectProperty<TimePreset> preset = new SimpleObjectProperty<>(this, "preset", TimePreset.LAST_DAY);
    private final StringProperty customStart = new SimpleStringProperty(this, "customStart", "");
    private final StringProperty customEnd = new SimpleStringProperty(this, "customEnd", "");
    private static final String DEFAULT_MAX_RESULTS = "100000";
    private final StringProperty maxResults = new SimpleStringProperty(this, "maxResults", DEFAULT_MAX_RESULTS);
    private final BooleanProperty either = new SimpleBooleanProperty(this, "either", false);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final List<Runnable> listeners = new ArrayList<>();
    private ActorOptions options = ActorOptions.EMPTY;

    public QueryForm() {
        sources = new EndpointsForm("sources", () -> options);
        destinations = new EndpointsForm("destinations", () -> options);
        for (Field f : Field.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, "error" + f, ""));
        }
        for (String d : DECISIONS.keySet()) {
            decisionChosen.put(d, new SimpleBooleanProperty(this, d, false));
        }
        sources.onChange(this::changed);
        destinations.onChange(this::changed);
        watch(servicesInclude, Field.SERVICES_INCLUDE);
        watch(servicesExclude, Field.SERVICES_EXCLUDE);
        watch(preset, Field.TIME);
        watch(customStart, Field.TIME);
        watch(customEnd, Field.TIME);
        watch(maxResults, Field.MAX_RESULTS);
        watch(either, null);
        decisionChosen.values().forEach(p -> watch(p, Field.DECISIONS));
    }

    private void watch(ObservableValue<?> p, Field f) {
        p.addListener((o, a, b) -> {
            if (f != null) {
                errors.get(f).set("");
            }
            changed();
        });
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** Called after every change of the form. */
    public void onChange(Runnable r) {
        listeners.add(r);
    }

    /** The labels, label groups, workloads and IP lists the pickers suggest. */
    public void setOptions(ActorOptions options) {
        this.options = options == null ? ActorOptions.EMPTY : options;
    }

    /**
     * Checks every field; the query body when all are right (with dates relative to {@code now}),
     * empty otherwise, each wrong field's reason in its error text.
     */
    public Optional<TrafficQueryRequest> validate(Instant now) {
        errors.values().forEach(e -> e.set(""));
        boolean ok = true;
        List<TrafficServiceFilter> include = List.of();
        List<TrafficServiceFilter> exclude = List.of();
        try {
            include = ServiceFilters.parse(servicesInclude.get());
        } catch (IllegalArgumentException e) {
            errors.get(Field.SERVICES_INCLUDE).set(e.getMessage());
            ok = false;
        }
        try {
            exclude = ServiceFilters.parse(servicesExclude.get());
        } catch (IllegalArgumentException e) {
            errors.get(Field.SERVICES_EXCLUDE).set(e.getMessage());
            ok = false;
        }
        Integer max = null;
        String m = maxResults.get() == null ? "" : maxResults.get().trim().replace(",", "").replace("_", "");
        try {
            max = Integer.parseInt(m);
            if (max < 1 || max > TrafficQueryBuilder.MAX_RESULTS_LIMIT) {
                errors.get(Field.MAX_RESULTS).set("Max results goes from 1 to 200,000 (the PCE's limit).");
                ok = false;
            }
        } catch (NumberFormatException e) {
            errors.get(Field.MAX_RESULTS).set("Max results is a whole number from 1 to 200,000, not '" + maxResults.get() + "'.");
            ok = false;
        }
        Instant[] range = null;
        try {
            range = range(now);
        } catch (IllegalArgumentException e) {
            errors.get(Field.TIME).set(e.getMessage());
            ok = false;
        }
        if (!sources.textProperty().get().isBlank()) {
            ok &= sources.addTyped();
        }
        if (!destinations.textProperty().get().isBlank()) {
            ok &= destinations.addTyped();
        }
        for (EndpointsForm side : List.of(sources, destinations)) {
            for (EndpointFilter f : side.excludes()) {
                if (side.rows().stream().anyMatch(r -> r.size() == 1 && r.get(0).equals(f))) {
                    side.setError(f.text() + " is both included and excluded: remove one of them.");
                    ok = false;
                }
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        List<String> decisions = decisionChosen.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList();
        return Optional.of(new TrafficQueryRequest("Workbench traffic query", iso(range[0]), iso(range[1]),
                either.get() ? "or" : "and", sources.toRequest(), destinations.toRequest(),
                new TrafficQueryRequest.Services(include, exclude, null), decisions, max, true, null));
    }

    private Instant[] range(Instant now) {
        TimePreset p = preset.get();
        if (p != TimePreset.CUSTOM) {
            return new Instant[]{now.minus(p.span()), now};
        }
        Instant start = parseTime(customStart.get(), "start", false);
        Instant end = customEnd.get() == null || customEnd.get().isBlank() ? now : parseTime(customEnd.get(), "end", true);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("The start (" + customStart.get().trim() + ") must be before the end.");
        }
        return new Instant[]{start, end};
    }

    /** {@code 2026-12-01} (midnight, or the day's end for an end date) or {@code 2026-12-01 14:30}, local time. */
    static Instant parseTime(String text, String which, boolean endOfDay) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the " + which + " of the range, e.g. 2026-12-01 or 2026-12-01 14:30.");
        }
        try {
            if (t.length() <= 10) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return LocalDateTime.parse(t.replace('T', ' '), CUSTOM_FORMAT).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a date: type the " + which
                    + " as 2026-12-01 or 2026-12-01 14:30.");
        }
    }

    static String iso(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The form's content without its dates: two equal keys ask the same question (the stale marker
     * compares these, since "last 24 hours" moves with the clock).
     */
    public String key() {
        return sources.summary() + "|" + destinations.summary() + "|" + sources.rows() + sources.excludes() + "|"
                + destinations.rows() + destinations.excludes() + "|" + servicesInclude.get().trim() + "|"
                + servicesExclude.get().trim() + "|" + decisionChosen.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList() + "|" + preset.get() + "|" + customStart.get() + "|" + customEnd.get()
                + "|" + maxResults.get().trim() + "|" + either.get();
    }

    /** The keys of {@link #state()}. */
    static final String PRESET = "preset";
    static final String CUSTOM_START = "custom_start";
    static final String CUSTOM_END = "custom_end";
    static final String SERVICES_INCLUDE = "services_include";
    static final String SERVICES_EXCLUDE = "services_exclude";
    static final String MAX_RESULTS = "max_results";
    static final String DESCRIPTION = "description";

    /**
     * What the user typed beyond the query body: the time preset, the custom range's texts (an empty
     * end is "now"), the services and limit fields as typed, and the query in words. With the body,
     * {@link #load(TrafficQueryRequest, NameLookup, Map)} restores the form exactly.
     */
    public Map<String, String> state() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PRESET, preset.get().name());
        m.put(CUSTOM_START, customStart.get());
        m.put(CUSTOM_END, customEnd.get());
        m.put(SERVICES_INCLUDE, servicesInclude.get());
        m.put(SERVICES_EXCLUDE, servicesExclude.get());
        m.put(MAX_RESULTS, maxResults.get());
        m.put(DESCRIPTION, describe());
        return m;
    }

    /**
     * Fills the form from a kept query: the body, then the texts of {@link #state()} as typed (when
     * they still ask what the body asks; otherwise the body alone, its dates as a custom range, or
     * its preset when {@code relativeRange} is one). False when the texts had to be dropped.
     */
    public boolean load(TrafficQueryRequest q, NameLookup lookup, Map<String, String> state, java.time.Duration relativeRange) {
        load(q, lookup);
        if (relativeRange != null) {
            for (TimePreset p : TimePreset.values()) {
                if (relativeRange.equals(p.span())) {
                    preset.set(p);
                }
            }
        }
        if (state == null || state.isEmpty()) {
            return true;
        }
        TimePreset p;
        try {
            p = TimePreset.valueOf(state.getOrDefault(PRESET, preset.get().name()));
        } catch (IllegalArgumentException e) {
            p = preset.get();
        }
        customStart.set(state.getOrDefault(CUSTOM_START, customStart.get()));
        customEnd.set(state.getOrDefault(CUSTOM_END, customEnd.get()));
        servicesInclude.set(state.getOrDefault(SERVICES_INCLUDE, servicesInclude.get()));
        servicesExclude.set(state.getOrDefault(SERVICES_EXCLUDE, servicesExclude.get()));
        maxResults.set(state.getOrDefault(MAX_RESULTS, maxResults.get()));
        preset.set(p);
        Optional<TrafficQueryRequest> again = validate(Instant.now());
        errors.values().forEach(e -> e.set(""));
        if (again.isPresent() && same(again.get(), q)) {
            return true;
        }
        load(q, lookup); // texts that no longer say what the query asks: the body wins
        return false;
    }

    private static boolean same(TrafficQueryRequest a, TrafficQueryRequest b) {
        return a.withDates(null, null).withQueryName(null).equals(b.withDates(null, null).withQueryName(null));
    }

    /** Fills the form from an earlier query's parameters (its dates as a custom range). */
    public void load(TrafficQueryRequest q, NameLookup lookup) {
        sources.load(q.sources(), lookup);
        destinations.load(q.destinations(), lookup);
        servicesInclude.set(q.services() == null ? "" : ServiceFilters.text(q.services().include()));
        servicesExclude.set(q.services() == null ? "" : ServiceFilters.text(q.services().exclude()));
        decisionChosen.forEach((k, p) -> p.set(q.policyDecisions().contains(k)));
        maxResults.set(String.valueOf(q.maxResults() == null ? 100_000 : q.maxResults()));
        either.set("or".equals(q.sourcesDestinationsQueryOp()));
        customStart.set(local(q.startDate()));
        customEnd.set(local(q.endDate()));
        preset.set(TimePreset.CUSTOM);
        errors.values().forEach(e -> e.set(""));
    }

    private static String local(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return CUSTOM_FORMAT.format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Everything back to its defaults. */
    public void clear() {
        sources.clear();
        destinations.clear();
        servicesInclude.set("");
        servicesExclude.set("");
        decisionChosen.values().forEach(p -> p.set(false));
        preset.set(TimePreset.LAST_DAY);
        customStart.set("");
        customEnd.set("");
        maxResults.set(DEFAULT_MAX_RESULTS);
        either.set(false);
        errors.values().forEach(e -> e.set(""));
    }

    /** A one-line description of the query, for the status line, saved queries and the last-10 list. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("from " + sources.summary());
        parts.add((either.get() ? "or to " : "to ") + destinations.summary());
        if (!servicesInclude.get().isBlank()) {
            parts.add("on " + servicesInclude.get().trim());
        }
        if (!servicesExclude.get().isBlank()) {
            parts.add("not on " + servicesExclude.get().trim());
        }
        List<String> d = decisionChosen.entrySet().stream().filter(e -> e.getValue().get())
                .map(e -> DECISIONS.get(e.getKey()).toLowerCase(Locale.ROOT)).toList();
        if (!d.isEmpty()) {
            parts.add(String.join(" or ", d));
        }
        parts.add(preset.get() == TimePreset.CUSTOM ? customStart.get() + " to "
                + (customEnd.get().isBlank() ? "now" : customEnd.get()) : preset.get().toString().toLowerCase(Locale.ROOT));
        // Two queries that differ only in their limit must not read alike in the recent list.
        String max = maxResults.get() == null ? "" : maxResults.get().trim();
        if (!max.isEmpty() && !max.replace(",", "").replace("_", "").equals(DEFAULT_MAX_RESULTS)) {
            parts.add("up to " + max + " flows");
        }
        return String.join(", ", parts);
    }

    public EndpointsForm sources() {
        return sources;
    }

    public EndpointsForm destinations() {
        return destinations;
    }

    public StringProperty servicesIncludeProperty() {
        return servicesInclude;
    }

    public StringProperty servicesExcludeProperty() {
        return servicesExclude;
    }

    public BooleanProperty decisionProperty(String decision) {
        return decisionChosen.get(decision);
    }

    public ObjectProperty<TimePreset> presetProperty() {
        return preset;
    }

    public StringProperty customStartProperty() {
        return customStart;
    }

    public StringProperty customEndProperty() {
        return customEnd;
    }

    public StringProperty maxResultsProperty() {
        return maxResults;
    }

    /** OR between sources and destinations (either may match) instead of AND. */
    public BooleanProperty eitherProperty() {
        return either;
    }

    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }
}
