package dev.pceworkbench.ui.labels;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.TableCells;
import dev.pceworkbench.policy.usage.UsageReference;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * The labels view, built in code and bound only to {@link LabelsViewModel}: the dimensions on the
 * left, a filter field and a progress bar over two tabs (labels in a sortable virtualized table
 * with New / Rename / Delete and the inline label editor; label groups as a tree, see
 * {@link GroupTreePane}), and "where used" for the selection on the right, each entry openable
 * (double-click or Open). The view loads its data whenever it is shown. Host it through {@link #root()}.
 */
public final class LabelsView {
    private final LabelsViewModel model;
    private final TableView<LabelRow> table = new TableView<>();
    private final SplitPane root;
    private boolean syncing;

    public LabelsView(LabelsViewModel model) {
        this.model = model;
        BorderPane center = new BorderPane();
        center.setTop(header());
        center.setCenter(tabs());
        root = new SplitPane(dimensionList(), center, usagePane());
        root.setId("labelsView");
        root.setDividerPositions(0.16, 0.68);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    /** The view's root node, for the shell to host. */
    public Node root() {
        return root;
    }

    private Node dimensionList() {
        ListView<DimensionChoice> list = new ListView<>(model.dimensions());
        list.setId("dimensionList");
        list.getSelectionModel().select(model.dimensionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.dimensionProperty().set(b);
            }
        });
        model.dimensionProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        model.dimensions().addListener((javafx.collections.ListChangeListener<DimensionChoice>) c ->
                list.getSelectionModel().select(model.dimensionProperty().get()));
        Label title = new Label("Dimensions");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, title, list);
        box.setPadding(new Insets(10));
        box.setMinWidth(150);
        return box;
    }

    private Node header() {
        TextField filter = new TextField();
        filter.setId("labelFilter");
        filter.setPromptText("Filter by value, key or href");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label status = new Label();
        status.setId("labelStatus");
        status.setMinWidth(Label.USE_PREF_SIZE);
        status.textProperty().bind(model.statusBinding());
        Button reload = button("reloadLabelsButton", "Reload", Material2MZ.REFRESH,
                "Load labels, workloads and groups again from the PCE", model::reload, model.loadingProperty());
        HBox bar = new HBox(8, filter, status, reload);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());
        Label message = new Label();
        message.setId("loadMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.loadingProperty());
        message.managedProperty().bind(model.loadingProperty());
        VBox box = new VBox(4, bar, progress, message);
        box.setPadding(new Insets(8, 8, 0, 8));
        return box;
    }

    private Node tabs() {
        Tab labels = new Tab("Labels", labelsPane());
        labels.setId("labelsTab");
        Tab groups = new Tab("Label groups", new GroupTreePane(model).root());
        groups.setId("groupsTab");
        TabPane tabs = new TabPane(labels, groups);
        tabs.setId("labelsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(model.sectionProperty().get() == LabelsViewModel.Section.GROUPS ? groups : labels);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.sectionProperty()
                .set(b == groups ? LabelsViewModel.Section.GROUPS : LabelsViewModel.Section.LABELS));
        model.sectionProperty().addListener((o, a, b) -> tabs.getSelectionModel()
                .select(b == LabelsViewModel.Section.GROUPS ? groups : labels));
        return tabs;
    }

    private Node labelsPane() {
        LabelEdits edits = model.edits();
        ObservableBooleanValue none = edits.canChangeLabelBinding().not();
        FlowPane tools = new FlowPane(6, 6,
                button("newLabelButton", "New label", Material2AL.ADD, "Create a label (labels are not versioned)",
                        edits::newLabel, null),
                button("renameLabelButton", "Rename", Material2AL.EDIT, "Change the selected label's value",
                        edits::renameLabel, none),
                button("deleteLabelButton", "Delete", Material2AL.DELETE, "Delete the selected label", edits::deleteLabel, none));
        BorderPane editorHolder = new BorderPane();
        edits.labelEditorProperty().addListener((o, a, b) -> editorHolder.setCenter(b == null ? null
                : EditorPanes.labelEditor(b, edits::saveLabel, edits::cancelLabelEditor)));

        table.setId("labelsTable");
        // While the first load runs the table says so (with a spinner), not "No labels match".
        Label placeholderText = new Label();
        placeholderText.setId("labelsPlaceholder");
        placeholderText.textProperty().bind(model.placeholderBinding());
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setMaxSize(28, 28);
        spinner.visibleProperty().bind(model.placeholderBinding().isEqualTo(LabelsViewModel.LOADING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox placeholder = new VBox(8, spinner, placeholderText);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        table.setPlaceholder(placeholder);
        // Columns keep their widths (a horizontal scroll bar when narrow) rather than being squeezed unreadable.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                text("Value", LabelRow::value, 180),
                text("Dimension", LabelRow::dimension, 120),
                text("Key", LabelRow::key, 60),
                number(),
                text("External data", LabelRow::externalData, 120),
                text("Created", LabelRow::createdText, 130),
                text("Updated", LabelRow::updatedText, 130)));
        SortedList<LabelRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedLabelProperty().set(b);
            }
        });
        model.selectedLabelProperty().addListener((o, a, b) -> showSelected(b));
        sorted.addListener((javafx.collections.ListChangeListener<LabelRow>) c -> showSelected(model.selectedLabelProperty().get()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                edits.renameLabel();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, tools, editorHolder, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private void showSelected(LabelRow row) {
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (!row.equals(table.getSelectionModel().getSelectedItem())) {
                int i = table.getItems().indexOf(row);
                if (i >= 0) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(Math.max(0, i - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private Node usagePane() {
        WhereUsedViewModel where = model.whereUsed();
        Label title = new Label();
        title.setId("usageTitle");
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(where.titleProperty());
        title.setMinHeight(Label.USE_PREF_SIZE);
        Label hint = new Label(WhereUsedViewModel.ROWS_HINT);
        hint.setId("usageHint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ProgressBar busy = new ProgressBar(-1);
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.visibleProperty().bind(where.loadingProperty());
        busy.managedProperty().bind(where.loadingProperty());

        TableView<UsageReference> usages = new TableView<>();
        usages.setId("usageTable");
        usages.setPlaceholder(new Label("No references"));
        // The pane is narrow: names and uses wrap (full text in each cell's tooltip) rather than being cut.
        usages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<UsageReference, String> kind = TableCells.column("Kind", r -> r.kind().displayName(), true);
        kind.setPrefWidth(96);
        kind.setMinWidth(92);   // "Workload" whole: the kinds wrap between words only
        TableColumn<UsageReference, String> name = TableCells.column("Name", UsageReference::name, true);
        name.setPrefWidth(170);
        TableColumn<UsageReference, String> how = TableCells.column("Used as", UsageReference::describeUsage, true);
        how.setPrefWidth(110);
        usages.getColumns().setAll(List.of(kind, name, how));
        SortedList<UsageReference> sorted = new SortedList<>(where.usages());
        sorted.comparatorProperty().bind(usages.comparatorProperty());
        usages.setItems(sorted);
        // A new subject starts at its first reference, not where the previous one was scrolled to.
        where.usages().addListener((javafx.collections.ListChangeListener<UsageReference>) c -> usages.scrollTo(0));
        usages.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> where.selectedProperty().set(b));
        usages.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && usages.getSelectionModel().getSelectedItem() != null) {
                where.open(usages.getSelectionModel().getSelectedItem());
            }
        });
        usages.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                where.open(usages.getSelectionModel().getSelectedItem());
            }
        });
        Button open = button("openUsageButton", "Open", Material2MZ.OPEN_IN_NEW, "Open the selected reference",
                () -> where.open(where.selectedProperty().get()), where.selectedProperty().isNull());
        VBox.setVgrow(usages, Priority.ALWAYS);
        VBox box = new VBox(8, title, hint, busy, usages, open);
        box.setPadding(new Insets(10));
        box.setMinWidth(240);
        return box;
    }

    private static TableColumn<LabelRow, String> text(String title, java.util.function.Function<LabelRow, String> f, double width) {
        TableColumn<LabelRow, String> c = TableCells.column(title, f, false);
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        return c;
    }

    private static TableColumn<LabelRow, Integer> number() {
        TableColumn<LabelRow, Integer> c = new TableColumn<>("Workloads");
        c.setId("workloadsColumn");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().workloads()));
        c.setMinWidth(TableCells.headerWidth("Workloads"));
        c.setPrefWidth(Math.max(100, c.getMinWidth()));
        return c;
    }

    static Button button(String id, String text, Ikon icon, String tip, Runnable action, ObservableBooleanValue disabled) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        if (disabled != null) {
            b.disableProperty().bind(disabled);
        }
        return b;
    }
}
