package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.ValidationDecorations;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The custom iptables rule form, bound to {@link IpTablesEditorViewModel}. */
final class IpTablesForm {
    private final ScrollPane root;

    IpTablesForm(RuleSetsViewModel vm) {
        IpTablesEditorViewModel f = vm.ipTablesEditor();
        ValidationDecorations<FormField> deco = new ValidationDecorations<>(f.messages().errors(), f.messages()::messageProperty);
        Label title = FormParts.title("ipTablesFormTitle");
        title.textProperty().bind(f.titleProperty());
        TextArea statements = new TextArea();
        statements.setId("statementsField");
        statements.setPrefRowCount(4);
        statements.setPromptText("filter INPUT -p tcp --dport 22 -j ACCEPT");
        statements.textProperty().bindBidirectional(f.statementsProperty());
        deco.register(statements, FormField.IP_TABLES);
        ComboBox<String> version = new ComboBox<>(FXCollections.observableArrayList("4", "6"));
        version.setId("ipVersionBox");
        version.valueProperty().bindBidirectional(f.ipVersionProperty());
        HBox picker = ActorPicker.of("ipTablesActorPicker", vm.namesProperty(),
                IpTablesEditorViewModel::canApplyTo, f::addActor, false);
        deco.register(ActorPicker.searchField(picker), FormField.ACTORS);
        TextField description = new TextField();
        description.setId("ipTablesDescriptionField");
        description.textProperty().bindBidirectional(f.descriptionProperty());
        Button save = FormParts.save("Save iptables rule", "saveIpTablesButton", f.messages(), vm);
        Button cancel = FormParts.cancel(vm);
        VBox box = new VBox(8, title,
                FormParts.section("Statements, one per line: table chain parameters"), statements,
                deco.messageLabel(FormField.IP_TABLES, "ipTablesMessage"),
                new HBox(8, new Label("IP version"), version),
                FormParts.section("Applied to"), ChipViews.editable(f.actors(), "ipTablesActorsChips"), picker,
                deco.messageLabel(FormField.ACTORS, "ipTablesActorsMessage"),
                FormParts.check("ipTablesEnabledBox", "Enabled", f.enabledProperty()),
                new Label("Description"), description, new HBox(8, save, cancel));
        root = FormParts.scrolling(box, "ipTablesForm");
    }

    Node root() {
        return root;
    }
}
