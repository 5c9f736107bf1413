package dev.pceworkbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Shows one PCE object that has no view of its own, bound to an {@link ObjectDetailsViewModel}:
 * its name, kind, href and version above its JSON (read-only, selectable). {@link #showWindow}
 * opens it in a window of its own, which cancels the load when closed.
 */
public final class ObjectDetailsView {
    private final VBox root;

    public ObjectDetailsView(ObjectDetailsViewModel model) {
        Label name = new Label();
        name.setId("objectName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(model.nameProperty());

        TextField href = readOnly(model.href());
        href.setId("objectHref");
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        facts.addRow(0, new Label("Kind"), new Label(model.kindText()));
        facts.addRow(1, new Label("Href"), href);
        Label version = new Label(model.versionText());
        version.setId("objectVersion");
        facts.addRow(2, new Label("Version"), version);
        GridPane.setHgrow(href, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar(-1);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());

        Label error = new Label();
        error.setId("objectError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextArea json = new TextArea();
        json.setId("objectJson");
        json.setEditable(false);
        json.setStyle("-fx-font-family: monospace;");
        json.textProperty().bind(model.jsonProperty());
        VBox.setVgrow(json, Priority.ALWAYS);

        Button reload = new Button("Reload");
        reload.setId("objectReload");
        reload.setOnAction(e -> model.load());
        reload.disableProperty().bind(model.loadingProperty());

        root = new VBox(8, name, facts, progress, error, json, new HBox(8, reload));
        root.setId("objectDetailsView");
        root.setPadding(new Insets(12));
    }

    public Parent root() {
        return root;
    }

    /** Opens the object in a window owned by {@code owner} and starts loading it. */
    public static Stage showWindow(Window owner, ObjectDetailsViewModel model) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.kindText() + " — " + model.href());
        Scene scene = new Scene(new ObjectDetailsView(model).root(), 720, 560);
        Themes.style(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        model.nameProperty().addListener((o, a, b) -> stage.setTitle(model.kindText() + " — " + b));
        stage.show();
        model.load();
        return stage;
    }

    private static TextField readOnly(String text) {
        TextField f = new TextField(text);
        f.setEditable(false);
        return f;
    }
}
