package dev.pceworkbench.ui.labels;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * The label groups half of the labels view: the version selector, New / Edit / Delete (draft
 * only), the inline group editor and the groups as a tree table whose items are built only when
 * expanded (so a cycle can never build an infinite tree), kept in step with the view model's
 * selected group (expanding the path to it).
 */
final class GroupTreePane {
    private final LabelsViewModel model;
    private final TreeTableView<GroupTree.Node> tree = new TreeTableView<>();
    private final VBox root;
    private boolean syncing;

    GroupTreePane(LabelsViewModel model) {
        this.model = model;
        LabelEdits edits = model.edits();
        ComboBox<String> version = new ComboBox<>(model.versions());
        version.setId("versionChoice");
        version.valueProperty().bindBidirectional(model.versionProperty());
        var notDraft = model.draftBinding().not();
        var cannotChange = edits.canChangeGroupBinding().not();
        FlowPane tools = new FlowPane(6, 6, new Label("Policy version"), version,
                LabelsView.button("newGroupButton", "New group", Material2AL.ADD, "A new label group in the draft",
                        edits::newGroup, notDraft),
                LabelsView.button("editGroupButton", "Edit", Material2AL.EDIT, "Rename the group or change its members (draft)",
                        edits::editGroup, cannotChange),
                LabelsView.button("deleteGroupButton", "Delete", Material2AL.DELETE, "Delete the group from the draft",
                        edits::deleteGroup, cannotChange));
        Label hint = new Label("Label groups change only in the draft; switch to draft to edit.");
        hint.getStyleClass().add("text-muted");
        hint.visibleProperty().bind(notDraft);
        hint.managedProperty().bind(notDraft);

        BorderPane editorHolder = new BorderPane();
        edits.groupEditorProperty().addListener((o, a, b) -> editorHolder.setCenter(b == null ? null
                : EditorPanes.groupEditor(b, edits::saveGroup, edits::cancelGroupEditor)));

        Label scope = new Label();
        scope.setId("groupsScope");
        scope.setWrapText(true);
        scope.setMinHeight(Label.USE_PREF_SIZE);
        scope.getStyleClass().add("text-muted");
        scope.textProperty().bind(model.groupsScopeBinding());

        buildTable();
        VBox.setVgrow(tree, Priority.ALWAYS);
        root = new VBox(6, tools, hint, scope, editorHolder, tree);
        root.setPadding(new Insets(8));
    }

    Node root() {
        return root;
    }

    private void buildTable() {
        tree.setId("groupTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("No label groups in this version"));
        TreeTableColumn<GroupTree.Node, String> name = new TreeTableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().name()));
        name.setCellFactory(c -> new javafx.scene.control.TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        name.setPrefWidth(260);
        TreeTableColumn<GroupTree.Node, String> kind = new TreeTableColumn<>("Kind");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().group() ? "Group" : "Label"));
        TreeTableColumn<GroupTree.Node, String> dimension = new TreeTableColumn<>("Dimension");
        dimension.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().dimension()));
        TreeTableColumn<GroupTree.Node, Number> members = new TreeTableColumn<>("Members");
        members.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().group()
                ? c.getValue().getValue().members() : null));
        TreeTableColumn<GroupTree.Node, String> status = new TreeTableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().status()));
        tree.getColumns().setAll(List.of(name, kind, dimension, members, status));

        model.treeProperty().addListener((o, a, b) -> showTree(b));
        model.dimensionProperty().addListener((o, a, b) -> showTree(model.treeProperty().get()));
        showTree(model.treeProperty().get());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedGroupProperty().set(b.getValue());
            }
        });
        model.selectedGroupProperty().addListener((o, a, b) -> select(b));
        tree.setOnMouseClicked(e -> {
            TreeItem<GroupTree.Node> item = tree.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && item.getValue().group()) {
                model.edits().editGroup();
            }
        });
    }

    private void showTree(GroupTree t) {
        syncing = true;
        try {
            TreeItem<GroupTree.Node> root = new TreeItem<>();
            if (t != null) {
                for (GroupTree.Node n : model.groupRoots()) {
                    root.getChildren().add(new NodeItem(t, n));
                }
            }
            tree.setRoot(root);
        } finally {
            syncing = false;
        }
        select(model.selectedGroupProperty().get());
    }

    /** Expands the path to {@code node} and selects it. */
    private void select(GroupTree.Node node) {
        GroupTree t = model.treeProperty().get();
        if (t == null || tree.getRoot() == null) {
            return;
        }
        TreeItem<GroupTree.Node> selected = tree.getSelectionModel().getSelectedItem();
        if (node == null || (selected != null && node.equals(selected.getValue()))) {
            return;
        }
        TreeItem<GroupTree.Node> item = tree.getRoot();
        for (GroupTree.Node step : t.pathTo(node.href())) {
            item = find(item.getChildren(), step);
            if (item == null) {
                return;
            }
            if (step != node && !step.equals(node)) {
                item.setExpanded(true);
            }
        }
        syncing = true;
        try {
            tree.getSelectionModel().select(item);
        } finally {
            syncing = false;
        }
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private static TreeItem<GroupTree.Node> find(ObservableList<TreeItem<GroupTree.Node>> items, GroupTree.Node node) {
        for (TreeItem<GroupTree.Node> i : items) {
            if (i.getValue().equals(node)) {
                return i;
            }
        }
        return null;
    }

    /** A tree item that asks the tree for its children the first time they are needed. */
    private static final class NodeItem extends TreeItem<GroupTree.Node> {
        private final GroupTree tree;
        private boolean built;

        NodeItem(GroupTree tree, GroupTree.Node node) {
            super(node);
            this.tree = tree;
        }

        @Override
        public boolean isLeaf() {
            GroupTree.Node n = getValue();
            return !n.group() || n.cycle() || (built ? super.getChildren().isEmpty() : n.members() == 0);
        }

        @Override
        public ObservableList<TreeItem<GroupTree.Node>> getChildren() {
            if (!built) {
                built = true;
                for (GroupTree.Node c : tree.children(getValue())) {
                    super.getChildren().add(new NodeItem(tree, c));
                }
            }
            return super.getChildren();
        }
    }
}
