package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.ui.rulesearch.SearchRequest.ActorFilterItem;
import dev.pceworkbench.ui.rulesearch.SearchRequest.Flag;
import dev.pceworkbench.ui.rulesearch.SearchRequest.KindFilter;
import dev.pceworkbench.ui.rulesearch.SearchRequest.Side;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The rule search form's state, part of {@link RuleSearchViewModel}: the policy version, basic or
 * advanced mode, the basic text, the advanced criteria (ports, description, actor filters picked
 * from the searchable {@link ActorOptions} or typed as IP addresses, match all or any, flags), and
 * the message explaining what is wrong with the input. {@link #request()} freezes it.
 */
public final class SearchForm {
    private final StringProperty version = new SimpleStringProperty(this, "version", "draft");
    private final BooleanProperty basicMode = new SimpleBooleanProperty(this, "basicMode", false);
    private final StringProperty basicText = new SimpleStringProperty(this, "basicText", "");
    private final StringProperty ports = new SimpleStringProperty(this, "ports", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty actorText = new SimpleStringProperty(this, "actorText", "");
    private final ObjectProperty<Side> actorSide = new SimpleObjectProperty<>(this, "actorSide", Side.PROVIDER);
    private final ObservableList<ActorFilterItem> filters = FXCollections.observableArrayList();
    private final ObjectProperty<RuleSearch.Match> match = new SimpleObjectProperty<>(this, "match", RuleSearch.Match.ALL);
    private final BooleanProperty resolveActors = new SimpleBooleanProperty(this, "resolveActors", false);
    private final ObjectProperty<Flag> enabled = new SimpleObjectProperty<>(this, "enabled", Flag.ANY);
    private final ObjectProperty<Flag> stateless = new SimpleObjectProperty<>(this, "stateless", Flag.ANY);
    private final ObjectProperty<KindFilter> kind = new SimpleObjectProperty<>(this, "kind", KindFilter.ANY);
    private final BooleanProperty activeOnly = new SimpleBooleanProperty(this, "activeOnly", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private volatile ActorOptions options = ActorOptions.EMPTY;

    /** Up to 40 options for what the user typed in the actor field (any thread). */
    public List<ActorOption> suggest(String typed) {
        return options.suggest(typed, 40);
    }

    /** Adds the actor typed (or picked) to the filters, on the chosen side; false with a message when it is unknown. */
    public boolean addActor() {
        String typed = pendingActor();
        if (typed.isEmpty()) {
            error.set("Type a label, label group, workload, IP list or IP address, then press Add.");
            return false;
        }
        var found = options.resolve(typed);
        if (found.isEmpty()) {
            error.set(unknownActor(typed));
            return false;
        }
        add(found.get());
        return true;
    }

    /** Adds a suggestion the user picked (Enter on it, or a click), on the chosen side. */
    public void addPicked(ActorOption option) {
        if (option != null) {
            add(option);
        }
    }

    private void add(ActorOption option) {
        ActorFilterItem item = new ActorFilterItem(actorSide.get(), option);
        if (!filters.contains(item)) {
            filters.add(item);
        }
        actorText.set("");
        error.set("");
    }

    /** The actor text typed but not yet added (trimmed; empty when none). */
    public String pendingActor() {
        return actorText.get() == null ? "" : actorText.get().trim();
    }

    /** Why typed text is not an actor, saying how to fix it. */
    String unknownActor(String typed) {
        return options.isEmpty() ? "'" + typed + "' cannot be looked up yet: the labels and workloads are still "
                + "loading; try again in a moment."
                : "'" + typed + "' is not a label, label group, workload, IP list or IP address \u2014 pick a "
                + "suggestion (e.g. 'role: Web') or remove it.";
    }

    /** Runs {@code listener} whenever anything a search depends on changes (not the actor text being typed). */
    public void onChange(Runnable listener) {
        javafx.beans.InvalidationListener l = o -> listener.run();
        for (javafx.beans.Observable o : List.of(version, basicMode, basicText, ports, description, actorSide, match,
                resolveActors, enabled, stateless, kind, activeOnly)) {
            o.addListener(l);
        }
        filters.addListener(l);
    }

    public void removeFilter(ActorFilterItem item) {
        filters.remove(item);
    }

    /** The form as it is now, frozen. */
    public SearchRequest request() {
        return new SearchRequest(version.get(), basicMode.get(), basicText.get(), ports.get(), description.get(),
                List.copyOf(filters), match.get(), resolveActors.get(), enabled.get(), stateless.get(), kind.get(),
                activeOnly.get());
    }

    void setOptions(ActorOptions options) {
        this.options = options;
    }

    public ActorOptions options() {
        return options;
    }

    void setError(String message) {
        error.set(message);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty versionProperty() {
        return version;
    }

    public BooleanProperty basicModeProperty() {
        return basicMode;
    }

    public StringProperty basicTextProperty() {
        return basicText;
    }

    public StringProperty portsProperty() {
        return ports;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty actorTextProperty() {
        return actorText;
    }

    public ObjectProperty<Side> actorSideProperty() {
        return actorSide;
    }

    public ObservableList<ActorFilterItem> filters() {
        return filters;
    }

    /** How the match choice reads: "Match all filters" or "Match any filter". */
    public static String matchText(RuleSearch.Match m) {
        return m == RuleSearch.Match.ANY ? "Match any filter" : "Match all filters";
    }

    /** The match a {@link #matchText} names. */
    public static RuleSearch.Match match(String text) {
        return matchText(RuleSearch.Match.ANY).equals(text) ? RuleSearch.Match.ANY : RuleSearch.Match.ALL;
    }

    public ObjectProperty<RuleSearch.Match> matchProperty() {
        return match;
    }

    public BooleanProperty resolveActorsProperty() {
        return resolveActors;
    }

    public ObjectProperty<Flag> enabledProperty() {
        return enabled;
    }

    public ObjectProperty<Flag> statelessProperty() {
        return stateless;
    }

    public ObjectProperty<KindFilter> kindProperty() {
        return kind;
    }

    public BooleanProperty activeOnlyProperty() {
        return activeOnly;
    }
}
