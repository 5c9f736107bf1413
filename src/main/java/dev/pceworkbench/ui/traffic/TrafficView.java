package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.connection.SavedTrafficQuery;
import dev.pceworkbench.pce.model.TrafficQuery;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.ui.common.ChipStyles;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.TableCells;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The Traffic view, built in code and bound only to {@link TrafficViewModel}: the query builder (in a
 * pane that folds away), the run bar (Run, Cancel, the last ten queries, the PCE's earlier queries,
 * status with the PCE's state and progress), the stale and the limit banners, and the results in
 * tabs: the flows table with its details pane, the summaries and the charts. Host it through
 * {@link #root()}.
 */
public final class TrafficView {
    private final TrafficViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<FlowRow> table = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final Tab flowsTab = new Tab("Flows");

    public TrafficView(TrafficViewModel model) {
        this.model = model;
        root.setId("trafficView");
        TitledPane query = new TitledPane("Query", new QueryFormView(model.form(), model::run).build());
        query.setId("queryPane");
        query.setCollapsible(true);
        VBox top = new VBox(6, query, runBar(), banners());
        top.setPadding(new Insets(8, 12, 4, 12));
        root.setTop(top);
        root.setCenter(results());
        // Another view in the shell: the saved queries list does not stay over it.
        root.sceneProperty().addListener((o, a, b) -> {
            if (b == null && savedPopup != null) {
                savedPopup.hide();
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node runBar() {
        Button run = ViewParts.button("runButton", "Run", Material2MZ.PLAY_ARROW, "Run the query on the PCE (Enter in a field)",
                model::run);
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.busyProperty());
        Button cancel = ViewParts.button("cancelButton", "Cancel", Material2AL.CANCEL,
                "Stop the running query (the PCE is asked to cancel it too) or export", model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        MenuButton recent = new MenuButton("Recent", new FontIcon(Material2MZ.RESTORE));
        recent.setId("recentButton");
        recent.setMinWidth(Region.USE_PREF_SIZE);
        recent.setTooltip(new Tooltip("The last ten queries: pick one to put it back in the form"));
        recent.setTooltip(new Tooltip("The last ten queries run on this connection: pick one to put it back in the form"));
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            if (model.recent().isEmpty()) {
                MenuItem none = new MenuItem("No queries run yet on this connection");
                none.setDisable(true);
                recent.getItems().add(none);
            }
            for (int n = 0; n < model.recent().size(); n++) {
                SavedTrafficQuery q = model.recent().get(n);
                MenuItem i = new MenuItem(q.name());
                i.setId("recentQuery-" + n);
                i.setOnAction(x -> model.queries().load(q));
                recent.getItems().add(i);
            }
        };
        fillRecent.run();
        model.recent().addListener((javafx.collections.ListChangeListener<SavedTrafficQuery>) c -> fillRecent.run());
        Button saved = ViewParts.button("savedQueriesButton", "Saved", Material2AL.BOOKMARKS,
                "Save the query in the form under a name; load, run, rename or delete saved queries (this connection's)",
                this::showSavedQueries);
        Button clear = ViewParts.button("clearQueryButton", "Clear", Material2AL.CLEAR_ALL,
                "Empty the form (every field back to its default)", model::clearForm);
        Button earlier = ViewParts.button("pceQueriesButton", "PCE queries", Material2AL.HISTORY,
                "The PCE's earlier traffic queries: open a completed one without running it again", this::showPceQueries);
        Label choices = new Label();
        choices.getStyleClass().add(Styles.TEXT_MUTED);
        choices.textProperty().bind(model.choicesStatusProperty());
        choices.visibleProperty().bind(model.choicesStatusProperty().isNotEmpty());
        choices.managedProperty().bind(choices.visibleProperty());
        // The buttons on one row, the status (with the PCE's state and progress while a query runs)
        // on the full width below: a long status is never cut to fit beside six buttons.
        HBox status = ViewParts.statusLine("statusLabel", model.statusProperty(), model.progress());
        if (status.getChildren().get(0) instanceof Label l) {
            l.setWrapText(true);
            l.setMinWidth(0);
            HBox.setHgrow(l, Priority.SOMETIMES);
        }
        choices.setWrapText(true);
        choices.setMinWidth(0);
        for (Node b : List.of(run, cancel, clear, saved, recent, earlier)) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, run, cancel, clear, saved, recent, earlier);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, buttons, status, choices);
        bar.setId("runBar");
        return bar;
    }

    private Popup savedPopup;

    /** The saved queries: a name to save under (or rename to), the list, and what to do with the one selected. */
    private void showSavedQueries() {
        if (savedPopup != null && savedPopup.isShowing()) {
            savedPopup.hide();
            return;
        }
        QueryLibrary lib = model.queries();
        lib.refresh(false);
        TextField name = new TextField();
        name.setId("savedQueryName");
        name.setPromptText("Name for the query in the form (or the new name when renaming)");
        name.textProperty().bindBidirectional(lib.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button save = ViewParts.button("saveQueryButton", "Save", Material2MZ.SAVE,
                "Save the query in the form under this name (a name already saved asks before replacing)", lib::save);
        name.setOnAction(e -> lib.save());
        HBox saveRow = new HBox(8, name, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        ListView<SavedTrafficQuery> list = new ListView<>(lib.saved());
        list.setId("savedQueriesList");
        list.setPrefSize(680, 240);
        list.setPlaceholder(new Label("No saved queries for this connection yet"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SavedTrafficQuery q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : QueryLibrary.describe(q));
                setTooltip(empty || q == null ? null : new Tooltip(QueryLibrary.describe(q)));
            }
        });
        var chosen = list.getSelectionModel().selectedItemProperty();
        Button load = ViewParts.button("loadSavedQuery", "Load", Material2AL.INPUT,
                "Put the selected query in the form, every field as it was saved", () -> lib.load(chosen.get()));
        Button runIt = ViewParts.button("runSavedQuery", "Run", Material2MZ.PLAY_ARROW,
                "Load the selected query and run it (a preset range ends now)", () -> {
                    lib.run(chosen.get());
                    savedPopup.hide();
                });
        Button rename = ViewParts.button("renameSavedQuery", "Rename", Material2AL.EDIT,
                "Give the selected query the name typed above", () -> lib.rename(chosen.get()));
        Button delete = ViewParts.button("deleteSavedQuery", "Delete", Material2AL.DELETE,
                "Delete the selected saved query (asks first)", () -> lib.delete(chosen.get()));
        delete.getStyleClass().add(Styles.DANGER);
        for (Button b : List.of(load, runIt, rename, delete)) {
            b.disableProperty().bind(chosen.isNull());
        }
        runIt.disableProperty().unbind();
        runIt.disableProperty().bind(chosen.isNull().or(model.busyProperty()));
        Button close = ViewParts.button("closeSavedQueries", "Close", Material2AL.CLOSE, "Close this list (Escape)",
                () -> savedPopup.hide());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && chosen.get() != null) {
                load.fire();
            }
        });
        Label state = new Label();
        state.setId("savedQueriesStatus");
        state.setWrapText(true);
        state.setMinWidth(0);
        state.setMaxWidth(680);
        state.textProperty().bind(lib.statusProperty());
        Label heading = new Label();
        heading.textProperty().bind(lib.titleProperty());
        heading.getStyleClass().add(Styles.TITLE_4);
        HBox buttons = new HBox(8, load, runIt, rename, delete, ViewParts.spacer(), close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, heading, saveRow, ViewParts.errorLabel("savedQueryNameError", lib.nameErrorProperty()),
                list, buttons, state);
        box.setId("savedQueriesPane");
        box.setPadding(new Insets(12));
        box.setPrefWidth(704);
        box.getStyleClass().add("traffic-popup");
        savedPopup = new Popup();
        // Not hidden by a click elsewhere: the replace and delete questions come up over it.
        savedPopup.setAutoHide(false);
        savedPopup.setHideOnEscape(true);
        savedPopup.getContent().add(box);
        themed(savedPopup, box);
        var w = root.getScene().getWindow();
        Node anchor = root.lookup("#savedQueriesButton");
        var at = anchor == null ? null : anchor.localToScreen(anchor.getBoundsInLocal());
        double x = at == null ? w.getX() + 240 : Math.max(w.getX() + 8, Math.min(at.getMinX(), w.getX() + w.getWidth() - 720));
        double y = at == null ? w.getY() + 140 : at.getMaxY() + 4;
        savedPopup.show(w, x, y);
        name.requestFocus();
    }

    private void showPceQueries() {
        model.loadPceQueries();
        ListView<TrafficQuery> list = new ListView<>(model.pceQueries());
        list.setId("pceQueriesList");
        list.setPrefSize(640, 260);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TrafficQuery q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : TrafficViewModel.describe(q));
            }
        });
        Label state = new Label();
        state.textProperty().bind(model.pceQueriesStatusProperty());
        Button open = ViewParts.button("openPceQuery", "Open", Material2MZ.OPEN_IN_NEW,
                "Download the selected completed query's flows (it is not run again)", () -> { });
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button close = ViewParts.button("closePceQueries", "Close", Material2AL.CLOSE, "Close this list", () -> { });
        HBox buttons = new HBox(8, state, ViewParts.spacer(), open, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, new Label("The PCE's traffic queries (newest first)"), list, buttons);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("traffic-popup");
        Popup popup = new Popup();
        popup.setAutoHide(true);
        popup.getContent().add(box);
        themed(popup, box);
        open.setOnAction(e -> {
            model.openPceQuery(list.getSelectionModel().getSelectedItem());
            popup.hide();
        });
        close.setOnAction(e -> popup.hide());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.fire();
            }
        });
        var w = root.getScene().getWindow();
        popup.show(w, w.getX() + 240, w.getY() + 140);
    }

    /**
     * A popup is a scene of its own: it gets the window's style sheets (error labels, chips) and the
     * theme's background and border, so it reads in the light and the dark theme alike.
     */
    private void themed(Popup popup, Region box) {
        popup.getScene().getStylesheets().setAll(root.getScene().getStylesheets());
        box.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; "
                + "-fx-border-width: 1;");
        // No drop shadow: without a compositing window manager its transparent margin shows as a frame.
    }

    private Node banners() {
        Label stale = new Label(TrafficViewModel.STALE_TEXT, new FontIcon(Material2MZ.UPDATE));
        stale.textProperty().bind(model.staleReasonProperty());
        stale.setId("staleBanner");
        stale.setWrapText(true);
        stale.getStyleClass().add("stale-banner");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        Label limit = new Label("The PCE returned exactly the max results: there are probably more flows.",
                new FontIcon(Material2MZ.WARNING));
        limit.setWrapText(true);
        limit.setMinWidth(0);
        HBox.setHgrow(limit, Priority.ALWAYS);
        Button split = ViewParts.button("splitButton", "Get every flow (split the time range)", Material2AL.CALL_SPLIT,
                "Run the query again over smaller time windows, in the background, and merge the flows without duplicates",
                model::getEveryFlow);
        split.disableProperty().bind(model.busyProperty());
        HBox limitBanner = new HBox(10, limit, split);
        limitBanner.setId("limitBanner");
        limitBanner.setAlignment(Pos.CENTER_LEFT);
        limitBanner.getStyleClass().add("stale-banner");
        // Offered for the flows on screen only while they answer the form's query.
        limitBanner.visibleProperty().bind(model.limitReachedProperty().and(model.staleProperty().not()));
        limitBanner.managedProperty().bind(limitBanner.visibleProperty());
        return new VBox(4, stale, limitBanner);
    }

    private Node results() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        flowsTab.setId("flowsTab");
        flowsTab.setContent(flowsPane());
        Tab summaries = new Tab("Summaries", new TrafficSummaryView(model, () -> tabs.getSelectionModel().select(flowsTab)).root());
        summaries.setId("summariesTab");
        Tab charts = new Tab("Charts", new TrafficChartsView(model, () -> tabs.getSelectionModel().select(flowsTab)).root());
        charts.setId("chartsTab");
        tabs.getTabs().addAll(flowsTab, summaries, charts);
        VBox box = new VBox(tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 8, 12));
        return box;
    }

    private Node flowsPane() {
        table.setId("flowsTable");
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("No flows to show: run a query"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setFixedCellSize(30);
        SortedList<FlowRow> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        for (FlowColumn c : FlowColumn.values()) {
            TableColumn<FlowRow, ?> col = switch (c) {
                case SOURCE -> endColumn(c, FlowRow::source);
                case DESTINATION -> endColumn(c, FlowRow::destination);
                case DECISION -> verdictColumn(c, FlowRow::decisionVerdict);
                case DRAFT -> verdictColumn(c, FlowRow::draftVerdict);
                case PCE_DRAFT -> verdictColumn(c, r -> Decisions.verdict(r.flow().draftPolicyDecision()));
                case CONNECTIONS -> connectionsColumn(c);
                default -> textColumn(c);
            };
            col.setId("column-" + c.name());
            col.visibleProperty().bindBidirectional(model.columnVisibleProperty(c));
            table.getColumns().add(col);
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        table.getStyleClass().add(Styles.STRIPED);
        model.staleProperty().addListener((o, a, b) -> {
            if (b) {
                table.getStyleClass().add("stale-results");
            } else {
                table.getStyleClass().remove("stale-results");
            }
        });

        TextField filter = new TextField();
        filter.setId("filterField");
        filter.setPromptText("Filter the flows: any text in any column");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button csv = ViewParts.button("exportCsvButton", "Export CSV", Material2MZ.SAVE_ALT,
                "Save the flows the filters keep as CSV", model::exportCsv);
        Button json = ViewParts.button("exportJsonButton", "Export JSON", Material2AL.CODE,
                "Save the flows the filters keep as JSON, each flow as the PCE returned it", model::exportJson);
        csv.disableProperty().bind(model.hasResultsProperty().not().or(model.busyProperty()));
        json.disableProperty().bind(csv.disableProperty());
        Node draft = new DraftBar(model, table).build();
        HBox bar = new HBox(8, filter, csv, json);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label filtered = new Label();
        filtered.setId("rowFilterLabel");
        filtered.setGraphic(new FontIcon(Material2AL.FILTER_ALT));
        filtered.setWrapText(true);
        filtered.setMinWidth(0);
        HBox.setHgrow(filtered, Priority.ALWAYS);
        model.rowFilterProperty().addListener((o, a, b) -> filtered.setText(b == null ? "" : "Only: " + b.description()
                + " (" + String.format(java.util.Locale.US, "%,d", model.shown().size()) + " flows)"));
        Button clear = ViewParts.button("clearFilterButton", "Show all flows", Material2AL.CLEAR_ALL,
                "Clear the chart or summary filter", model::clearRowFilter);
        HBox filterBanner = new HBox(10, filtered, clear);
        filterBanner.setId("rowFilterBanner");
        filterBanner.setAlignment(Pos.CENTER_LEFT);
        filterBanner.getStyleClass().add("stale-banner");
        filterBanner.visibleProperty().bind(model.rowFilterProperty().isNotNull());
        filterBanner.managedProperty().bind(filterBanner.visibleProperty());

        TextArea details = new TextArea();
        details.setId("flowDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.detailsProperty().get().isEmpty() ? "Select a flow to see its details." : model.detailsProperty().get(),
                model.detailsProperty()));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(details, false);
        VBox box = new VBox(6, bar, draft, filterBanner, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private static TableColumn<FlowRow, String> textColumn(FlowColumn c) {
        TableColumn<FlowRow, String> col = TableCells.column(c.header(), c::text, false);
        col.setPrefWidth(switch (c) {
            case SERVICE -> 90;
            case PROCESS -> 100;
            case FIRST_SEEN, LAST_SEEN -> 150;
            default -> 150;
        });
        return col;
    }

    private static TableColumn<FlowRow, Integer> connectionsColumn(FlowColumn c) {
        TableColumn<FlowRow, Integer> col = new TableColumn<>(c.header());
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().connections()));
        col.setMinWidth(TableCells.headerWidth(c.header()));
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return col;
    }

    private static TableColumn<FlowRow, Verdict> verdictColumn(FlowColumn c, Function<FlowRow, Verdict> v) {
        TableColumn<FlowRow, Verdict> col = new TableColumn<>(c.header());
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(v.apply(d.getValue())));
        col.setCellFactory(StatusChips.verdictCells());
        col.setComparator(Comparator.nullsFirst(Comparator.comparing(Verdict::word)));
        col.setMinWidth(120);
        col.setPrefWidth(212);
        return col;
    }

    /** A name with its label (or IP list) chips on one line; sorted by the name. */
    private static TableColumn<FlowRow, FlowRow.End> endColumn(FlowColumn c, Function<FlowRow, FlowRow.End> end) {
        TableColumn<FlowRow, FlowRow.End> col = new TableColumn<>(c.header());
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(end.apply(d.getValue())));
        col.setComparator(Comparator.comparing(FlowRow.End::text));
        col.setCellFactory(x -> new TableCell<>() {
            private final Label name = new Label();
            private final HBox box = new HBox(4);
            private final Tooltip tip = new Tooltip();

            {
                name.setMinWidth(Region.USE_PREF_SIZE);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(FlowRow.End e, boolean empty) {
                super.updateItem(e, empty);
                setText(null);
                if (empty || e == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                name.setText(e.text());
                box.getChildren().setAll(name);
                for (Name n : e.chips()) {
                    Label chip = new Label(n.display());
                    chip.getStyleClass().addAll(ChipStyles.classes(n));
                    chip.getStyleClass().add("traffic-cell-chip");
                    box.getChildren().add(chip);
                }
                tip.setText(e.text() + (e.chipText().isEmpty() ? "" : "\n" + e.chipText()));
                setTooltip(tip);
                setGraphic(box);
            }
        });
        col.setPrefWidth(148);
        col.setMinWidth(120);
        return col;
    }
}
