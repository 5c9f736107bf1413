package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import dev.pceworkbench.policy.rules.RuleContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The editing commands of the rulesets view ({@link RuleSetsViewModel#edits()}): which form is open
 * and its view model, opening the forms (draft only), saving them, and deleting rules, custom
 * iptables rules and rule sets. A save sends
 * nothing while the form is invalid; a delete nothing until the user confirms it. Otherwise the
 * change is made in the draft in a background task, the workspace is told (which reloads every view
 * of the draft, this one included, reselecting what was saved) and the form closes. A refusal by the
 * PCE shows the PCE's own message and keeps the form as the user left it.
 */
public final class RuleSetEditing {
    /** Called after a save or delete with the rule set (and rule, or null) to select once the draft is reloaded. */
    @FunctionalInterface
    interface Saved {
        void saved(String ruleSetHref, String ruleHref);
    }

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableBooleanValue editable;
    private final ObservableObjectValue<RuleSetRow> selected;
    private final Supplier<ActorNames> names;
    private final Supplier<List<RuleSet>> ruleSets;
    private final Saved saved;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Editing> editing = new ReadOnlyObjectWrapper<>(this, "editing", Editing.NONE);
    private final RuleEditorViewModel ruleEditor = new RuleEditorViewModel();
    private final RuleSetEditorViewModel ruleSetEditor = new RuleSetEditorViewModel();
    private final IpTablesEditorViewModel ipTablesEditor = new IpTablesEditorViewModel();

    /**
     * @param editable  whether the draft is shown (and loaded): only the draft can be edited
     * @param selected  the selected rule set
     * @param names     the current names (for the forms' pickers and chips)
     * @param ruleSets  the loaded rule sets of the version (unique names, the rule checks' context)
     * @param saved     told after every change the PCE accepted
     */
    RuleSetEditing(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, ObservableBooleanValue editable,
                   ObservableObjectValue<RuleSetRow> selected, Supplier<ActorNames> names, Supplier<List<RuleSet>> ruleSets,
                   Saved saved) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.editable = Objects.requireNonNull(editable);
        this.selected = Objects.requireNonNull(selected);
        this.names = Objects.requireNonNull(names);
        this.ruleSets = Objects.requireNonNull(ruleSets);
        this.saved = Objects.requireNonNull(saved);
    }

    private boolean draftShown() {
        if (!editable.get()) {
            dialogs.notify("Only the draft can be edited: choose 'draft' as the policy version first.");
            return false;
        }
        return true;
    }

    private RuleSetRow selectedOrNotify() {
        RuleSetRow row = selected.get();
        if (row == null) {
            dialogs.notify("Select a rule set first.");
        } else if (row.deleted()) {
            dialogs.notify(deletedNote(row.ruleSet()));
            return null;
        }
        return row;
    }

    private static String deletedNote(RuleSet rs) {
        return "The rule set '" + rs.name() + "' is deleted in the draft: it cannot be changed until the deletion"
                + " is provisioned or reverted.";
    }

    /** The draft's rule context for editing {@code ruleHref} (null: a new rule). */
    private RuleContext ruleContext(String ruleHref) {
        return RuleContext.of(names.get().labels(), ruleSets.get(), ruleHref);
    }

    public void newRuleSet() {
        if (draftShown()) {
            ruleSetEditor.load(null, names.get(), ruleSetNames());
            editing.set(Editing.RULE_SET);
        }
    }

    public void editRuleSet() {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            ruleSetEditor.load(row.ruleSet(), names.get(), ruleSetNames());
            editing.set(Editing.RULE_SET);
        }
    }

    public void newRule(boolean extraScope) {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            ruleEditor.loadNew(row.ruleSet(), extraScope, names.get(), ruleContext(null));
            editing.set(Editing.RULE);
        }
    }

    /** Opens the rule editor on a new rule of the selected rule set, prefilled from {@code proposed}. */
    public void proposeRule(SecRule proposed) {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            ruleEditor.loadProposed(row.ruleSet(), proposed, names.get(), ruleContext(null));
            editing.set(Editing.RULE);
        }
    }

    public void editRule(RuleRow r) {
        if (draftShown() && r != null && notDeleted(r.ruleSet())) {
            ruleEditor.load(r.ruleSet(), r.rule(), names.get(), ruleContext(r.rule().href()));
            editing.set(Editing.RULE);
        }
    }

    public void newIpTablesRule() {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            ipTablesEditor.load(row.ruleSet(), null, names.get());
            editing.set(Editing.IP_TABLES);
        }
    }

    public void editIpTablesRule(IpTablesRule rule) {
        RuleSetRow row;
        if (draftShown() && rule != null && (row = selectedOrNotify()) != null) {
            ipTablesEditor.load(row.ruleSet(), rule, names.get());
            editing.set(Editing.IP_TABLES);
        }
    }

    private boolean notDeleted(RuleSet rs) {
        if (rs.pendingDeletion()) {
            dialogs.notify(deletedNote(rs));
            return false;
        }
        return true;
    }

    // --- deleting (draft only, after a confirmation) ------------------------------------------

    /** Deletes the rule {@code r} from its rule set in the draft, once the user confirms. */
    public void deleteRule(RuleRow r) {
        if (!draftShown() || r == null || !notDeleted(r.ruleSet())) {
            return;
        }
        String rs = r.ruleSet().href();
        String rule = r.rule().href();
        String which = "Rule " + (r.ruleSet().rules().indexOf(r.rule()) + 1) + " of '" + r.ruleSet().name() + "'";
        if (dialogs.confirm("Delete rule", which + " " + RuleDescriptions.describe(r.rule(), names.get())
                + " will be deleted in the draft; " + stillActive(r.rule().updateType(), "it stays", "it was"),
                "Delete rule")) {
            run("Deleting a rule", "The PCE refused to delete the rule", which + " deleted in the draft", (client, token) -> {
                client.rules(rs).delete(rule, token);
                return rs;
            }, rs);
        }
    }

    /** Deletes the custom iptables rule {@code rule} of the selected rule set, once the user confirms. */
    public void deleteIpTablesRule(IpTablesRule rule) {
        RuleSetRow row;
        if (!draftShown() || rule == null || (row = selectedOrNotify()) == null) {
            return;
        }
        RuleSet rs = row.ruleSet();
        List<Map<String, Object>> rest = new ArrayList<>();
        for (IpTablesRule r : rs.ipTablesRules()) {
            if (!Objects.equals(r.href(), rule.href())) {
                rest.add(body(r));
            }
        }
        String which = "The custom iptables rule " + RuleDescriptions.describe(rule) + " of '" + rs.name() + "'";
        if (dialogs.confirm("Delete custom iptables rule", which + " will be deleted in the draft; "
                + stillActive(rule.updateType(), "it stays", "it was"), "Delete iptables rule")) {
            run("Deleting a custom iptables rule", "The PCE refused to delete the custom iptables rule",
                    "Custom iptables rule of '" + rs.name() + "' deleted in the draft", (client, token) -> {
                        client.ruleSets().update(rs.href(), Map.of("ip_tables_rules", rest), token);
                        return rs.href();
                    }, rs.href());
        }
    }

    /** Deletes the selected rule set with its rules, once the user confirms. */
    public void deleteRuleSet() {
        RuleSetRow row;
        if (!draftShown() || (row = selectedOrNotify()) == null) {
            return;
        }
        RuleSet rs = row.ruleSet();
        int n = row.totalRules();
        if (dialogs.confirm("Delete rule set", "The rule set '" + rs.name() + "' and its " + n
                + (n == 1 ? " rule" : " rules") + " will be deleted in the draft; "
                + stillActive(rs.updateType(), "they stay", "it was"), "Delete rule set")) {
            run("Deleting a rule set", "The PCE refused to delete the rule set",
                    "Rule set '" + rs.name() + "' deleted in the draft", (client, token) -> {
                        client.ruleSets().delete(rs.href(), token);
                        return rs.href();
                    }, null);
        }
    }

    /**
     * What a draft deletion means for the active policy: an object created in the draft was never
     * provisioned; any other stays active until the deletion is provisioned.
     */
    private static String stillActive(String updateType, String stays, String was) {
        return "create".equals(updateType) ? was + " never provisioned, so the active policy does not change."
                : stays + " active until you provision.";
    }

    private List<String> ruleSetNames() {
        return ruleSets.get().stream().map(RuleSet::name).toList();
    }

    /** Saves the open form; returns false (sending nothing) while it is invalid. */
    public boolean save() {
        return switch (editing.get()) {
            case RULE -> saveRule();
            case RULE_SET -> saveRuleSet();
            case IP_TABLES -> saveIpTables();
            case NONE -> false;
        };
    }

    private boolean saveRule() {
        RuleEditorViewModel form = ruleEditor;
        // What is picked or typed but not added goes with the rule; a port that cannot be read stays flagged.
        if (!form.messages().isValid() || !form.addPending()) {
            return false;
        }
        SecRule rule = form.toRule();
        String rs = form.ruleSet().href();
        String done = (form.isNew() ? "Rule created in '" : "Rule saved in '") + form.ruleSet().name() + "' (draft)";
        run(form.isNew() ? "Creating a rule" : "Saving the rule", "The PCE refused the rule", done, (client, token) -> {
            if (form.isNew()) {
                return client.rules(rs).create(rule, token).href();
            }
            client.rules(rs).update(rule.href(), rule, token);
            return rule.href();
        }, rs);
        return true;
    }

    private boolean saveRuleSet() {
        RuleSetEditorViewModel form = ruleSetEditor;
        if (!form.messages().isValid()) {
            return false;
        }
        Map<String, Object> body = form.body();
        RuleSet original = form.original();
        String done = "Rule set '" + body.get("name") + (original == null ? "' created" : "' saved") + " (draft)";
        run(original == null ? "Creating a rule set" : "Saving the rule set", "The PCE refused the rule set", done,
                (client, token) -> {
            if (original == null) {
                return client.ruleSets().create(body, token).href();
            }
            client.ruleSets().update(original.href(), body, token);
            return original.href();
        }, null);
        return true;
    }

    private boolean saveIpTables() {
        IpTablesEditorViewModel form = ipTablesEditor;
        if (!form.messages().isValid()) {
            return false;
        }
        IpTablesRule edited = form.toRule();
        RuleSet rs = form.ruleSet();
        List<Map<String, Object>> all = new ArrayList<>();
        boolean replaced = false;
        for (IpTablesRule r : rs.ipTablesRules()) {
            boolean same = edited.href() != null && edited.href().equals(r.href());
            all.add(body(same ? edited : r));
            replaced |= same;
        }
        if (!replaced) {
            all.add(body(edited));
        }
        String done = "Custom iptables rule " + (replaced ? "saved" : "created") + " in '" + rs.name() + "' (draft)";
        run("Saving custom iptables rules", "The PCE refused the custom iptables rule", done, (client, token) -> {
            client.ruleSets().update(rs.href(), Map.of("ip_tables_rules", all), token);
            return rs.href();
        }, rs.href());
        return true;
    }

    /** An iptables rule as sent inside its rule set: its href keeps its identity; no server fields. */
    private static Map<String, Object> body(IpTablesRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.href() != null) {
            m.put("href", r.href());
        }
        m.put("enabled", r.enabled());
        m.put("description", r.description() == null ? "" : r.description());
        m.put("statements", r.statements().stream().map(s -> Map.of("table_name", s.tableName(),
                "chain_name", s.chainName(), "parameters", s.parameters())).toList());
        m.put("actors", r.actors());
        m.put("ip_version", r.ipVersion());
        return m;
    }

    /** What a save does on the PCE; returns the href to select afterwards (a rule's or a rule set's). */
    @FunctionalInterface
    interface Send {
        String send(PceClient client, CancellationToken token) throws Exception;
    }

    /** Sends a change in the background; on success closes the form, tells the status bar {@code done}, reloads. */
    private void run(String title, String refusal, String done, Send send, String ruleSetHref) {
        saving.set(true);
        BackgroundTask<String> task = BackgroundTask.<String>of(title, ctx -> {
                    ctx.message(title);
                    return send.send(workspace.client(), ctx.token());
                })
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(href -> {
                    editing.set(Editing.NONE);
                    dialogs.notify(done);
                    boolean isRule = ruleSetHref != null && href != null && !href.equals(ruleSetHref);
                    saved.saved(ruleSetHref != null ? ruleSetHref : href, isRule ? href : null);
                })
                .onFailure(e -> dialogs.showError(refusal, e))
                .onFinished(() -> saving.set(false));
        executor.execute(task);
    }

    /** Closes the open form without saving. */
    public void cancel() {
        editing.set(Editing.NONE);
    }

    /** Opens the custom iptables rule {@code rule} in its form, when the draft is shown (otherwise nothing). */
    public void openIpTablesRule(IpTablesRule rule) {
        if (editable.get()) {
            editIpTablesRule(rule);
        }
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Which form is open. */
    public ReadOnlyObjectProperty<Editing> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public RuleEditorViewModel ruleEditor() {
        return ruleEditor;
    }

    public RuleSetEditorViewModel ruleSetEditor() {
        return ruleSetEditor;
    }

    public IpTablesEditorViewModel ipTablesEditor() {
        return ipTablesEditor;
    }
}
