package dev.pceworkbench.ui.virtualservices;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.ViewParts;
import dev.pceworkbench.ui.virtualservices.BindWorkloadsWizard.Choice;
import dev.pceworkbench.ui.virtualservices.BindWorkloadsWizard.Page;
import dev.pceworkbench.ui.virtualservices.BindWorkloadsWizard.Row;
import dev.pceworkbench.workspace.BindTarget;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The bind-workloads wizard's pages, built in code and bound to one {@link BindWorkloadsWizard}:
 * the virtual service (a draft one explains why it cannot be bound and offers to provision it),
 * the workloads and container workloads (search, pick many), the port overrides per binding, the
 * review, and the per-item results (failed ones stay selected with their error).
 */
final class BindWorkloadsWizardView {
    private final BindWorkloadsWizard model;
    private final VBox root;
    /** The review's lines, refreshed when the page is entered. */
    private final javafx.collections.ObservableList<String> reviewLines = javafx.collections.FXCollections.observableArrayList();

    BindWorkloadsWizardView(BindWorkloadsWizard model, Runnable onClose) {
        this.model = model;
        StackPane pages = new StackPane(virtualService(), targets(), overrides(), reviewPage(), results());
        for (int i = 0; i < pages.getChildren().size(); i++) {
            int index = i;
            pages.getChildren().get(i).visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> model.pageProperty().get().ordinal() == index, model.pageProperty()));
        }
        VBox.setVgrow(pages, Priority.ALWAYS);
        model.pageProperty().addListener((o, a, p) -> {
            if (p == Page.REVIEW) {
                reviewLines.setAll(model.reviewLines());
            }
        });

        Button back = ViewParts.button("bindBack", "Back", Material2AL.ARROW_BACK, "The previous page; the selection is kept", model::back);
        back.disableProperty().bind(model.pageProperty().isEqualTo(Page.VIRTUAL_SERVICE).or(model.busyProperty()));
        Button next = ViewParts.button("bindNext", "Next", Material2AL.ARROW_FORWARD, "The next page", model::next);
        next.disableProperty().bind(model.canNext().not());
        next.visibleProperty().bind(model.pageProperty().isNotEqualTo(Page.REVIEW).and(model.pageProperty().isNotEqualTo(Page.RESULTS)));
        next.managedProperty().bind(next.visibleProperty());
        Button bind = ViewParts.button("bindCreate", "Bind", Material2AL.LINK, "Create every binding in one request", model::bind);
        bind.visibleProperty().bind(model.pageProperty().isEqualTo(Page.REVIEW));
        bind.managedProperty().bind(bind.visibleProperty());
        bind.disableProperty().bind(model.busyProperty().or(Bindings.isEmpty(model.selected())));
        Button retry = ViewParts.button("bindRetry", "Fix and retry", Material2MZ.REPLAY,
                "Back to the port overrides of the bindings that failed", model::retry);
        retry.visibleProperty().bind(model.pageProperty().isEqualTo(Page.RESULTS).and(Bindings.isNotEmpty(model.selected())));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.disableProperty().bind(model.busyProperty());
        Button cancel = ViewParts.button("bindCancel", "Cancel", Material2AL.CLOSE, "Stop the running task, or close the wizard", () -> {
            if (model.cancel()) {
                onClose.run();
            }
        });
        cancel.textProperty().bind(Bindings.when(model.busyProperty()).then("Cancel task")
                .otherwise(Bindings.when(model.pageProperty().isEqualTo(Page.RESULTS)).then("Close").otherwise("Cancel")));
        HBox buttons = new HBox(8, ViewParts.spacer(), back, next, bind, retry, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label title = new Label("Bind workloads to a virtual service");
        title.getStyleClass().add(Styles.TITLE_3);
        root = new VBox(10, title, WizardParts.header(Page.values(), Page::title, model.pageProperty()), pages,
                WizardParts.problem("bindProblem", model.problem()), buttons);
        root.setId("bindWorkloadsWizard");
        root.setPadding(new Insets(12));
    }

    Node root() {
        return root;
    }

    private Node virtualService() {
        SearchableComboBox<Choice> pick = new SearchableComboBox<>(model.choices());
        pick.setId("bindVirtualService");
        pick.setPrefWidth(420);
        pick.valueProperty().bindBidirectional(model.choiceProperty());
        Label ports = new Label();
        ports.setId("bindPorts");
        ports.textProperty().bind(Bindings.createStringBinding(() -> model.ports().isEmpty() ? ""
                : "Serves " + Names.servicePorts(model.ports()), model.ports()));
        Button provision = ViewParts.button("bindProvision", "Provision it now", Material2MZ.PUBLISH,
                "Provision the draft virtual service (with what the PCE says it needs), then bind", model::provisionChosen);
        provision.visibleProperty().bind(model.canProvision());
        provision.managedProperty().bind(provision.visibleProperty());
        return WizardParts.page(new Label("Only an active (provisioned) virtual service can be bound."), pick, ports, provision);
    }

    private Node targets() {
        TextField search = new TextField();
        search.setId("bindSearch");
        search.setPromptText("Search by name, hostname or label");
        search.textProperty().bindBidirectional(model.searchProperty());
        ListView<BindTarget> found = new ListView<>(model.found());
        found.setId("bindFound");
        found.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        found.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BindTarget t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : (t.container() ? "Container workload " : "") + t.name()
                        + (t.hostname() != null && !t.hostname().equals(t.name()) ? " (" + t.hostname() + ")" : ""));
            }
        });
        Button add = ViewParts.button("bindAdd", "Add", Material2AL.ADD, "Add the highlighted ones to the selection",
                () -> model.select(java.util.List.copyOf(found.getSelectionModel().getSelectedItems())));
        ListView<Row> chosen = new ListView<>(model.selected());
        chosen.setId("bindSelected");
        Button remove = ViewParts.button("bindRemove", "Remove", Material2MZ.REMOVE, "Remove from the selection", () -> {
            Row r = chosen.getSelectionModel().getSelectedItem();
            if (r != null) {
                model.unselect(r);
            }
        });
        VBox left = new VBox(6, search, found, add);
        VBox right = new VBox(6, new Label("Selected"), chosen, remove);
        VBox.setVgrow(found, Priority.ALWAYS);
        VBox.setVgrow(chosen, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        HBox lists = new HBox(10, left, right);
        VBox.setVgrow(lists, Priority.ALWAYS);
        return WizardParts.page(lists);
    }

    private Node overrides() {
        TableView<Row> t = new TableView<>(model.selected());
        t.setId("bindOverrides");
        t.setEditable(true);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> target = ViewParts.textColumn("Workload", r -> r.target().name(), 240);
        TableColumn<Row, String> o = new TableColumn<>("Port overrides");
        o.setPrefWidth(300);
        o.setCellValueFactory(c -> c.getValue().overridesProperty());
        o.setCellFactory(TextFieldTableCell.forTableColumn());
        o.setEditable(true);
        TableColumn<Row, String> error = new TableColumn<>("Last error");
        error.setCellValueFactory(c -> c.getValue().errorProperty());
        error.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().remove(Styles.DANGER);
                if (!empty && s != null && !s.isEmpty()) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        t.getColumns().setAll(java.util.List.of(target, o, error));
        VBox.setVgrow(t, Priority.ALWAYS);
        error.setPrefWidth(320);
        Label served = new Label();
        served.setId("bindServed");
        served.textProperty().bind(Bindings.createStringBinding(() -> "The virtual service serves "
                + Names.servicePorts(model.ports()) + ".", model.ports()));
        Label how = new Label("Optional, per binding: move a port, e.g. 5672/tcp -> 5700 or 15672 -> 25700-25701; "
                + "comma-separate several. Double-click a cell to edit.");
        how.setWrapText(true);
        return WizardParts.page(served, how, t);
    }

    private Node reviewPage() {
        ListView<String> lines = new ListView<>(reviewLines);
        lines.setId("bindReview");
        WizardParts.wrapping(lines);
        return WizardParts.page(new Label("These bindings are created in one request and take effect at once:"), lines);
    }

    private Node results() {
        Label outcome = new Label();
        outcome.setId("bindOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        ListView<String> bound = new ListView<>(model.bound());
        bound.setId("bindBound");
        bound.setPrefHeight(120);
        ListView<Row> failed = new ListView<>(model.selected());
        failed.setId("bindFailed");
        failed.setPrefHeight(120);
        return WizardParts.page(outcome, new Label("Bound"), bound, new Label("Failed (still selected)"), failed);
    }
}
