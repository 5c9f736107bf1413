package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.TrafficEndpointFilter;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sources or the destinations of the query builder: include rows (every filter of a row must
 * match, any row may) and excludes (any of them leaves a flow out), and the picker that adds to
 * them: typed text resolved against the workspace's labels, label groups, workloads and IP lists
 * ({@link ActorOptions}), or an IP address, a CIDR block, {@code broadcast} or {@code multicast}.
 * What cannot be added is refused with a reason in {@link #errorProperty()}.
 */
public final class EndpointsForm {
    /** Where the picker adds: to an include row (0-based), to a new row, or to the excludes. */
    public record Target(int row, boolean exclude) {
        public static final Target NEW_ROW = new Target(-1, false);
        public static final Target EXCLUDE = new Target(-1, true);

        @Override
        public String toString() {
            return exclude ? "Exclude" : row < 0 ? "Include (new row: OR)" : "Include in row " + (row + 1) + " (AND)";
        }
    }

    private final String side;
    private final Supplier<ActorOptions> options;
    private final ObservableList<ObservableList<EndpointFilter>> rows = FXCollections.observableArrayList();
    private final ObservableList<EndpointFilter> excludes = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.NEW_ROW);
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<Runnable> changeListeners = new ArrayList<>();

    EndpointsForm(String side, Supplier<ActorOptions> options) {
        this.side = side;
        this.options = options;
        rows.addListener((ListChangeListener<ObservableList<EndpointFilter>>) c -> {
            updateTargets();
            changed();
        });
        excludes.addListener((ListChangeListener<EndpointFilter>) c -> changed());
        text.addListener((o, a, b) -> error.set(""));
        updateTargets();
    }

    void onChange(Runnable r) {
        changeListeners.add(r);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    private void updateTargets() {
        Target chosen = target.get();
        List<Target> t = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            t.add(new Target(i, false));
        }
        t.add(Target.NEW_ROW);
        t.add(Target.EXCLUDE);
        targets.setAll(t);
        target.set(t.contains(chosen) ? chosen : Target.NEW_ROW);
    }

    /** Suggestions for what was typed (labels, label groups, workloads, IP lists). */
    public List<ActorOption> suggest(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return options.get().suggest(typed, 20).stream().filter(o -> EndpointFilter.of(o).isPresent()).toList();
    }

    /** Adds a picked suggestion to the chosen target. */
    public void addPicked(ActorOption o) {
        EndpointFilter.of(o).ifPresentOrElse(f -> {
            add(f, target.get());
            text.set("");
        }, () -> error.set(o.text() + " cannot filter traffic; pick a label, label group, workload or IP list."));
    }

    /** Adds what was typed; false (with the reason in {@link #errorProperty()}) when it names nothing. */
    public boolean addTyped() {
        String t = text.get() == null ? "" : text.get().trim();
        if (t.isEmpty()) {
            error.set("Type a label, label group, workload, IP list, IP address, CIDR block, broadcast or multicast.");
            return false;
        }
        Optional<EndpointFilter> f = resolve(t);
        if (f.isEmpty()) {
            error.set("'" + t + "' is not a label, label group, workload or IP list of this PCE, nor an IP address, "
                    + "CIDR block (10.0.0.0/8), broadcast or multicast: pick one from the suggestions.");
            return false;
        }
        add(f.get(), target.get());
        text.set("");
        return true;
    }

    Optional<EndpointFilter> resolve(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("broadcast") || lower.equals("multicast")) {
            return Optional.of(EndpointFilter.transmission(lower));
        }
        if (t.contains("/") && IpAddress.block(t) != null) {
            return Optional.of(EndpointFilter.ip(t));
        }
        return options.get().resolve(t).flatMap(EndpointFilter::of);
    }

    /** Adds {@code f} to an include row, a new row or the excludes (a filter already there is not added twice). */
    public void add(EndpointFilter f, Target where) {
        error.set("");
        if (where.exclude()) {
            if (!excludes.contains(f)) {
                excludes.add(f);
            }
            return;
        }
        if (where.row() < 0 || where.row() >= rows.size()) {
            ObservableList<EndpointFilter> row = FXCollections.observableArrayList(f);
            row.addListener((ListChangeListener<EndpointFilter>) c -> changed());
            rows.add(row);
            target.set(new Target(rows.size() - 1, false));
        } else if (!rows.get(where.row()).contains(f)) {
            rows.get(where.row()).add(f);
        }
    }

    /** Removes a filter from wherever it is; an include row left empty goes. */
    public void remove(EndpointFilter f) {
        excludes.remove(f);
        for (int i = rows.size() - 1; i >= 0; i--) {
            rows.get(i).remove(f);
            if (rows.get(i).isEmpty()) {
                rows.remove(i);
            }
        }
    }

    public void clear() {
        rows.clear();
        excludes.clear();
        text.set("");
        error.set("");
    }

    /** The PCE's form: {@code include} is {@code [[]]} (anything) when there are no rows. */
    TrafficQueryRequest.Endpoints toRequest() {
        List<List<TrafficEndpointFilter>> include = new ArrayList<>();
        for (List<EndpointFilter> row : rows) {
            include.add(row.stream().map(EndpointFilter::filter).toList());
        }
        if (include.isEmpty()) {
            include.add(List.of());
        }
        return new TrafficQueryRequest.Endpoints(include, excludes.stream().map(EndpointFilter::filter).toList(), null);
    }

    /** Sets the rows and excludes from an earlier query's parameters. */
    void load(TrafficQueryRequest.Endpoints e, NameLookup lookup) {
        clear();
        if (e == null) {
            return;
        }
        for (List<TrafficEndpointFilter> row : e.include()) {
            boolean first = true;
            for (TrafficEndpointFilter f : row) {
                Optional<EndpointFilter> ef = EndpointFilter.from(f, lookup);
                if (ef.isPresent()) {
                    add(ef.get(), first ? Target.NEW_ROW : new Target(rows.size() - 1, false));
                    first = false;
                }
            }
        }
        for (TrafficEndpointFilter f : e.exclude()) {
            EndpointFilter.from(f, lookup).ifPresent(excludes::add);
        }
        target.set(Target.NEW_ROW);
    }

    /** "sources" or "destinations". */
    public String side() {
        return side;
    }

    public ObservableList<ObservableList<EndpointFilter>> rows() {
        return rows;
    }

    public ObservableList<EndpointFilter> excludes() {
        return excludes;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message);
    }

    /** The filters in words, e.g. {@code (app: CRM AND env: Prod) OR IP list Corp; not 10.0.0.0/8}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (List<EndpointFilter> row : rows) {
            String r = String.join(" AND ", row.stream().map(EndpointFilter::text).toList());
            parts.add(rows.size() > 1 && row.size() > 1 ? "(" + r + ")" : r);
        }
        String s = parts.isEmpty() ? "any" : String.join(" OR ", parts);
        if (!excludes.isEmpty()) {
            s += "; not " + String.join(", ", excludes.stream().map(EndpointFilter::text).toList());
        }
        return s;
    }
}
