package dev.pceworkbench.ui.connections;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.ui.connections.ConnectionCheckViewModel.State;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The connections view, built in code and bound only to {@link ConnectionsViewModel}: the
 * profiles on the left (demo and active marked), the profile form on the right (Connection,
 * Credentials, Proxy, TLS) with validation decorations, the actions (save, check, cancel check,
 * connect, create API key) and the connection check's steps with status icons. Host it through
 * {@link #root()}.
 */
public final class ConnectionsView {
    private final ConnectionsViewModel model;
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final SplitPane root;
    private boolean syncing;

    public ConnectionsView(ConnectionsViewModel model) {
        this.model = model;
        root = new SplitPane(profilesPane(), editorPane());
        root.setId("connectionsView");
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    /** The view's root node, for the shell to host. */
    public Node root() {
        return root;
    }

    private Node profilesPane() {
        list.setId("profileList");
        list.setItems(model.profiles());
        list.setCellFactory(l -> new ProfileListCell(model));
        // Several profiles can be selected for an export; the focused one is the one being edited.
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != model.selectedProperty().get() && !model.open(b)) {
                // The user kept the form's unsaved changes: the list goes back to the profile being
                // edited (after this selection change has finished).
                Platform.runLater(() -> showSelected(model.selectedProperty().get()));
            }
        });
        model.selectedProperty().addListener((o, a, b) -> showSelected(b));
        showSelected(model.selectedProperty().get());
        model.activeProperty().addListener((o, a, b) -> list.refresh());
        list.disableProperty().bind(model.busyProperty().or(model.storageStatus().formLockedProperty()));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label title = new Label("Profiles");
        title.getStyleClass().add(Styles.TITLE_4);
        ObservableBooleanValue busy = model.busyProperty().or(model.storageStatus().formLockedProperty());
        FlowPane tools = new FlowPane(6, 6,
                button("newButton", "New", Material2AL.ADD, "A new, empty profile", model::newProfile, null),
                button("duplicateButton", "Duplicate", Material2AL.CONTENT_COPY, "A copy of this profile, secrets included",
                        model::duplicate, busy),
                button("deleteButton", "Delete", Material2AL.DELETE, "Delete this profile and its secrets",
                        model::delete, busy),
                button("importButton", "Import", Material2AL.INPUT, "Import profiles from a file (without secrets)",
                        model::importProfiles, busy),
                button("exportButton", "Export", Material2MZ.SAVE_ALT, "Export the selected profiles (without secrets)",
                        () -> model.exportProfiles(list.getSelectionModel().getSelectedItems()), busy));
        VBox box = new VBox(8, title, list, tools);
        box.setPadding(new Insets(10));
        box.setMinWidth(220);
        return box;
    }

    private void showSelected(ConnectionProfile p) {
        syncing = true;
        try {
            if (p == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != p) {
                list.getSelectionModel().clearSelection();
                list.getSelectionModel().select(p);
                list.scrollTo(p);
            }
        } finally {
            syncing = false;
        }
    }

    private Node editorPane() {
        ProfileEditorViewModel editor = model.editor();
        Label heading = new Label();
        heading.setId("editorTitle");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.textProperty().bind(model.editorTitleBinding());
        Label active = new Label();
        active.setId("activeConnectionLabel");
        active.getStyleClass().add(Styles.TEXT_MUTED);
        active.textProperty().bind(model.activeSummaryBinding());
        Label storage = new Label();
        storage.setId("storageStatusLabel");
        storage.getStyleClass().add(Styles.TEXT_MUTED);
        storage.textProperty().bind(model.storageStatus().statusProperty());
        storage.visibleProperty().bind(model.storageStatus().statusProperty().isNotEmpty());
        storage.managedProperty().bind(storage.visibleProperty());
        // The actions stay in sight above the form; the form and the check's steps share the rest.
        VBox header = new VBox(2, heading, active, storage, actions());
        header.setPadding(new Insets(10, 12, 6, 12));
        VBox.setMargin(header.getChildren().get(3), new Insets(8, 0, 0, 0));

        ScrollPane form = new ScrollPane(new ProfileForm(model).build());
        form.setFitToWidth(true);
        form.setId("profileForm");
        // While the profile or its secrets are read or written, the form waits: what it shows is being replaced or saved.
        form.disableProperty().bind(model.storageStatus().formLockedProperty());
        // Keyboard users tab through a form taller than its pane: keep the focused field in sight.
        form.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((x, y, focused) -> reveal(form, focused));
            }
        });

        BorderPane pane = new BorderPane();
        pane.setTop(header);
        Node check = checkPane();
        SplitPane body = new SplitPane(form, check);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.5);
        pane.setCenter(body);
        return pane;
    }

    /** Scrolls {@code form} so that {@code node} (if it is one of the form's) is fully visible. */
    static void reveal(ScrollPane form, Node node) {
        Node content = form.getContent();
        Node n = node;
        while (n != null && n != content) {
            n = n.getParent();
        }
        if (n == null) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewport = form.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = form.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() < top) {
            form.setVvalue(Math.max(0, b.getMinY() - 8) / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            form.setVvalue(Math.min(1, (b.getMaxY() + 8 - viewport) / (contentHeight - viewport)));
        }
    }

    private Node actions() {
        ProfileEditorViewModel editor = model.editor();
        ObservableBooleanValue invalid = editor.validProperty().not();
        ObservableBooleanValue checking = model.check().runningProperty();
        Button save = button("saveButton", "Save", Material2MZ.SAVE, "Save the profile; secrets go to the secret store",
                model::save, Bindings.or(invalid, model.busyProperty().or(model.storageStatus().formLockedProperty())));
        save.setDefaultButton(false);
        save.getStyleClass().add(Styles.ACCENT);
        Button check = button("checkButton", "Check connection", Material2MZ.NETWORK_CHECK,
                "Check DNS, TCP, proxy, TLS, authentication and org access step by step",
                model::checkConnection, Bindings.or(invalid, checking));
        Button cancel = button("cancelCheckButton", "Cancel check", Material2AL.CANCEL, "Stop the running check",
                model::cancelCheck, Bindings.not(checking));
        Button connect = button("connectButton", "Connect", Material2AL.LINK,
                "Save and connect: this becomes the active connection", model::connect,
                Bindings.or(invalid, model.busyProperty().or(model.storageStatus().formLockedProperty())));
        connect.getStyleClass().add(Styles.SUCCESS);
        Button apiKey = button("createApiKeyButton", "Create API key", Material2MZ.VPN_KEY,
                "Create an API key with this user's credentials and switch the profile to it",
                model::createApiKey, Bindings.or(model.canCreateApiKeyProperty().not(), invalid));
        Label problem = new Label();
        problem.setId("validationSummary");
        problem.getStyleClass().add("validation-error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(editor.problemSummaryBinding());
        FlowPane buttons = new FlowPane(8, 8, save, check, cancel, connect, apiKey);
        return new VBox(6, buttons, problem);
    }

    private Node checkPane() {
        ConnectionCheckViewModel check = model.check();
        Label summary = new Label();
        summary.setId("checkSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(check.summaryProperty());
        summary.graphicProperty().bind(Bindings.createObjectBinding(() -> summaryIcon(check.state()), check.stateProperty()));
        check.stateProperty().addListener((o, a, b) -> styleSummary(summary, b));
        styleSummary(summary, check.state());
        Node table = CheckStepsTable.build(check);
        VBox.setVgrow(table, Priority.ALWAYS);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, summary, table);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    private static Node summaryIcon(State s) {
        return switch (s) {
            case IDLE -> null;
            case RUNNING -> new FontIcon(Material2MZ.SYNC);
            case SUCCEEDED -> new FontIcon(Material2AL.CHECK_CIRCLE);
            case FAILED -> new FontIcon(Material2AL.ERROR);
            case CANCELLED -> new FontIcon(Material2AL.CANCEL);
        };
    }

    private static void styleSummary(Label summary, State s) {
        summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
        summary.getStyleClass().add(switch (s) {
            case SUCCEEDED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case CANCELLED -> Styles.WARNING;
            case IDLE, RUNNING -> Styles.TEXT_MUTED;
        });
    }

    private static Button button(String id, String text, Ikon icon, String tip, Runnable action, ObservableBooleanValue disabled) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        if (disabled != null) {
            b.disableProperty().bind(disabled);
        }
        return b;
    }
}
