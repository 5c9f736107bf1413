package dev.pceworkbench.ui.provision;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.ValidationDecorations;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
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
        // The summary on a line of its own, as wide as the view: "13 changes are pending: 3 rule sets, …" reads whole.
        HBox status = ViewParts.statusLine("provisionStatus", model.statusProperty(), model.progress());
        ToolBar bar = new ToolBar(deps, impact, revert, revertAll, reload, cancel);
        bar.getStyleClass().add("action-bar");

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

        SplitPane split = new SplitPane(PendingTable.of(model), diffPane());
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox box = new VBox(8, status, bar, filterRow, split, provisionForm());
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

    private Node diffPane() {
        Label title = new Label();
        title.setId("diffTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        // A long name wraps under the pane's narrow width instead of losing "added"/"deleted" at the end.
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        title.textProperty().bind(model.diffTitleProperty());
        tooltip(title, model.diffTitleProperty());
        Label status = new Label();
        status.setId("diffStatus");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.diffStatusProperty());
        ListView<DiffLine> diff = DiffViews.diffList("diffList", model.diff());
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
}
