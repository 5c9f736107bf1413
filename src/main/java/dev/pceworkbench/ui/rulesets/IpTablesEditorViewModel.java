package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.policy.rules.IpTablesRuleCheck;
import dev.pceworkbench.policy.rules.Violation;
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
import java.util.List;

/**
 * The custom iptables rule form: statements typed one per line as {@code table chain parameters}
 * ({@code filter INPUT -p tcp --dport 22 -j ACCEPT}), the IP version, the receiving actors, enabled
 * and description; validated with {@link IpTablesRuleCheck} on every change.
 */
public final class IpTablesEditorViewModel {
    private final StringProperty statements = new SimpleStringProperty(this, "statements", "");
    private final StringProperty ipVersion = new SimpleStringProperty(this, "ipVersion", "4");
    private final ObservableList<Name> actors = FXCollections.observableArrayList();
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final FormMessages messages = new FormMessages();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private RuleSet ruleSet;
    private IpTablesRule original;
    private boolean loading;

    public IpTablesEditorViewModel() {
        for (Observable o : new Observable[]{statements, ipVersion, actors, enabled, description}) {
            o.addListener(x -> {
                if (!loading) {
                    validate();
                }
            });
        }
    }

    /** The form for {@code rule} of {@code rs} (null: a new iptables rule). */
    public void load(RuleSet rs, IpTablesRule rule, ActorNames names) {
        loading = true;
        try {
            ruleSet = rs;
            original = rule;
            StringBuilder text = new StringBuilder();
            if (rule != null) {
                for (IpTablesRule.Statement st : rule.statements()) {
                    text.append(st.tableName()).append(' ').append(st.chainName()).append(' ')
                            .append(st.parameters()).append('\n');
                }
            }
            statements.set(text.toString().strip());
            ipVersion.set(rule == null || rule.ipVersion() == null ? "4" : rule.ipVersion());
            actors.setAll(rule == null ? List.of() : names.actors(rule.actors()));
            enabled.set(rule == null || !Boolean.FALSE.equals(rule.enabled()));
            description.set(rule == null || rule.description() == null ? "" : rule.description());
            title.set(rs == null ? "" : (rule == null ? "New custom iptables rule in " : "Edit custom iptables rule in ") + rs.name());
        } finally {
            loading = false;
        }
        validate();
    }

    public void addActor(Name n) {
        if (n != null && canApplyTo(n) && !actors.contains(n)) {
            actors.add(n);
        }
    }

    /** What a custom iptables rule can apply to: workloads by label, label group or name, or All Workloads. */
    public static boolean canApplyTo(Name n) {
        return switch (n.kind()) {
            case ALL_WORKLOADS, LABEL, LABEL_GROUP, WORKLOAD -> true;
            default -> false;
        };
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The statements typed, one per non-blank line: table, chain, then the parameters. */
    List<IpTablesRule.Statement> parsedStatements() {
        List<IpTablesRule.Statement> out = new ArrayList<>();
        for (String line : statements.get().split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            out.add(new IpTablesRule.Statement(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", null));
        }
        return out;
    }

    /** The rule as the form says. */
    public IpTablesRule toRule() {
        String desc = description.get() == null ? "" : description.get().trim();
        List<dev.pceworkbench.pce.model.Actor> receivers = new ArrayList<>();
        for (Name n : actors) {
            if (canApplyTo(n)) {
                receivers.add(Actors.of(n));
            }
        }
        return new IpTablesRule(original == null ? null : original.href(), enabled.get(), desc, parsedStatements(),
                receivers, ipVersion.get(), original == null ? null : original.extra());
    }

    private void validate() {
        FormMessages.Builder b = new FormMessages.Builder();
        for (Violation v : IpTablesRuleCheck.check(toRule())) {
            b.add(FormField.of(v), v.message());
        }
        messages.set(b.build());
    }

    public boolean isNew() {
        return original == null;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public IpTablesRule original() {
        return original;
    }

    public FormMessages messages() {
        return messages;
    }

    public StringProperty statementsProperty() {
        return statements;
    }

    public StringProperty ipVersionProperty() {
        return ipVersion;
    }

    public ObservableList<Name> actors() {
        return actors;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty descriptionProperty() {
        return description;
    }
}
