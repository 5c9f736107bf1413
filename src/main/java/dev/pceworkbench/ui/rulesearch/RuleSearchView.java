package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.SuggestionField;
import dev.pceworkbench.ui.common.TableCells;
import dev.pceworkbench.ui.common.policy.ViewParts;
import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.ui.rulesearch.SearchRequest.ActorFilterItem;
import dev.pceworkbench.ui.rulesearch.SearchRequest.Flag;
import dev.pceworkbench.ui.rulesearch.SearchRequest.KindFilter;
import dev.pceworkbench.ui.rulesearch.SearchRequest.Side;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Comparator;

/**
 * The rule search view, built in code and bound only to {@link RuleSearchViewModel}: the form
 * (version, basic or advanced mode, ports, description, actor filters with a searchable picker,
 * match and flags), the status line with the result count and timing, the virtualized sortable
 * results table with its column chooser, and the actions open, export CSV / JSON and verify on PCE
 * with the PCE's answer. Host it through {@link #root()}.
 */
public final class RuleSearchView {
    private final RuleSearchViewModel model;
    private final SearchForm form;
    private final TableView<RuleRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();

    public RuleSearchView(RuleSearchViewModel model) {
        this.model = model;
        this.form = model.form();
        root.setId("ruleSearchView");
        root.setTop(form());
        root.setCenter(resultsPane());
    }

    public Node root() {
        return root;
    }

    private Node form() {
        ChoiceBox<String> version = new ChoiceBox<>(FXCollections.observableArrayList(RuleSearchViewModel.VERSIONS));
        version.setId("versionChoice");
        version.valueProperty().bindBidirectional(form.versionProperty());
        version.setTooltip(new Tooltip("Search the draft policy, or the active (provisioned) one"));

        ToggleGroup modes = new ToggleGroup();
        RadioButton basic = new RadioButton("Basic");
        basic.setId("basicMode");
        basic.setTooltip(new Tooltip("One text matched against every attribute of a rule"));
        RadioButton advanced = new RadioButton("Advanced");
        advanced.setId("advancedMode");
        advanced.setTooltip(new Tooltip("Ports, providers, consumers, description and flags"));
        basic.setToggleGroup(modes);
        advanced.setToggleGroup(modes);
        (form.basicModeProperty().get() ? basic : advanced).setSelected(true);
        basic.selectedProperty().addListener((o, a, b) -> form.basicModeProperty().set(b));
        form.basicModeProperty().addListener((o, a, b) -> (b ? basic : advanced).setSelected(true));

        Button search = ViewParts.button("searchButton", "Search", Material2MZ.SEARCH, "Search the rules (Enter)", model::search);
        search.getStyleClass().add(Styles.ACCENT);
        search.disableProperty().bind(model.busyProperty());
        Button cancel = ViewParts.button("cancelButton", "Cancel", Material2AL.CANCEL,
                "Stop the running search or export, or the policy's download", model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not().and(model.loadingPolicyProperty().not()));
        Label loading = new Label();
        loading.setId("loadStatus");
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        loading.textProperty().bind(model.loadStatusProperty());
        Label choices = new Label();
        choices.setId("choicesStatus");
        choices.getStyleClass().add(Styles.TEXT_MUTED);
        choices.textProperty().bind(model.choicesStatusProperty());

        HBox top = new HBox(10, new Label("Policy version"), version, basic, advanced, search, cancel, loading, choices);
        top.setAlignment(Pos.CENTER_LEFT);

        TextField text = field("basicText", "Any attribute: a label, service, rule set name, description…",
                form.basicTextProperty());
        text.setOnAction(e -> model.search());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox basicPane = new HBox(8, new Label("Text"), text);
        basicPane.setAlignment(Pos.CENTER_LEFT);
        basicPane.visibleProperty().bind(form.basicModeProperty());
        basicPane.managedProperty().bind(basicPane.visibleProperty());

        Node advancedPane = advancedPane();
        advancedPane.visibleProperty().bind(form.basicModeProperty().not());
        advancedPane.managedProperty().bind(advancedPane.visibleProperty());

        VBox box = new VBox(8, top, basicPane, advancedPane, ViewParts.errorLabel("formError", form.errorProperty()));
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    private Node advancedPane() {
        TextField ports = field("portsField", "e.g. 161/udp, 5432 tcp, 8000-8080/tcp, gre (empty: any)", form.portsProperty());
        ports.setOnAction(e -> model.search());
        TextField description = field("descriptionField", "Text in the rule's description (empty: any)",
                form.descriptionProperty());
        description.setOnAction(e -> model.search());

        ChoiceBox<Side> side = new ChoiceBox<>(FXCollections.observableArrayList(Side.values()));
        side.setId("actorSide");
        side.valueProperty().bindBidirectional(form.actorSideProperty());
        TextField actor = field("actorField", "Label, label group, workload, IP list or IP address — type to search",
                form.actorTextProperty());
        SuggestionField.bind(actor, form::suggest, form::addPicked, form::addActor);
        HBox.setHgrow(actor, Priority.ALWAYS);
        Button add = ViewParts.button("addActorButton", "Add", Material2AL.ADD, "Add this actor to the filters", form::addActor);
        HBox actorRow = new HBox(8, side, actor, add);
        actorRow.setAlignment(Pos.CENTER_LEFT);

        ListView<ActorFilterItem> filters = new ListView<>(form.filters());
        filters.setId("filterList");
        filters.setPrefHeight(84);
        filters.setPlaceholder(new Label("No actor filters: rules with any providers and consumers"));
        Button remove = ViewParts.button("removeFilterButton", "Remove", Material2MZ.REMOVE_CIRCLE_OUTLINE,
                "Remove the selected filter", () -> form.removeFilter(filters.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(filters.getSelectionModel().selectedItemProperty().isNull());

        ChoiceBox<RuleSearch.Match> match = new ChoiceBox<>(FXCollections.observableArrayList(RuleSearch.Match.values()));
        match.setId("matchChoice");
        match.setConverter(new StringConverter<>() {
            @Override
            public String toString(RuleSearch.Match m) {
                return SearchForm.matchText(m);
            }

            @Override
            public RuleSearch.Match fromString(String s) {
                return SearchForm.match(s);
            }
        });
        match.valueProperty().bindBidirectional(form.matchProperty());
        CheckBox deep = new CheckBox("Also through label groups and All Workloads");
        deep.setId("resolveActors");
        deep.setTooltip(new Tooltip("A label also finds rules naming label groups that hold it and All Workloads; "
                + "a workload also finds rules naming its labels"));
        deep.selectedProperty().bindBidirectional(form.resolveActorsProperty());
        CheckBox activeOnly = new CheckBox("Only rules that can allow traffic");
        activeOnly.setId("activeOnly");
        activeOnly.setTooltip(new Tooltip("Leave out disabled rules and the rules of disabled rule sets"));
        activeOnly.selectedProperty().bindBidirectional(form.activeOnlyProperty());
        ChoiceBox<Flag> enabled = flagChoice("enabledChoice", form.enabledProperty());
        ChoiceBox<Flag> stateless = flagChoice("statelessChoice", form.statelessProperty());
        ChoiceBox<KindFilter> kind = new ChoiceBox<>(FXCollections.observableArrayList(KindFilter.values()));
        kind.setId("kindChoice");
        kind.valueProperty().bindBidirectional(form.kindProperty());
        // Each choice stays beside its label when the options wrap.
        HBox enabledBox = new HBox(6, new Label("Enabled"), enabled);
        enabledBox.setAlignment(Pos.CENTER_LEFT);
        HBox statelessBox = new HBox(6, new Label("Stateless"), stateless);
        statelessBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane flags = new FlowPane(10, 6, match, deep, activeOnly, enabledBox, statelessBox, kind);
        flags.setAlignment(Pos.CENTER_LEFT);

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, new Label("Ports and protocols"), ports);
        g.addRow(1, new Label("Description contains"), description);
        g.addRow(2, new Label("Actor"), actorRow);
        HBox filterRow = new HBox(8, filters, remove);
        HBox.setHgrow(filters, Priority.ALWAYS);
        g.addRow(3, new Label("Filters"), filterRow);
        g.addRow(4, new Label("Options"), flags);
        GridPane.setHgrow(ports, Priority.ALWAYS);
        GridPane.setHgrow(actorRow, Priority.ALWAYS);
        GridPane.setHgrow(filterRow, Priority.ALWAYS);
        return g;
    }

    private static ChoiceBox<Flag> flagChoice(String id, javafx.beans.property.ObjectProperty<Flag> p) {
        ChoiceBox<Flag> c = new ChoiceBox<>(FXCollections.observableArrayList(Flag.values()));
        c.setId(id);
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Node resultsPane() {
        table.setId("resultsTable");
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("No rules to show"));
        // Columns share the width; long texts wrap and every cell's tooltip has its full text.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        SortedList<RuleRow> sorted = new SortedList<>(model.results());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        MenuButton columns = new MenuButton("Columns", new FontIcon(Material2MZ.VIEW_COLUMN));
        columns.setId("columnsButton");
        columns.setTooltip(new Tooltip("Choose the columns to show"));
        for (RuleColumn c : RuleColumn.values()) {
            TableColumn<RuleRow, ?> col = c == RuleColumn.ENABLED ? stateColumn(c) : textColumn(c);
            col.setId("column-" + c.name());
            col.visibleProperty().bindBidirectional(model.columnVisibleProperty(c));
            table.getColumns().add(col);
            CheckMenuItem item = new CheckMenuItem(c.header());
            item.setId("show-" + c.name());
            item.selectedProperty().bindBidirectional(model.columnVisibleProperty(c));
            columns.getItems().add(item);
        }
        ViewParts.openOnDoubleClick(table, model::open);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getStyleClass().add(Styles.STRIPED);
        model.staleProperty().addListener((o, a, b) -> {
            if (b) {
                table.getStyleClass().add("stale-results");
            } else {
                table.getStyleClass().remove("stale-results");
            }
        });

        Button open = ViewParts.button("openButton", "Open in rule set view", Material2MZ.OPEN_IN_NEW,
                "Show the selected rule in its rule set (or double-click a row)",
                () -> model.open(table.getSelectionModel().getSelectedItem()));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button csv = ViewParts.button("exportCsvButton", "Export CSV", Material2MZ.SAVE_ALT,
                "Save every result (not only the visible rows) as CSV", model::exportCsv);
        Button json = ViewParts.button("exportJsonButton", "Export JSON", Material2AL.CODE,
                "Save every result as JSON, each rule as the PCE returns it", model::exportJson);
        csv.disableProperty().bind(model.hasResultsProperty().not().or(model.busyProperty()));
        json.disableProperty().bind(csv.disableProperty());
        Button verify = ViewParts.button("verifyButton", "Verify on PCE", Material2MZ.VERIFIED,
                "Ask the PCE's own rule search the same question and compare", model::verifyOnPce);
        verify.disableProperty().bind(model.canVerifyProperty().not().or(model.staleProperty()));
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.verifyHintProperty());
        verify.setTooltip(why);
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("statusLabel", model.statusProperty(), model.progress()),
                columns, open, csv, json, verify);

        Label staleBanner = new Label(RuleSearchViewModel.STALE_TEXT, new FontIcon(Material2MZ.UPDATE));
        staleBanner.setId("staleBanner");
        staleBanner.setWrapText(true);
        staleBanner.getStyleClass().add("stale-banner");
        staleBanner.visibleProperty().bind(model.staleProperty());
        staleBanner.managedProperty().bind(staleBanner.visibleProperty());

        VBox box = new VBox(8, bar, staleBanner, table, ViewParts.verifyStatus(model.verifyStatusProperty()),
                ViewParts.verifyDifferences(model.verifyDifferences(), 100));
        box.setPadding(new Insets(6, 12, 10, 12));
        return box;
    }

    private static boolean wraps(RuleColumn c) {
        return switch (c) {
            case PROVIDERS, CONSUMERS, SERVICES, SCOPE, DESCRIPTION, RULE_SET, HREF -> true;
            default -> false;
        };
    }

    private static TableColumn<RuleRow, String> textColumn(RuleColumn c) {
        TableColumn<RuleRow, String> col = TableCells.column(c.header(), c::text, wraps(c));
        if (c == RuleColumn.NUMBER) {
            col.setComparator(Comparator.comparingInt(Integer::parseInt));
        }
        col.setMinWidth(Math.max(col.getMinWidth(), minWidth(c)));
        col.setPrefWidth(width(c));
        return col;
    }

    /** The effective state as a chip (icon + "Enabled" / "Disabled (rule set)"), sorted by its words. */
    private static TableColumn<RuleRow, RuleState> stateColumn(RuleColumn c) {
        TableColumn<RuleRow, RuleState> col = new TableColumn<>(c.header());
        col.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue().state()));
        col.setCellFactory(StatusChips.stateCells());
        col.setComparator(Comparator.comparing(RuleState::text));
        // Shrinks before the text columns do when the window is narrow; a cut chip keeps its tooltip.
        col.setMinWidth(130);
        col.setPrefWidth(StatusChips.STATE_COLUMN_WIDTH);
        return col;
    }

    /** Enough for a column's usual words on two lines; together they fit the table at 1280 × 800. */
    private static double minWidth(RuleColumn c) {
        return switch (c) {
            case RULE_SET -> 120;
            case NUMBER -> 56;
            case KIND -> 104;
            case PROVIDERS, CONSUMERS, SCOPE -> 105;
            default -> 90;
        };
    }

    private static double width(RuleColumn c) {
        return switch (c) {
            case NUMBER -> 64;
            case STATELESS -> 100;
            case KIND -> 112;
            case RULE_SET -> 150;
            case HREF, PROVIDERS, CONSUMERS, SCOPE, DESCRIPTION -> 140;
            default -> 120;
        };
    }
}
