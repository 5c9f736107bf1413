package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.ValidationDecorations;
import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/** The rule set form, bound to {@link RuleSetEditorViewModel}: name, description, enabled and scopes. */
final class RuleSetForm {
    private final ScrollPane root;

    RuleSetForm(RuleSetsViewModel vm) {
        RuleSetEditorViewModel f = vm.ruleSetEditor();
        ValidationDecorations<FormField> deco = new ValidationDecorations<>(f.messages().errors(), f.messages()::messageProperty);
        Label title = FormParts.title("ruleSetFormTitle");
        title.textProperty().bind(f.titleProperty());
        TextField name = new TextField();
        name.setId("ruleSetNameField");
        name.textProperty().bindBidirectional(f.nameProperty());
        deco.register(name, FormField.NAME);
        TextArea description = new TextArea();
        description.setId("ruleSetDescriptionField");
        description.setPrefRowCount(2);
        description.textProperty().bindBidirectional(f.descriptionProperty());
        CheckBox enabled = FormParts.check("ruleSetEnabledBox", "Enabled", f.enabledProperty());

        VBox scopes = new VBox(4);
        scopes.setId("scopesList");
        Runnable rebuild = () -> {
            scopes.getChildren().clear();
            for (int i = 0; i < f.scopes().size(); i++) {
                int index = i;
                List<Name> scope = f.scopes().get(i);
                Button remove = new Button("Remove");
                remove.getStyleClass().add(Styles.FLAT);
                remove.setOnAction(e -> f.removeScope(index));
                scopes.getChildren().add(new HBox(6, ChipViews.row(scope, ChipViews.Opener.NONE, Names.ALL_SCOPE), remove));
            }
            if (f.scopes().isEmpty()) {
                scopes.getChildren().add(new Label("No scope: the rule set applies to all workloads (global scope)."));
            }
        };
        f.scopes().addListener((ListChangeListener<List<Name>>) c -> rebuild.run());
        rebuild.run();
        HBox picker = ActorPicker.of("scopePicker", vm.namesProperty(),
                RuleSetEditorViewModel::canScope, f::addToScopeDraft, false);
        deco.register(ActorPicker.searchField(picker), FormField.SCOPES);
        Button addScope = new Button("Add scope");
        addScope.setId("addScopeButton");
        addScope.setOnAction(e -> f.addScope());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> f.clearScopeDraft());

        Button save = FormParts.save("Save rule set", "saveRuleSetButton", f.messages(), vm);
        Button cancel = FormParts.cancel(vm);
        VBox box = new VBox(8, title, new Label("Name"), name, deco.messageLabel(FormField.NAME, "ruleSetNameMessage"),
                new Label("Description"), description, enabled,
                FormParts.section("Scopes"), scopes, new Label("Compose a scope (one label or label group of each type):"),
                ChipViews.editable(f.scopeDraft(), "scopeDraftChips"), picker, new HBox(6, addScope, clear),
                deco.messageLabel(FormField.SCOPES, "scopesMessage"), new HBox(8, save, cancel));
        root = FormParts.scrolling(box, "ruleSetForm");
    }

    Node root() {
        return root;
    }
}
