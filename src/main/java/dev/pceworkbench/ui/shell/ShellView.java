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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window's content: the sidebar of features, the content area, and the status bar with
 * the active connection, an insecure-TLS warning, the last notification, the running-tasks
 * indicator (which opens the task list) and the theme toggle. Binds to {@link ShellViewModel}.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final StackPane content = new StackPane();
    private final Map<Feature, FeatureView> built = new HashMap<>();
    private final java.util.function.Function<Feature, FeatureView> views;
    private final List<Runnable> firstViewActions = new ArrayList<>();
    private boolean firstViewShown;

    /** A shell that builds the selected view at once; {@code views} builds a feature's view on its first visit. */
    public ShellView(ShellViewModel model, java.util.function.Function<Feature, FeatureView> views) {
        this(model, views, false);
    }

    /**
     * @param views                    builds a feature's view and model, on its first visit
     * @param firstViewAfterFirstFrame when true, the window's first frame shows the sidebar and the
     *                                 status bar with a placeholder, and the selected view is built
     *                                 right after that frame (so the window appears without waiting
     *                                 for the view's styling and layout); when false the view is
     *                                 built now
     */
    public ShellView(ShellViewModel model, java.util.function.Function<Feature, FeatureView> views,
                     boolean firstViewAfterFirstFrame) {
        this.model = model;
        this.views = views;
        setId("shell");
        setLeft(sidebar());
        content.setId("content");
        setCenter(content);
        setBottom(statusBar());
        model.selectedProperty().addListener((o, a, b) -> show(b));
        if (firstViewAfterFirstFrame && model.selectedProperty().get() != null) {
            Label opening = new Label("Opening " + model.selectedProperty().get().title() + "…");
            opening.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            // Animated, so that every pulse until the view is there renders a frame (see below).
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(24, 24);
            VBox placeholder = new VBox(8, spinner, opening);
            placeholder.setId("openingPlaceholder");
            placeholder.setAlignment(Pos.CENTER);
            content.getChildren().setAll(placeholder);
            // The view is built after the third pulse. A pulse renders its frame on the render thread,
            // and with the software pipeline (Linux without GL) the frame reaches the screen only when
            // the FX thread handles the upload the renderer queues when it is done. The next pulse
            // waits for that rendering once it has a frame of its own (the spinner sees to that); so
            // by the third pulse the shell's first frame has been uploaded, while building the view
            // after the first would keep the window blank until the view is ready.
            afterNextPulse(() -> afterNextPulse(() -> afterNextPulse(() -> {
                // Unless the user has picked a view meanwhile.
                if (content.getChildren().size() == 1 && content.getChildren().get(0) == placeholder) {
                    show(model.selectedProperty().get());
                }
                afterNextPulse(this::firstViewShown);
            })));
        } else {
            show(model.selectedProperty().get());
            firstViewShown();
        }
    }

    /**
     * Runs {@code action} once the first view is on screen: at once when it already is, else after
     * the pulse that styled and laid it out.
     */
    public void whenFirstViewShown(Runnable action) {
        if (firstViewShown) {
            action.run();
        } else {
            firstViewActions.add(action);
        }
    }

    private void firstViewShown() {
        firstViewShown = true;
        List<Runnable> actions = List.copyOf(firstViewActions);
        firstViewActions.clear();
        actions.forEach(Runnable::run);
    }

    /**
     * Runs {@code action} on the FX thread after the next pulse of this view's scene (the scene
     * must get one: the window is or will be showing). The pulse's frame is rendered while
     * {@code action} runs.
     */
    private void afterNextPulse(Runnable action) {
        if (getScene() == null) {
            sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene b) {
                    if (b != null) {
                        sceneProperty().removeListener(this);
                        afterNextPulse(action);
                    }
                }
            });
            return;
        }
        Scene scene = getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
        // A pulse must come: ask for one (a scene with nothing dirty may not pulse on its own).
        javafx.application.Platform.requestNextPulse();
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
                if (!empty && f != null && f.badge() != null) {
                    // The count after the title: icon, title and badge in the graphic.
                    setText(null);
                    setGraphic(withBadge(f));
                }
                // Each view's shortcut, in sidebar order (Ctrl+1 … Ctrl+9).
                setTooltip(empty || f == null ? null : new javafx.scene.control.Tooltip(
                        getIndex() < 9 ? f.title() + " (" + shortcutText(getIndex()) + ")" : f.title()));
            }
        });
        for (Feature f : model.features()) {
            if (f.badge() != null) {
                f.badge().addListener((o, a, b) -> nav.refresh());
            }
        }
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

    /** Icon, title and the feature's count as a badge (hidden while the count is not positive). */
    private static Node withBadge(Feature f) {
        Label title = new Label(f.title());
        title.setId("sidebarTitle-" + f.id());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Number n = f.badge().getValue();
        int count = n == null ? 0 : n.intValue();
        Label badge = new Label(String.valueOf(count));
        badge.setId("sidebarBadge-" + f.id());
        badge.getStyleClass().add("pending-badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        badge.setVisible(count > 0);
        badge.setManaged(count > 0);
        badge.setTooltip(new Tooltip(count == 1 ? "1 pending change" : count + " pending changes"));
        HBox box = new HBox(8, new FontIcon(f.icon()), title, spacer, badge);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void show(Feature f) {
        if (f == null) {
            content.getChildren().setAll(new Label("No views"));
            return;
        }
        FeatureView c = built.computeIfAbsent(f, views);
        content.getChildren().setAll(c.root());
        c.model().onShown();
    }

    private Node statusBar() {
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.setGraphic(new FontIcon(Material2AL.CLOUD_QUEUE));
        connection.textProperty().bind(model.connectionTextBinding());
        // The connection keeps its whole text; a long notification beside it gives way (and its
        // tooltip has the whole of it).
        connection.setMinWidth(Region.USE_PREF_SIZE);

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
        note.setMinWidth(0);
        Tooltip noteTip = new Tooltip();
        noteTip.textProperty().bind(model.notificationProperty());
        noteTip.setWrapText(true);
        noteTip.setMaxWidth(600);
        note.tooltipProperty().bind(javafx.beans.binding.Bindings.when(model.notificationProperty().isEmpty())
                .then((Tooltip) null).otherwise(noteTip));

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
        // The task list's popup is made at the first click (not needed for the first frame).
        Popup[] popup = new Popup[1];
        tasks.setOnAction(e -> {
            if (popup[0] == null) {
                popup[0] = new Popup();
                popup[0].setAutoHide(true);
                TaskListView list = new TaskListView(model.tasks());
                list.getStyleClass().add("elevated-2");
                popup[0].getContent().add(list);
            }
            if (popup[0].isShowing()) {
                popup[0].hide();
            } else {
                TaskListView list = (TaskListView) popup[0].getContent().get(0);
                var b = tasks.localToScreen(tasks.getBoundsInLocal());
                popup[0].show(tasks, b.getMaxX() - list.getPrefWidth(), b.getMinY() - list.getPrefHeight() - 4);
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
    /** "Ctrl+3" (⌘3 on macOS): the shortcut of the view at {@code index} in the sidebar. */
    static String shortcutText(int index) {
        return new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(index + 1)), KeyCombination.SHORTCUT_DOWN).getDisplayText();
    }

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
