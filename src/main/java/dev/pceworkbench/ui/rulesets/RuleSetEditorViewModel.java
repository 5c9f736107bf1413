package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule set form: name, description, enabled and scopes. A scope is composed in
 * {@link #scopeDraft()} and added with {@link #addScope()}; no scope at all means the global scope
 * (All). Validation: a name that no other rule set has, and scopes of labels and label groups with
 * at most one of each label type.
 */
public final class RuleSetEditorViewModel {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ObservableList<List<Name>> scopes = FXCollections.observableArrayList();
    private final ObservableList<Name> scopeDraft = FXCollections.observableArrayList();
    private final FormMessages messages = new FormMessages();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private Set<String> otherNames = Set.of();
    private RuleSet original;
    private boolean loading;

    public RuleSetEditorViewModel() {
        for (Observable o : new Observable[]{name, description, enabled, scopes, scopeDraft}) {
            o.addListener(x -> {
                if (!loading) {
                    validate();
                }
            });
        }
    }

    /** The form for {@code rs} (null: a new rule set); {@code allNames} are the names of every rule set. */
    public void load(RuleSet rs, ActorNames names, List<String> allNames) {
        loading = true;
        try {
            original = rs;
            Set<String> others = new HashSet<>();
            for (String n : allNames) {
                if (n != null && (rs == null || !n.equals(rs.name()))) {
                    others.add(n.toLowerCase(Locale.ROOT));
                }
            }
            otherNames = others;
            name.set(rs == null ? "" : rs.name());
            description.set(rs == null || rs.description() == null ? "" : rs.description());
            enabled.set(rs == null || !Boolean.FALSE.equals(rs.enabled()));
            scopes.clear();
            if (rs != null) {
                for (List<ScopeEntry> s : rs.scopes()) {
                    if (!s.isEmpty()) {
                        scopes.add(List.copyOf(names.scope(s)));
                    }
                }
            }
            scopeDraft.clear();
            title.set(rs == null ? "New rule set" : "Edit rule set " + rs.name());
        } finally {
            loading = false;
        }
        validate();
    }

    public void addToScopeDraft(Name n) {
        if (n != null && canScope(n) && !scopeDraft.contains(n)) {
            scopeDraft.add(n);
        }
    }

    /** What a scope can hold: labels and label groups (the scope picker offers only these). */
    public static boolean canScope(Name n) {
        return n.kind() == ObjectKind.LABEL || n.kind() == ObjectKind.LABEL_GROUP;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Adds the scope being composed (if any) to the scopes. */
    public void addScope() {
        if (!scopeDraft.isEmpty()) {
            scopes.add(List.copyOf(scopeDraft));
            scopeDraft.clear();
        }
    }

    public void removeScope(int index) {
        if (index >= 0 && index < scopes.size()) {
            scopes.remove(index);
        }
    }

    /** The rule set's own fields as the form says (rules untouched). */
    public RuleSet toRuleSet() {
        List<List<ScopeEntry>> out = new ArrayList<>();
        for (List<Name> s : scopes) {
            out.add(s.stream().map(Actors::scopeEntry).toList());
        }
        if (out.isEmpty()) {
            out.add(List.of());
        }
        RuleSet base = original != null ? original : RuleSet.of(null, out);
        String desc = description.get() == null || description.get().isBlank() ? null : description.get().trim();
        return base.withName(name.get().trim()).withDescription(desc).withEnabled(enabled.get()).withScopes(out);
    }

    /** The body of the create or update: only the rule set's own fields. */
    public Map<String, Object> body() {
        RuleSet rs = toRuleSet();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", rs.name());
        b.put("description", rs.description() == null ? "" : rs.description());
        b.put("enabled", rs.enabled());
        b.put("scopes", rs.scopes());
        return b;
    }

    private void validate() {
        FormMessages.Builder b = new FormMessages.Builder();
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            b.add(FormField.NAME, "Give the rule set a name, e.g. RS-HRM-Prod.");
        } else if (otherNames.contains(n.toLowerCase(Locale.ROOT))) {
            b.add(FormField.NAME, "Another rule set is already called '" + n + "': rule set names must be unique.");
        }
        List<List<Name>> all = new ArrayList<>(scopes);
        if (!scopeDraft.isEmpty()) {
            all.add(scopeDraft);
        }
        for (int i = 0; i < all.size(); i++) {
            Set<String> keys = new HashSet<>();
            for (Name c : all.get(i)) {
                if (c.key() != null && !keys.add(c.key())) {
                    b.add(FormField.SCOPES, "Scope " + (i + 1) + " has two '" + c.key() + "' entries; a scope takes one "
                            + "label or label group of each type.");
                }
            }
        }
        if (!scopeDraft.isEmpty()) {
            b.add(FormField.SCOPES, "Press 'Add scope' to add the scope being composed, or clear it.");
        }
        messages.set(b.build());
    }

    public boolean isNew() {
        return original == null;
    }

    public RuleSet original() {
        return original;
    }

    public void clearScopeDraft() {
        scopeDraft.clear();
    }

    public FormMessages messages() {
        return messages;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObservableList<List<Name>> scopes() {
        return scopes;
    }

    public ObservableList<Name> scopeDraft() {
        return scopeDraft;
    }
}
