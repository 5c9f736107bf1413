package dev.pceworkbench.ui.shell;

import dev.pceworkbench.ui.common.Themes;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.HashMap;
import java.util.Map;

/**
 * The main window's content: the sidebar of features, the content area, and the status bar with
 * the active connection, an insecure-TLS warning, the last notification, the running-tasks
 * indicator (which opens the task list) and the theme toggle. Binds to {@link ShellViewModel}.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final StackPane content = new StackPane();
    private final Map<Feature, Node> built = new HashMap<>();

    public ShellView(ShellViewModel model) {
        this.model = model;
        setId("shell");
        setLeft(sidebar());
        content.setId("content");
        setCenter(content);
        setBottom(statusBar());
        model.selectedProperty().addListener((o, a, b) -> show(b));
        show(model.selectedProperty().get());
    }

    private Node sidebar() {
        Label title = new Label("PCE Workbench");
        title.getStyleClass().add("app-title");
        ListView<Feature> nav = new ListView<>(model.features());
        nav.setId("sidebar");
        nav.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        nav.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Feature f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.title());
                setGraphic(empty || f == null ? null : new FontIcon(f.icon()));
            }
        });
        nav.getSelectionModel().select(model.selectedProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> nav.getSelectionModel().select(b));
        VBox.setVgrow(nav, Priority.ALWAYS);
        VBox box = new VBox(title, nav);
        box.getStyleClass().add("sidebar");
        return box;
    }

    private void show(Feature f) {
        if (f == null) {
            content.getChildren().setAll(new Label("No views"));
            return;
        }
        content.getChildren().setAll(built.computeIfAbsent(f, x -> x.view().get()));
    }

    private Node statusBar() {
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.setGraphic(new FontIcon(Material2AL.CLOUD_QUEUE));
        connection.textProperty().bind(model.connectionTextBinding());

        Label insecure = new Label("TLS verification off");
        insecure.setId("insecureWarning");
        insecure.setGraphic(new FontIcon(Material2MZ.WARNING));
        insecure.getStyleClass().add("insecure-warning");
        insecure.setTooltip(new Tooltip("This connection does not verify the PCE's certificate: "
                + "anyone on the network path could read or change the traffic."));
        insecure.visibleProperty().bind(model.insecureBinding());
        insecure.managedProperty().bind(insecure.visibleProperty());

        Label note = new Label();
        note.setId("notification");
        note.textProperty().bind(model.notificationProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.tasks().busyProperty());
        Button tasks = new Button();
        tasks.setId("tasksButton");
        tasks.getStyleClass().add("flat");
        tasks.setGraphic(busy);
        tasks.textProperty().bind(model.tasksTextBinding());
        Popup popup = new Popup();
        popup.setAutoHide(true);
        TaskListView list = new TaskListView(model.tasks());
        list.getStyleClass().add("elevated-2");
        popup.getContent().add(list);
        tasks.setOnAction(e -> {
            if (popup.isShowing()) {
                popup.hide();
            } else {
                var b = tasks.localToScreen(tasks.getBoundsInLocal());
                popup.show(tasks, b.getMaxX() - list.getPrefWidth(), b.getMinY() - list.getPrefHeight() - 4);
            }
        });

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().add("flat");
        theme.setTooltip(new Tooltip("Switch light/dark theme (Ctrl+Shift+L)"));
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() ->
                new FontIcon(Themes.DARK.equals(model.themeProperty().get()) ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY),
                model.themeProperty()));
        theme.setOnAction(e -> model.toggleTheme());

        HBox bar = new HBox(connection, insecure, note, spacer, tasks, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Keyboard shortcuts: Ctrl+1..9 switch views, Ctrl+Shift+L toggles the theme. */
    public void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> model.select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                model::toggleTheme);
    }
}
