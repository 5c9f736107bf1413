package dev.pceworkbench.ui.provision;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.ValidationDecorations;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Provision view, built in code and bound only to {@link ProvisionViewModel}: a tab of pending
 * changes (actions, filter, the changes grouped by type with a checkbox, change chip, who and when;
 * the diff of the change in focus and the dependencies found; the description and Provision…) and
 * a tab of history (the versions, two to compare, their diff). Host it through {@link #root()}.
 */
public final class ProvisionView {
    private final ProvisionViewModel model;
    private final TabPane root;

    public ProvisionView(ProvisionViewModel model) {
        this.model = model;
        Tab pending = new Tab("Pending changes", pendingPane());
        pending.setId("pendingTab");
        Tab history = new Tab("History", new HistoryPane(model.history(), model::reload).root());
        history.setId("historyTab");
        Tab impact = new Tab("Impact", new ImpactPane(model).root());
        impact.setId("impactTab");
        root = new TabPane(pending, impact, history);
        root.setId("provisionView");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    public Node root() {
        return root;
    }

    // ---- pending changes -----------------------------------------------------------------------

    private Node pendingPane() {
        ProvisionActions actions = model.actions();
        Button all = ViewParts.button("checkAllButton", "Select all", Material2AL.CHECK_BOX,
                "Select every change the filter shows", model::checkAllShown);
        Button none = ViewParts.button("checkNoneButton", "Select none", Material2AL.CHECK_BOX_OUTLINE_BLANK,
                "Clear the selection", model::checkNone);
        Button deps = ViewParts.button("dependenciesButton", "Check dependencies", Material2AL.ACCOUNT_TREE,
                "What else must be provisioned with the selection, and why", model.dependencies()::check);
        disabledWhile(deps, model.dependencies().blockedProperty());
        Button impact = ViewParts.button("impactButton", "Impact", Material2AL.INSIGHTS,
                "Which observed flows the selection would allow or block (shown in the Impact tab)", () -> {
                    root.getSelectionModel().select(1);
                    model.impact().run();
                });
        disabledWhile(impact, model.impact().blockedProperty());
        Button revert = ViewParts.button("revertButton", "Revert…", Material2MZ.UNDO,
                "Undo the selected draft changes (asks first, naming them)", actions::revertSelected);
        disabledWhile(revert, actions.revertBlockedProperty());
        Button revertAll = ViewParts.button("revertAllButton", "Revert all…", Material2AL.DELETE_SWEEP,
                "Undo every pending change (asks first)", actions::revertAll);
        disabledWhile(revertAll, actions.revertAllBlockedProperty());
        Button reload = ViewParts.button("reloadButton", "Reload", Material2MZ.REFRESH,
                "Load the pending changes and versions again from the PCE", model::reload);
        Button cancel = ViewParts.button("cancelButton", "Cancel", Material2AL.CANCEL, "Stop the running task", model::cancel);
        cancel.disableProperty().bind(model.progress().busy().not().and(model.loadingProperty().not()));
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("provisionStatus", model.statusProperty(), model.progress()),
                deps, impact, revert, revertAll, reload, cancel);

        TextField filter = new TextField();
        filter.setId("pendingFilter");
        filter.setPromptText("Filter by name, type, change or who");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefWidth(300);
        Label selection = new Label();
        selection.setId("selectionText");
        selection.textProperty().bind(model.selectionTextProperty());
        tooltip(selection, model.selectionTextProperty());
        Label caps = ViewParts.errorLabel("capsHint", actions.capsHintProperty());
        HBox filterRow = new HBox(10, filter, all, none, selection, caps);
        filterRow.setAlignment(Pos.CENTER_LEFT);

        SplitPane split = new SplitPane(pendingTable(), diffPane());
        split.setDividerPositions(0.64);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox box = new VBox(8, bar, filterRow, split, provisionForm());
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    /** A button that is off while {@code blocked} says why (the reason in its tooltip and in the status line). */
    private static void disabledWhile(Button b, StringBinding blocked) {
        b.disableProperty().bind(blocked.isNotEmpty());
    }

    private static void tooltip(Label l, ObservableValue<String> text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        l.setTooltip(tip);
    }

    private Node pendingTable() {
        // Sorting a column sorts a view of the rows, never the model's list (grouped by type until then).
        javafx.collections.transformation.SortedList<PendingRow> sorted =
                new javafx.collections.transformation.SortedList<>(model.visibleRows());
        TableView<PendingRow> t = new TableView<>(sorted);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setId("pendingTable");
        t.setEditable(true);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(placeholder());
        TableColumn<PendingRow, Boolean> check = new TableColumn<>();
        check.setId("checkColumn");
        check.setCellValueFactory(d -> d.getValue().checkedProperty());
        check.setCellFactory(CheckBoxTableCell.forTableColumn(check));
        check.setEditable(true);
        check.setSortable(false);
        check.setMinWidth(40);
        check.setMaxWidth(40);
        TableColumn<PendingRow, ChangeKind> change = new TableColumn<>("Change");
        change.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().kind()));
        change.setCellFactory(c -> new ChangeCell());
        change.setMinWidth(118);
        change.setPrefWidth(118);
        t.getColumns().add(check);
        t.getColumns().add(change);
        TableColumn<PendingRow, String> type = ViewParts.textColumn("Type", PendingRow::typeText, 130);
        type.setCellFactory(c -> new GroupCell());
        t.getColumns().add(type);
        t.getColumns().add(ViewParts.textColumn("Name", PendingRow::name, 170));
        t.getColumns().add(ViewParts.textColumn("By", PendingRow::who, 70));
        t.getColumns().add(ViewParts.textColumn("When", PendingRow::when, 140));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.currentProperty().set(b));
        model.currentProperty().addListener((o, a, b) -> {
            if (b != t.getSelectionModel().getSelectedItem()) {
                t.getSelectionModel().select(b);
            }
        });
        t.setMinWidth(0);
        return t;
    }

    /** During the first load a spinner and "Loading pending changes… (phase)"; then why the table is empty. */
    private Node placeholder() {
        Label text = new Label();
        text.setId("pendingPlaceholder");
        text.setWrapText(true);
        text.textProperty().bind(model.placeholderProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("firstLoadProgress");
        spinner.setPrefSize(36, 36);
        spinner.visibleProperty().bind(model.firstLoadProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox box = new VBox(10, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        return box;
    }

    private Node diffPane() {
        Label title = new Label();
        title.setId("diffTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(model.diffTitleProperty());
        tooltip(title, model.diffTitleProperty());
        Label status = new Label();
        status.setId("diffStatus");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.diffStatusProperty());
        ListView<DiffLine> diff = diffList("diffList", model.diff());
        VBox.setVgrow(diff, Priority.ALWAYS);

        ProvisionActions actions = model.actions();
        Label depStatus = new Label();
        depStatus.setId("dependencyStatus");
        depStatus.setWrapText(true);
        depStatus.setMinHeight(Label.USE_PREF_SIZE);
        depStatus.textProperty().bind(model.dependencies().statusProperty());
        depStatus.visibleProperty().bind(model.dependencies().statusProperty().isNotEmpty());
        depStatus.managedProperty().bind(depStatus.visibleProperty());
        TableView<DependencyRow> deps = new TableView<>(model.dependencies().rows());
        deps.setId("dependenciesTable");
        deps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        deps.getColumns().add(ViewParts.textColumn("Needed object", DependencyRow::name, 150));
        deps.getColumns().add(ViewParts.textColumn("Type", DependencyRow::type, 90));
        deps.getColumns().add(ViewParts.wrappingColumn("Why", DependencyRow::why, 200));
        deps.setPrefHeight(130);
        deps.setMinHeight(90);
        deps.visibleProperty().bind(Bindings.isNotEmpty(model.dependencies().rows()));
        deps.managedProperty().bind(deps.visibleProperty());
        Label shape = new Label();
        shape.setId("dependencyShape");
        shape.setWrapText(true);
        shape.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        shape.textProperty().bind(model.dependencies().shapeProperty());
        // Its lines keep their height beside the growing diff list; the tooltip repeats it.
        shape.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip shapeTip = new javafx.scene.control.Tooltip();
        shapeTip.textProperty().bind(model.dependencies().shapeProperty());
        shape.setTooltip(shapeTip);
        shape.visibleProperty().bind(model.dependencies().shapeProperty().isNotEmpty());
        shape.managedProperty().bind(shape.visibleProperty());
        VBox box = new VBox(6, title, status, diff, depStatus, deps, shape);
        box.setPadding(new Insets(0, 0, 0, 8));
        box.setMinWidth(0);
        return box;
    }

    private Node provisionForm() {
        ProvisionActions actions = model.actions();
        TextField description = new TextField();
        description.setId("descriptionField");
        description.setPromptText("What this provisioning changes and why (required)");
        description.textProperty().bindBidirectional(actions.descriptionProperty());
        HBox.setHgrow(description, Priority.ALWAYS);
        ValidationDecorations<ProvisionActions.Field> decorations =
                new ValidationDecorations<>(actions.errors(), actions::message);
        decorations.register(description, ProvisionActions.Field.DESCRIPTION);
        Button provision = ViewParts.button("provisionButton", "Provision…", Material2MZ.PUBLISH,
                "Provision the selected changes into a new policy version (shows exactly what goes, then asks)",
                actions::provision);
        provision.getStyleClass().add(Styles.ACCENT);
        disabledWhile(provision, actions.provisionBlockedProperty());
        description.setOnAction(e -> {
            if (!provision.isDisabled()) {
                actions.provision();
            }
        });
        Label hint = new Label();
        hint.setId("provisionHint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(actions.provisionBlockedProperty());
        hint.visibleProperty().bind(actions.provisionBlockedProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setMinWidth(0);
        tooltip(hint, actions.provisionBlockedProperty());
        Label label = new Label("Description");
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setLabelFor(description);
        HBox row = new HBox(8, label, description, provision);
        row.setAlignment(Pos.CENTER_LEFT);

        Label version = new Label();
        version.setId("lastVersion");
        version.getStyleClass().addAll(Styles.SUCCESS);
        version.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE));
        version.textProperty().bind(actions.lastVersionTextProperty());
        version.visibleProperty().bind(actions.lastVersionTextProperty().isNotEmpty());
        version.managedProperty().bind(version.visibleProperty());
        return new VBox(4, row, decorations.messageLabel(ProvisionActions.Field.DESCRIPTION, "descriptionError"), hint, version);
    }

    // ---- shared: change chips and diff lines ----------------------------------------------------

    static Ikon icon(ChangeKind k) {
        return switch (k) {
            case ADDED -> Material2AL.ADD_CIRCLE_OUTLINE;
            case MODIFIED -> Material2AL.EDIT;
            case REMOVED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
        };
    }

    static Verdict.Tone tone(ChangeKind k) {
        return switch (k) {
            case ADDED -> Verdict.Tone.SUCCESS;
            case MODIFIED -> Verdict.Tone.WARNING;
            case REMOVED -> Verdict.Tone.DANGER;
        };
    }

    /** A change as a chip: icon, word and colour ("Added", "Modified", "Deleted"). */
    static Label chip(ChangeKind k) {
        Label l = new Label();
        l.getStyleClass().add("status-chip");
        StatusChips.style(l, ChangeTypes.word(k), icon(k), tone(k));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    static final class ChangeCell<T> extends TableCell<T, ChangeKind> {
        @Override
        protected void updateItem(ChangeKind k, boolean empty) {
            super.updateItem(k, empty);
            setText(null);
            if (empty || k == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                Label chip = chip(k);
                setGraphic(chip);
                setTooltip(chip.getTooltip());
            }
        }
    }

    /**
     * The type of a pending change, written on the first row of each group only (the rows come
     * grouped by type), so the groups read as groups; every row keeps the type in its tooltip.
     */
    private static final class GroupCell extends TableCell<PendingRow, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            int i = getIndex();
            var items = getTableView().getItems();
            boolean first = i <= 0 || i >= items.size() || !items.get(i - 1).typeText().equals(item);
            setText(first ? item : null);
            getStyleClass().remove("group-start");
            if (first) {
                getStyleClass().add("group-start");
            }
            tip.setText(item);
            setTooltip(tip);
        }
    }

    /** The diff lines in a list: headings with their change chip, fields indented under them, long lines wrapped. */
    static ListView<DiffLine> diffList(String id, javafx.collections.ObservableList<DiffLine> lines) {
        ListView<DiffLine> list = new ListView<>(lines);
        list.setId(id);
        list.setPlaceholder(new Label("No differences to show"));
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(v -> new ListCell<>() {
            // The text in a wrapping label as wide as the list (minus indent and scroll bar), so long lines
            // wrap instead of running off to the right; the full text is in the tooltip as well.
            private final Label text = new Label();
            private final FontIcon icon = new FontIcon();
            private final HBox box = new HBox(6, icon, text);
            private final Tooltip tip = new Tooltip();

            {
                text.setWrapText(true);
                text.setMinHeight(Label.USE_PREF_SIZE);
                box.setAlignment(Pos.TOP_LEFT);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                setMinWidth(0);
                setPrefWidth(0);
            }

            /** As high as the wrapped text (the theme's fixed cell size would cut a second line). */
            @Override
            protected double computePrefHeight(double width) {
                if (getGraphic() == null) {
                    return super.computePrefHeight(width);
                }
                return snappedTopInset() + snappedBottomInset() + box.prefHeight(-1);
            }

            @Override
            protected void updateItem(DiffLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(null);
                if (empty || line == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                double indent = 20 * line.depth();
                box.setPadding(new Insets(2, 0, 2, indent));
                icon.setVisible(line.heading());
                icon.setManaged(line.heading());
                if (line.heading()) {
                    icon.setIconCode(icon(line.kind()));
                }
                text.setText(line.text());
                // Pref and max width alike: the cell's height is computed for the wrapped text.
                text.prefWidthProperty().bind(list.widthProperty().subtract(40 + indent + (line.heading() ? 22 : 0)));
                text.maxWidthProperty().bind(text.prefWidthProperty());
                text.getStyleClass().removeAll(Styles.TEXT_BOLD);
                if (line.heading()) {
                    text.getStyleClass().add(Styles.TEXT_BOLD);
                }
                setGraphic(box);
                tip.setText(line.text());
                setTooltip(tip);
            }
        });
        return list;
    }
}
