package dev.pceworkbench.ui.containerclusters;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The profile form, bound to {@link ProfileEditorViewModel}: namespace (new profiles only), name,
 * description, managed, enforcement mode, and one row per label dimension with its mode and the
 * label to assign or the labels to allow. Save stays off, saying why, until the form is valid.
 */
final class ProfileEditorPane {
    private final ProfileEditorViewModel editor;
    private final VBox root;
    private final GridPane labels = new GridPane();

    ProfileEditorPane(ProfileEditorViewModel editor, Runnable save, Runnable cancel, javafx.beans.value.ObservableBooleanValue busy) {
        this.editor = editor;
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.when(editor.creatingProperty())
                .then("New container workload profile").otherwise("Edit container workload profile"));
        TextField namespace = field("profileNamespace", "Kubernetes namespace");
        namespace.textProperty().bindBidirectional(editor.namespaceProperty());
        namespace.disableProperty().bind(editor.creatingProperty().not());
        TextField name = field("profileName", "Optional friendly name");
        name.textProperty().bindBidirectional(editor.nameProperty());
        TextField description = field("profileDescription", "Optional");
        description.textProperty().bindBidirectional(editor.descriptionProperty());
        CheckBox managed = new CheckBox("Managed (the PCE labels and enforces the namespace's pods)");
        managed.setId("profileManaged");
        managed.selectedProperty().bindBidirectional(editor.managedProperty());
        ComboBox<String> enforcement = new ComboBox<>();
        enforcement.setId("profileEnforcement");
        enforcement.getItems().setAll(Enforcement.MODES);
        enforcement.setConverter(words());
        enforcement.valueProperty().bindBidirectional(editor.enforcementProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Namespace"), namespace);
        form.addRow(1, new Label("Name"), name);
        form.addRow(2, new Label("Description"), description);
        form.addRow(3, new Label("Enforcement"), enforcement);
        form.add(managed, 1, 4);

        Label labelsTitle = new Label("Labels: assign one, or restrict to the ones pods may bring");
        labelsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        labels.setHgap(8);
        labels.setVgap(6);
        labels.setId("profileLabels");
        editor.dimensions().addListener((ListChangeListener<DimensionRule>) c -> {
            // Rebuilt only when the editor opens another profile (a structural change of the list).
            boolean structural = false;
            while (c.next()) {
                structural |= !c.wasUpdated();
            }
            if (structural) {
                rebuildLabels();
            }
        });

        Label problem = new Label();
        problem.setId("profileProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> editor.problem().get() == null ? "" : editor.problem().get(), editor.problem()));
        Button saveButton = new Button("Save profile");
        saveButton.setId("saveProfileButton");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(editor.valid().not().or(busy));
        saveButton.setOnAction(e -> save.run());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("cancelProfileButton");
        cancelButton.setOnAction(e -> cancel.run());
        VBox box = new VBox(8, title, form, labelsTitle, labels);
        box.setPadding(new Insets(10));
        // The problem and the buttons stay in sight below the scrolling form.
        ScrollPane scroll = new ScrollPane(box);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        VBox actions = new VBox(6, problem, new HBox(8, saveButton, cancelButton));
        actions.setPadding(new Insets(6, 10, 6, 10));
        root = new VBox(scroll, actions);
        root.setId("profileEditor");
        root.visibleProperty().bind(editor.openProperty());
        root.managedProperty().bind(editor.openProperty());
        root.setMinWidth(420);
    }

    Node root() {
        return root;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        return f;
    }

    static StringConverter<String> words() {
        return new StringConverter<>() {
            @Override
            public String toString(String mode) {
                return Enforcement.words(mode);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private void rebuildLabels() {
        labels.getChildren().clear();
        int row = 0;
        for (DimensionRule d : editor.dimensions()) {
            ComboBox<DimensionRule.Mode> mode = new ComboBox<>();
            mode.setId("mode-" + d.key());
            mode.getItems().setAll(DimensionRule.Mode.values());
            mode.valueProperty().bindBidirectional(d.modeProperty());
            ComboBox<LabelChoice> assign = new ComboBox<>();
            assign.setId("assign-" + d.key());
            assign.getItems().setAll(d.choices());
            assign.setPromptText("Label to assign");
            assign.valueProperty().bindBidirectional(d.assignmentProperty());
            CheckComboBox<LabelChoice> restrict = new CheckComboBox<>();
            restrict.setId("restrict-" + d.key());
            restrict.getItems().setAll(d.choices());
            restrict.setTitle("Labels pods may bring");
            restrict.setShowCheckedCount(true);
            d.restriction().forEach(c -> restrict.getCheckModel().check(c));
            restrict.getCheckModel().getCheckedItems().addListener((ListChangeListener<LabelChoice>) c ->
                    d.restriction().setAll(restrict.getCheckModel().getCheckedItems()));
            assign.visibleProperty().bind(d.modeProperty().isEqualTo(DimensionRule.Mode.ASSIGN));
            restrict.visibleProperty().bind(d.modeProperty().isEqualTo(DimensionRule.Mode.RESTRICT));
            StackPane choice = new StackPane(assign, restrict);
            choice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            choice.setMinWidth(200);
            labels.addRow(row++, new Label(d.title()), mode, choice);
        }
    }
}
