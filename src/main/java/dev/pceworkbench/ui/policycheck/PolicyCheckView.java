package dev.pceworkbench.ui.policycheck;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.export.TableExport;
import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.SuggestionField;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The policy check view, built in code and bound only to {@link PolicyCheckViewModel}: a tab for
 * one check (consumer and provider pickers, port/protocol, the answers "allowed now" and "allowed
 * after provisioning" side by side, the allowing rules with the selected rule's reason, open and
 * verify on PCE) and a tab for the bulk mode (choose a CSV, progress and cancel, the answers,
 * export). Host it through {@link #root()}.
 */
public final class PolicyCheckView {
    private final PolicyCheckViewModel model;
    private final TabPane root;

    public PolicyCheckView(PolicyCheckViewModel model) {
        this.model = model;
        Tab single = new Tab("Check a connection", singlePane());
        single.setId("singleTab");
        Tab bulk = new Tab("Bulk check (CSV)", bulkPane());
        bulk.setId("bulkTab");
        root = new TabPane(single, bulk);
        root.setId("policyCheckView");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    public Node root() {
        return root;
    }

    private TextField endpointField(String id, String prompt, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        // Enter on a suggestion fills the field; Enter without one checks.
        SuggestionField.bind(f, model::suggest, o -> { }, model::check);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private Node singlePane() {
        TextField consumer = endpointField("consumerField", "Workload (hostname, name or label words) or IP address",
                model.consumerProperty());
        TextField provider = endpointField("providerField", "Workload (hostname, name or label words) or IP address",
                model.providerProperty());
        TextField service = new TextField();
        service.setId("serviceField");
        service.setPromptText("e.g. 443/tcp, 161/udp, icmp, gre");
        service.textProperty().bindBidirectional(model.serviceProperty());
        service.setOnAction(e -> model.check());
        Button check = ViewParts.button("checkButton", "Check", Material2AL.FACT_CHECK,
                "Which rules allow this connection, now and after provisioning (Enter)", model::check);
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(model.progress().busy());
        Button cancel = ViewParts.button("cancelCheckButton", "Cancel", Material2AL.CANCEL,
                "Stop the running check, or the policies' download", model::cancel);
        cancel.disableProperty().bind(model.progress().busy().not().and(model.loadingPolicyProperty().not()));
        Label loading = new Label();
        loading.setId("loadStatus");
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        loading.textProperty().bind(model.loadStatusProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("Consumer"), consumer);
        form.addRow(1, new Label("Provider"), provider);
        HBox serviceRow = new HBox(8, service, check, cancel, loading);
        serviceRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(2, new Label("Port and protocol"), serviceRow);

        Label now = answerLabel("allowedNow", model.allowedNowProperty());
        Label after = answerLabel("allowedAfter", model.allowedAfterProperty());
        HBox nowBox = answerBox(StatusChips.verdictChip("verdictNow", model.verdictNowProperty()), now);
        HBox afterBox = answerBox(StatusChips.verdictChip("verdictAfter", model.verdictAfterProperty()), after);
        HBox answers = new HBox(16, nowBox, afterBox);
        HBox.setHgrow(nowBox, Priority.ALWAYS);
        HBox.setHgrow(afterBox, Priority.ALWAYS);
        nowBox.setMaxWidth(Double.MAX_VALUE);
        afterBox.setMaxWidth(Double.MAX_VALUE);
        nowBox.prefWidthProperty().bind(answers.widthProperty().subtract(16).divide(2));
        afterBox.prefWidthProperty().bind(nowBox.prefWidthProperty());

        TableView<CheckRow> rules = new TableView<>(model.tableRows());
        rules.setId("rulesTable");
        rules.setPlaceholder(new Label("No allowing rules to show"));
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.getColumns().add(ViewParts.wrappingColumn("Rule set", CheckRow::ruleSet, 180));
        rules.getColumns().add(ViewParts.textColumn("Rule", r -> String.valueOf(r.number()), 64));
        TableColumn<CheckRow, RuleState> state = new TableColumn<>("State");
        state.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().state()));
        state.setCellFactory(StatusChips.stateCells());
        state.setMinWidth(StatusChips.STATE_COLUMN_WIDTH);
        state.setPrefWidth(StatusChips.STATE_COLUMN_WIDTH);
        rules.getColumns().add(state);
        rules.getColumns().add(ViewParts.wrappingColumn("Allowed now", CheckRow::allowedNowText, 120));
        rules.getColumns().add(ViewParts.wrappingColumn("Allowed after provisioning", CheckRow::allowedAfterProvisioningText, 200));
        rules.getColumns().add(ViewParts.wrappingColumn("Reason", CheckRow::reason, 320));
        ViewParts.openOnDoubleClick(rules, model::open);
        TextArea reason = new TextArea();
        reason.setId("reasonText");
        reason.setEditable(false);
        reason.setWrapText(true);
        reason.setPromptText("Select a rule to read why it allows the connection");
        rules.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedRowProperty().set(b));
        reason.textProperty().bind(model.selectedReasonProperty());
        SplitPane split = new SplitPane(rules, reason);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);

        Button open = ViewParts.button("openRuleButton", "Open in rule set view", Material2MZ.OPEN_IN_NEW,
                "Show the selected rule in its rule set (or double-click a row)",
                model::openSelected);
        open.disableProperty().bind(model.selectedRowProperty().isNull());
        Button verify = ViewParts.button("verifyButton", "Verify on PCE", Material2MZ.VERIFIED,
                "Ask the PCE's own policy check, for the active policy and the draft, and compare", model::verifyOnPce);
        verify.disableProperty().bind(model.canVerifyProperty().not());
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("checkStatus", model.statusProperty(), model.progress()),
                open, verify);

        VBox box = new VBox(8, form, ViewParts.errorLabel("formError", model.formErrorProperty()), bar, answers, split,
                ViewParts.verifyStatus(model.verifyStatusProperty()),
                ViewParts.verifyDifferences(model.verifyDifferences(), 90));
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    private static Label answerLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.TITLE_4);
        l.textProperty().bind(text);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        l.setTooltip(tip);
        return l;
    }

    /** A verdict chip (icon + word) before the answer in words. */
    private static HBox answerBox(Label chip, Label answer) {
        HBox.setHgrow(answer, Priority.ALWAYS);
        HBox box = new HBox(8, chip, answer);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private Node bulkPane() {
        BulkCheckViewModel bulk = model.bulk();
        Button run = ViewParts.button("bulkRunButton", "Choose CSV and check", Material2AL.FOLDER_OPEN,
                "A CSV with consumer, provider and port/protocol columns (a header row is optional)", bulk::chooseAndRun);
        run.disableProperty().bind(bulk.progress().busy());
        Button cancel = ViewParts.button("bulkCancelButton", "Cancel", Material2AL.CANCEL, "Stop the bulk check",
                bulk::cancel);
        cancel.disableProperty().bind(bulk.progress().busy().not());
        Button export = ViewParts.button("bulkExportButton", "Export answers", Material2MZ.SAVE_ALT,
                "Save the answers as CSV", bulk::exportAnswers);
        export.disableProperty().bind(bulk.canExportProperty().not());
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("bulkStatus", bulk.statusProperty(), bulk.progress()),
                run, cancel, export);

        TableView<BulkRow> table = new TableView<>(bulk.rows());
        table.setId("bulkTable");
        table.setPlaceholder(new Label("No answers yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (TableExport.Column<BulkRow> c : BulkCheckViewModel.COLUMNS) {
            if (c.header().equals("Allowed now") || c.header().equals("Allowed after provisioning")) {
                boolean nowColumn = c.header().equals("Allowed now");
                TableColumn<BulkRow, Verdict> v = new TableColumn<>(c.header());
                v.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(nowColumn ? d.getValue().verdictNow()
                        : d.getValue().verdictAfter()));
                v.setCellFactory(StatusChips.verdictCells());
                v.setMinWidth(Math.max(170, dev.pceworkbench.ui.common.TableCells.headerWidth(c.header())));
                table.getColumns().add(v);
            } else if (c.header().equals("Rules") || c.header().equals("Error") || c.header().equals("Rule hrefs")) {
                table.getColumns().add(ViewParts.wrappingColumn(c.header(), c.value(), 240));
            } else {
                table.getColumns().add(ViewParts.wrappingColumn(c.header(), c.value(), 130));
            }
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, table);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }
}
