package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.policy.diff.ChangeKind;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One pending change as the Provision view lists it: its type (the PCE's collection name), name,
 * change (added, modified, deleted), who changed it and when, whether the user may provision it
 * (its {@code caps}), and whether it is checked for the next action.
 */
public final class PendingRow {
    /** The capability the PCE gives on an object the user may provision (and revert). */
    static final String PROVISION_CAP = "provision";

    private final String type;
    private final PendingChange change;
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");

    PendingRow(String type, PendingChange change) {
        this.type = type;
        this.change = change;
    }

    /** The PCE's type, e.g. {@code rule_sets}. */
    public String type() {
        return type;
    }

    /** "Rule sets". */
    public String typeText() {
        return ChangeTypes.heading(type);
    }

    public String href() {
        return change.href();
    }

    /** The href without its version, to match diffs and dependencies. */
    String key() {
        return change.href() == null ? "" : Hrefs.neutral(change.href());
    }

    /** The object's name; for an object without one (firewall settings), its type. */
    public String name() {
        return change.name() != null && !change.name().isBlank() ? change.name() : ChangeTypes.heading(type);
    }

    public ChangeKind kind() {
        return ChangeTypes.kind(change.updateType());
    }

    /** "Added", "Modified", "Deleted". */
    public String changeText() {
        return ChangeTypes.word(kind());
    }

    public String who() {
        return Texts.who(change.updatedBy());
    }

    public String when() {
        return Texts.when(change.updatedAt());
    }

    /**
     * Whether the PCE lets this user provision (and so revert) the object: its {@code caps} hold
     * {@code provision}. A PCE that sends no caps leaves the decision to itself.
     */
    public boolean mayProvision() {
        return change.caps().isEmpty() || change.caps().contains(PROVISION_CAP);
    }

    /** "RS-Web (rule set)". */
    public String label() {
        return name() + " (" + ChangeTypes.singular(type) + ")";
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public boolean isChecked() {
        return checked.get();
    }

    @Override
    public String toString() {
        return label();
    }
}
