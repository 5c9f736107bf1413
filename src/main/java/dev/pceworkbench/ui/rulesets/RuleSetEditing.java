package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editing commands of the rulesets view ({@link RuleSetsViewModel#edits()}): opening the forms
 * (draft only), saving them, and deleting rules, custom iptables rules and rule sets. A save sends
 * nothing while the form is invalid; a delete nothing until the user confirms it. Otherwise the
 * change is made in the draft in a background task, the workspace is told (which reloads every view
 * of the draft, this one included, reselecting what was saved) and the form closes. A refusal by the
 * PCE shows the PCE's own message and keeps the form as the user left it.
 */
public final class RuleSetEditing {
    private final RuleSetsViewModel vm;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    RuleSetEditing(RuleSetsViewModel vm) {
        this.vm = vm;
    }

    private boolean draftShown() {
        if (!vm.editableProperty().get()) {
            vm.dialogs.notify("Only the draft can be edited: choose 'draft' as the policy version first.");
            return false;
        }
        return true;
    }

    private RuleSetRow selectedOrNotify() {
        RuleSetRow row = vm.selectedProperty().get();
        if (row == null) {
            vm.dialogs.notify("Select a rule set first.");
        } else if (row.deleted()) {
            vm.dialogs.notify(deletedNote(row.ruleSet()));
            return null;
        }
        return row;
    }

    private static String deletedNote(RuleSet rs) {
        return "The rule set '" + rs.name() + "' is deleted in the draft: it cannot be changed until the deletion"
                + " is provisioned or reverted.";
    }

    public void newRuleSet() {
        if (draftShown()) {
            vm.ruleSetEditor().load(null, vm.names(), names());
            vm.editingProperty().set(Editing.RULE_SET);
        }
    }

    public void editRuleSet() {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            vm.ruleSetEditor().load(row.ruleSet(), vm.names(), names());
            vm.editingProperty().set(Editing.RULE_SET);
        }
    }

    public void newRule(boolean extraScope) {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            vm.ruleEditor().loadNew(row.ruleSet(), extraScope, vm.names(), vm.ruleContext(null));
            vm.editingProperty().set(Editing.RULE);
        }
    }

    public void editRule(RuleRow r) {
        if (draftShown() && r != null && notDeleted(r.ruleSet())) {
            vm.ruleEditor().load(r.ruleSet(), r.rule(), vm.names(), vm.ruleContext(r.rule().href()));
            vm.editingProperty().set(Editing.RULE);
        }
    }

    public void newIpTablesRule() {
        RuleSetRow row;
        if (draftShown() && (row = selectedOrNotify()) != null) {
            vm.ipTablesEditor().load(row.ruleSet(), null, vm.names());
            vm.editingProperty().set(Editing.IP_TABLES);
        }
    }

    public void editIpTablesRule(IpTablesRule rule) {
        RuleSetRow row;
        if (draftShown() && rule != null && (row = selectedOrNotify()) != null) {
            vm.ipTablesEditor().load(row.ruleSet(), rule, vm.names());
            vm.editingProperty().set(Editing.IP_TABLES);
        }
    }

    private boolean notDeleted(RuleSet rs) {
        if ("delete".equals(rs.updateType())) {
            vm.dialogs.notify(deletedNote(rs));
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
        if (vm.dialogs.confirm("Delete rule", "Delete the rule " + RuleDescriptions.describe(r.rule(), vm.names())
                + " from the rule set '" + r.ruleSet().name() + "'?" + PENDING_NOTE)) {
            run("Deleting a rule", "The PCE refused to delete the rule", (client, token) -> {
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
        if (vm.dialogs.confirm("Delete custom iptables rule", "Delete the custom iptables rule "
                + RuleDescriptions.describe(rule) + " from the rule set '" + rs.name() + "'?" + PENDING_NOTE)) {
            run("Deleting a custom iptables rule", "The PCE refused to delete the custom iptables rule", (client, token) -> {
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
        if (vm.dialogs.confirm("Delete rule set", "Delete the rule set '" + rs.name() + "' with its "
                + row.totalRules() + (row.totalRules() == 1 ? " rule?" : " rules?") + PENDING_NOTE)) {
            run("Deleting a rule set", "The PCE refused to delete the rule set", (client, token) -> {
                client.ruleSets().delete(rs.href(), token);
                return rs.href();
            }, null);
        }
    }

    private static final String PENDING_NOTE = "\nThe deletion is a draft change: it stays pending until it is provisioned.";

    private List<String> names() {
        return vm.allRuleSets().stream().map(RuleSetRow::name).toList();
    }

    /** Saves the open form; returns false (sending nothing) while it is invalid. */
    public boolean save() {
        return switch (vm.editingProperty().get()) {
            case RULE -> saveRule();
            case RULE_SET -> saveRuleSet();
            case IP_TABLES -> saveIpTables();
            case NONE -> false;
        };
    }

    private boolean saveRule() {
        RuleEditorViewModel form = vm.ruleEditor();
        if (!form.messages().isValid()) {
            return false;
        }
        SecRule rule = form.toRule();
        String rs = form.ruleSet().href();
        run(form.isNew() ? "Creating a rule" : "Saving the rule", "The PCE refused the rule", (client, token) -> {
            if (form.isNew()) {
                return client.rules(rs).create(rule, token).href();
            }
            client.rules(rs).update(rule.href(), rule, token);
            return rule.href();
        }, rs);
        return true;
    }

    private boolean saveRuleSet() {
        RuleSetEditorViewModel form = vm.ruleSetEditor();
        if (!form.messages().isValid()) {
            return false;
        }
        Map<String, Object> body = form.body();
        RuleSet original = form.original();
        run(original == null ? "Creating a rule set" : "Saving the rule set", "The PCE refused the rule set", (client, token) -> {
            if (original == null) {
                return client.ruleSets().create(body, token).href();
            }
            client.ruleSets().update(original.href(), body, token);
            return original.href();
        }, null);
        return true;
    }

    private boolean saveIpTables() {
        IpTablesEditorViewModel form = vm.ipTablesEditor();
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
        run("Saving custom iptables rules", "The PCE refused the custom iptables rule", (client, token) -> {
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

    private void run(String title, String refusal, Send send, String ruleSetHref) {
        saving.set(true);
        BackgroundTask<String> task = BackgroundTask.<String>of(title, ctx -> {
                    ctx.message(title);
                    return send.send(vm.workspace.client(), ctx.token());
                })
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(href -> {
                    vm.editingProperty().set(Editing.NONE);
                    boolean isRule = ruleSetHref != null && href != null && !href.equals(ruleSetHref);
                    vm.reloadSelecting(ruleSetHref != null ? ruleSetHref : href, isRule ? href : null);
                })
                .onFailure(e -> vm.dialogs.showError(refusal, e))
                .onFinished(() -> saving.set(false));
        vm.executor.execute(task);
    }

    /** Closes the open form without saving. */
    public void cancel() {
        vm.editingProperty().set(Editing.NONE);
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
