package dev.pceworkbench.ui.labels;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inline editors of the labels view, each built for one editor view model and bound to it:
 * the label editor (dimension, value) and the label group editor (name, description, dimension,
 * tick lists of member labels and sub-groups), with the first validation problem under the fields
 * and Save enabled only when the form is valid and not being saved.
 */
final class EditorPanes {
    private EditorPanes() {
    }

    static Node labelEditor(LabelEditorViewModel editor, Runnable save, Runnable cancel) {
        Label title = new Label(editor.title());
        title.getStyleClass().add(Styles.TITLE_4);
        ComboBox<DimensionChoice> key = new ComboBox<>(editor.dimensions());
        key.setId("labelKeyChoice");
        key.valueProperty().bindBidirectional(editor.dimensionProperty());
        key.setDisable(editor.renaming());
        TextField value = new TextField();
        value.setId("labelValueField");
        value.setPromptText("Value, for example Production");
        value.textProperty().bindBidirectional(editor.valueProperty());
        value.setOnAction(e -> save.run());
        GridPane form = form();
        form.addRow(0, new Label("Dimension"), key);
        form.addRow(1, new Label("Value"), value);
        form.disableProperty().bind(editor.savingProperty());
        Node buttons = buttons("saveLabelButton", editor.renaming() ? "Rename" : "Create", save, "cancelLabelButton", cancel,
                editor.validProperty().not().or(editor.savingProperty()));
        VBox box = new VBox(6, title, form, error("labelEditorError", editor.errorProperty()), buttons);
        box.setId("labelEditor");
        return frame(box);
    }

    static Node groupEditor(LabelGroupEditorViewModel editor, Runnable save, Runnable cancel) {
        Label title = new Label(editor.title());
        title.getStyleClass().add(Styles.TITLE_4);
        TextField name = new TextField();
        name.setId("groupNameField");
        name.textProperty().bindBidirectional(editor.nameProperty());
        TextField description = new TextField();
        description.setId("groupDescriptionField");
        description.textProperty().bindBidirectional(editor.descriptionProperty());
        ComboBox<DimensionChoice> key = new ComboBox<>(editor.dimensions());
        key.setId("groupKeyChoice");
        key.valueProperty().bindBidirectional(editor.dimensionProperty());
        // The PCE does not change a group's key; a different key is a different group.
        key.setDisable(editor.editing());
        ListView<MemberChoice> members = checkList("groupMembersList", editor.memberChoices());
        ListView<MemberChoice> subGroups = checkList("groupSubGroupsList", editor.subGroupChoices());
        GridPane form = form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Description"), description);
        form.addRow(2, new Label("Dimension"), key);
        HBox lists = new HBox(8, titled("Member labels", members), titled("Sub-groups", subGroups));
        VBox content = new VBox(6, form, lists);
        content.disableProperty().bind(editor.savingProperty());
        Node buttons = buttons("saveGroupButton", editor.editing() ? "Save" : "Create", save, "cancelGroupButton", cancel,
                editor.validProperty().not().or(editor.savingProperty()));
        VBox box = new VBox(6, title, content, error("groupEditorError", editor.errorProperty()), buttons);
        box.setId("groupEditor");
        return frame(box);
    }

    private static ListView<MemberChoice> checkList(String id, javafx.collections.ObservableList<MemberChoice> items) {
        ListView<MemberChoice> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(150);
        list.setCellFactory(CheckBoxListCell.forListView(MemberChoice::selectedProperty));
        return list;
    }

    private static Node titled(String text, Node content) {
        VBox box = new VBox(4, new Label(text), content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().setAll(labels, fields);
        return form;
    }

    private static Label error(String id, javafx.beans.value.ObservableStringValue message) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add("validation-error-text");
        error.textProperty().bind(message);
        error.visibleProperty().bind(Bindings.createBooleanBinding(() -> !message.get().isEmpty(), message));
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static Node buttons(String saveId, String saveText, Runnable save, String cancelId, Runnable cancel,
                                javafx.beans.value.ObservableBooleanValue saveDisabled) {
        Button ok = new Button(saveText);
        ok.setId(saveId);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setOnAction(e -> save.run());
        ok.disableProperty().bind(saveDisabled);
        Button no = new Button("Cancel");
        no.setId(cancelId);
        no.setOnAction(e -> cancel.run());
        return new HBox(8, ok, no);
    }

    private static Node frame(VBox box) {
        box.setPadding(new Insets(10));
        box.getStyleClass().add("labels-editor");
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4;");
        return box;
    }
}
