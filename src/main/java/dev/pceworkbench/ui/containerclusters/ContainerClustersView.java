package dev.pceworkbench.ui.containerclusters;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.TableCells;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Function;

/**
 * The Container clusters view, built in code and bound only to {@link ContainerClustersViewModel}:
 * the clusters with a status chip (icon, word and colour), last connected, nodes and Kubelink
 * version; a form to create one, after which the token is shown once ({@link TokenDialog}); and
 * the selected cluster's container workload profiles with their editor. An action that is off
 * says why beside its buttons. Host it through {@link #root()}.
 */
public final class ContainerClustersView {
    private final ContainerClustersViewModel model;
    private final BorderPane root = new BorderPane();

    public ContainerClustersView(ContainerClustersViewModel model) {
        this.model = model;
        root.setId("containerClustersView");
        root.setTop(new VBox(header(), createForm()));
        SplitPane split = new SplitPane(clustersTable(), profilesPane());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);
        model.tokenProperty().addListener((o, a, b) -> {
            if (b != null) {
                TokenDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), b, model::dismissToken);
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Container clusters");
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.setId("clusterStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.status());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button create = button("newClusterButton", "New cluster…", Material2AL.ADD, model::startCreate);
        create.disableProperty().bind(model.createOpenProperty().or(model.busyProperty()));
        Button delete = button("deleteClusterButton", "Delete cluster", Material2AL.DELETE, model::deleteCluster);
        delete.disableProperty().bind(model.clusterBlocked().isNotNull());
        Button reload = button("reloadClustersButton", "Reload", Material2MZ.REFRESH, model::reload);
        reload.disableProperty().bind(model.loadingProperty());
        Label hint = hint("clusterHint", model.clusterBlocked());
        HBox bar = new HBox(8, title, status, grow, hint, create, delete, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private Node createForm() {
        TextField name = new TextField();
        name.setId("clusterNameField");
        name.setPromptText("Name (unique)");
        name.textProperty().bindBidirectional(model.newNameProperty());
        TextField description = new TextField();
        description.setId("clusterDescriptionField");
        description.setPromptText("Description (optional)");
        description.textProperty().bindBidirectional(model.newDescriptionProperty());
        HBox.setHgrow(description, Priority.ALWAYS);
        Button create = button("createClusterButton", "Create", Material2AL.CHECK, model::create);
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.createProblem().isNotNull().or(model.busyProperty()));
        Button cancel = button("cancelClusterButton", "Cancel", Material2AL.CLOSE, model::cancelCreate);
        Label problem = new Label();
        problem.setId("createProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> model.createProblem().get() == null ? "" : model.createProblem().get(), model.createProblem()));
        Label note = new Label("The PCE answers the new cluster's token once; it is shown to you then, and never stored.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        HBox row = new HBox(8, new Label("New cluster"), name, description, create, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, problem, note);
        box.setId("createForm");
        box.setPadding(new Insets(0, 8, 8, 8));
        box.visibleProperty().bind(model.createOpenProperty());
        box.managedProperty().bind(model.createOpenProperty());
        return box;
    }

    private Node clustersTable() {
        TableView<ClusterRow> table = new TableView<>(model.clusters());
        table.setId("clustersTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ClusterRow, ClusterRow.Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        status.setMinWidth(TableCells.headerWidth("Status"));
        status.setPrefWidth(170);
        table.getColumns().add(status);
        table.getColumns().add(text("Name", ClusterRow::name, 200));
        table.getColumns().add(text("Last connected", ClusterRow::lastConnected, 140));
        TableColumn<ClusterRow, Number> nodes = new TableColumn<>("Nodes");
        nodes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().nodes()));
        nodes.setMinWidth(TableCells.headerWidth("Nodes"));
        nodes.setPrefWidth(Math.max(70, TableCells.headerWidth("Nodes")));
        table.getColumns().add(nodes);
        table.getColumns().add(text("Kubelink", ClusterRow::kubelinkVersion, 130));
        table.getColumns().add(text("Manager", ClusterRow::managerType, 150));
        table.getColumns().add(text("Runtime", ClusterRow::containerRuntime, 100));
        table.getColumns().add(text("Errors", r -> r.errors() == 0 ? "None" : r.errors() + " errors", 80));
        table.getColumns().add(text("Description", ClusterRow::description, 200));
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.loadingProperty()).then("Loading container clusters…")
                .otherwise(Bindings.when(model.loadedProperty()).then("No container clusters yet: create one with New cluster")
                        .otherwise("Container clusters load once the PCE is connected.")));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (model.selectedProperty().get() != b) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        return table;
    }

    private Node profilesPane() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("profilesTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Container workload profiles: select a cluster"
                : "Container workload profiles of " + model.selectedProperty().get().name(), model.selectedProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button add = button("newProfileButton", "New profile…", Material2AL.ADD, model::newProfile);
        add.disableProperty().bind(model.newProfileBlocked().isNotNull().or(model.editor().openProperty()));
        Button edit = button("editProfileButton", "Edit profile…", Material2AL.EDIT, model::editProfile);
        edit.disableProperty().bind(model.profileBlocked().isNotNull().or(model.editor().openProperty()));
        Button delete = button("deleteProfileButton", "Delete profile", Material2AL.DELETE, model::deleteProfile);
        delete.disableProperty().bind(model.profileBlocked().isNotNull().or(model.editor().openProperty()));
        Label hint = hint("profileHint", model.profileBlocked());
        title.setWrapText(true);
        title.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(title.getText()), title.textProperty()));
        // The title on its own line: beside the open editor the buttons leave it little room.
        HBox buttons = new HBox(8, hint, grow, add, edit, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, title, buttons);

        TableView<ProfileRow> table = new TableView<>(model.profiles());
        table.setId("profilesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(profileText("Namespace", ProfileRow::namespace, 140));
        table.getColumns().add(profileText("Name", ProfileRow::name, 140));
        table.getColumns().add(profileText("Enforcement", ProfileRow::enforcement, 110));
        table.getColumns().add(profileText("Managed", ProfileRow::managed, 90));
        table.getColumns().add(profileText("Labels", ProfileRow::labels, 300));
        table.setPlaceholder(new Label("No container workload profiles"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProfileProperty().set(b));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ProfileRow> r = new javafx.scene.control.TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !r.isEmpty()) {
                    model.editProfile();
                }
            });
            return r;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox list = new VBox(6, bar, table);
        HBox.setHgrow(list, Priority.ALWAYS);
        ProfileEditorPane editor = new ProfileEditorPane(model.editor(), model::saveProfile, model::cancelProfile,
                model.busyProperty());
        HBox box = new HBox(8, list, editor.root());
        box.setPadding(new Insets(8));
        return box;
    }

    /** The reason an action is off, beside its buttons (a disabled button shows no tooltip). */
    private static Label hint(String id, StringBinding reason) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.textProperty().bind(Bindings.createStringBinding(() -> reason.get() == null ? "" : reason.get(), reason));
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.tooltipProperty().bind(Bindings.createObjectBinding(() -> reason.get() == null ? null : new Tooltip(reason.get()), reason));
        return l;
    }

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A text column whose cells carry the full text in a tooltip (a narrow column ends in an ellipsis). */
    private static TableColumn<ClusterRow, String> text(String title, Function<ClusterRow, String> f, double width) {
        TableColumn<ClusterRow, String> c = TableCells.column(title, f, false);
        c.setPrefWidth(Math.max(width, TableCells.headerWidth(title)));
        c.setMinWidth(TableCells.headerWidth(title));
        return c;
    }

    private static TableColumn<ProfileRow, String> profileText(String title, Function<ProfileRow, String> f, double width) {
        TableColumn<ProfileRow, String> c = TableCells.column(title, f, false);
        c.setPrefWidth(Math.max(width, TableCells.headerWidth(title)));
        c.setMinWidth(TableCells.headerWidth(title));
        return c;
    }

    static Ikon icon(ClusterRow.Status s) {
        return switch (s) {
            case ONLINE -> Material2AL.CHECK_CIRCLE;
            case OFFLINE -> Material2AL.CLOUD_OFF;
            case NEVER_CONNECTED -> Material2AL.HOURGLASS_EMPTY;
        };
    }

    /** The status as a chip: icon and word carry it without the colour. */
    private static final class StatusCell extends TableCell<ClusterRow, ClusterRow.Status> {
        private final Label chip = new Label();

        StatusCell() {
            chip.getStyleClass().add("status-chip");
            chip.setMinWidth(0);
            chip.setMaxWidth(Double.MAX_VALUE);
            setMinWidth(0);
        }

        @Override
        protected void updateItem(ClusterRow.Status item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                StatusChips.style(chip, item.word(), icon(item), item.tone());
                setGraphic(chip);
                setTooltip(chip.getTooltip());
            }
        }
    }
}
