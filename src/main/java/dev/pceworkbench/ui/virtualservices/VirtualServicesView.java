package dev.pceworkbench.ui.virtualservices;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.ViewParts;
import dev.pceworkbench.ui.virtualservices.VirtualServicesViewModel.Row;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * The Virtual services view, built in code and bound to {@link VirtualServicesViewModel}: filters
 * (the PCE's own query parameters), the list (state chip with a pending badge, labels as chips,
 * service or ports, number of bindings), and the selected one's bindings and where it is used. The
 * wizards open in place of the list and give it back when closed.
 */
public final class VirtualServicesView {
    private final VirtualServicesViewModel model;
    private final StackPane root;
    private final VBox list;

    public VirtualServicesView(VirtualServicesViewModel model) {
        this.model = model;
        Button create = ViewParts.button("newVirtualServiceButton", "New virtual service…", Material2AL.ADD,
                "Create a virtual service (and its service), then provision it, step by step", this::openNew);
        Button bind = ViewParts.button("bindWorkloadsButton", "Bind workloads…", Material2AL.LINK,
                "Bind workloads or container workloads to an active virtual service", () -> openBind(null));
        Button unbind = ViewParts.button("unbindButton", "Unbind", Material2AL.LINK_OFF,
                "Remove the binding selected under Bindings (asks first)", () -> { });
        Button reload = ViewParts.button("vsReloadButton", "Reload", Material2MZ.REFRESH,
                "Load the virtual services and bindings again from the PCE", model::reload);
        Label status = new Label();
        status.setId("vsStatus");
        status.textProperty().bind(model.statusProperty());
        HBox bar = ViewParts.actionBar(status, create, bind, unbind, reload);

        SplitPane split = new SplitPane(table(), details(unbind));
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);
        list = new VBox(8, bar, filters(), split);
        list.setPadding(new Insets(10, 12, 10, 12));
        root = new StackPane(list);
        root.setId("virtualServicesView");
    }

    public Node root() {
        return root;
    }

    private void show(Node wizard) {
        list.setVisible(false);
        root.getChildren().add(wizard);
    }

    private void close(Node wizard) {
        root.getChildren().remove(wizard);
        list.setVisible(true);
        model.reload();
    }

    private void openNew() {
        NewVirtualServiceWizard w = model.newVirtualServiceWizard();
        Node[] node = new Node[1];
        node[0] = new NewVirtualServiceWizardView(w, () -> close(node[0]), href -> {
            close(node[0]);
            openBind(href);
        }).root();
        show(node[0]);
    }

    private void openBind(String href) {
        BindWorkloadsWizard w = model.bindWizard(href);
        Node[] node = new Node[1];
        node[0] = new BindWorkloadsWizardView(w, () -> close(node[0])).root();
        show(node[0]);
    }

    private Node filters() {
        ComboBox<String> version = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("draft", "active"));
        version.setId("vsVersion");
        version.valueProperty().bindBidirectional(model.versionProperty());
        TextField name = field("vsNameFilter", "Name", model.nameFilterProperty());
        SearchableComboBox<dev.pceworkbench.pce.model.Label> label = new SearchableComboBox<>(model.labels());
        label.setId("vsLabelFilter");
        label.setPromptText("Label");
        label.setConverter(converter(l -> Names.label(l).text()));
        label.valueProperty().bindBidirectional(model.labelFilterProperty());
        label.setPrefWidth(200);
        SearchableComboBox<Service> service = new SearchableComboBox<>(model.services());
        service.setId("vsServiceFilter");
        service.setPromptText("Service");
        service.setConverter(converter(s -> Names.service(s).text()));
        service.valueProperty().bindBidirectional(model.serviceFilterProperty());
        service.setPrefWidth(200);
        TextField port = field("vsPortFilter", "Port", model.portFilterProperty());
        port.setPrefWidth(70);
        TextField proto = field("vsProtoFilter", "tcp/udp", model.protoFilterProperty());
        proto.setPrefWidth(84);
        TextField fqdn = field("vsFqdnFilter", "FQDN", model.fqdnFilterProperty());
        TextField ip = field("vsIpFilter", "IP address", model.ipFilterProperty());
        Button apply = ViewParts.button("vsFilterButton", "Filter", Material2AL.FILTER_LIST,
                "Ask the PCE for the virtual services matching every filter", model::search);
        Button clear = ViewParts.button("vsClearFilters", "Clear", Material2AL.CLEAR, "Clear every filter", () -> {
            model.nameFilterProperty().set("");
            model.labelFilterProperty().set(null);
            model.serviceFilterProperty().set(null);
            model.portFilterProperty().set("");
            model.protoFilterProperty().set("");
            model.fqdnFilterProperty().set("");
            model.ipFilterProperty().set("");
            model.search();
        });
        FlowPane row = new FlowPane(8, 6, version, name, label, service, port, proto, fqdn, ip, apply, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        f.setPrefWidth(150);
        f.setOnAction(e -> model.search());
        return f;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Node table() {
        TableView<Row> t = new TableView<>(model.rows());
        t.setId("virtualServicesTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No virtual service matches"));
        TableColumn<Row, String> name = ViewParts.wrappingColumn("Name", Row::name, 240);
        TableColumn<Row, Row> state = new TableColumn<>("State");
        state.setPrefWidth(100);
        state.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Label s = new Label(r.state());
                s.getStyleClass().addAll("chip", r.active() ? Styles.SUCCESS : Styles.WARNING);
                HBox box = new HBox(4, s);
                box.setAlignment(Pos.CENTER_LEFT);
                if (r.pending()) {
                    Label p = new Label("pending");
                    p.setId("pendingBadge");
                    p.getStyleClass().addAll("chip", Styles.ACCENT);
                    box.getChildren().add(p);
                }
                setGraphic(box);
            }
        });
        TableColumn<Row, Row> labels = new TableColumn<>("Labels");
        labels.setPrefWidth(240);
        labels.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        labels.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(empty || r == null ? null : WizardParts.chips(r.labels()));
            }
        });
        TableColumn<Row, String> service = ViewParts.wrappingColumn("Service or ports", Row::service, 140);
        TableColumn<Row, String> bindings = ViewParts.textColumn("Bindings", r -> Integer.toString(r.bindings()), 70);
        t.getColumns().setAll(List.of(name, state, labels, service, bindings));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> model.selectedProperty().set(r));
        model.selectedProperty().addListener((o, a, r) -> {
            if (t.getSelectionModel().getSelectedItem() != r) {
                t.getSelectionModel().select(r);
            }
        });
        return t;
    }

    private Node details(Button unbind) {
        Label title = new Label();
        title.setId("vsDetailsTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Select a virtual service" : model.selectedProperty().get().name(), model.selectedProperty()));
        ListView<String> bindings = new ListView<>(model.bindings());
        bindings.setId("vsBindings");
        bindings.setPlaceholder(new Label("No bindings"));
        WizardParts.wrapping(bindings);
        ListView<String> used = new ListView<>(model.whereUsed());
        used.setId("vsWhereUsed");
        WizardParts.wrapping(used);
        used.setPlaceholder(new Label("No rule uses it"));
        unbind.disableProperty().bind(bindings.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                        || !model.selectedProperty().get().canWrite(), model.selectedProperty())));
        unbind.setOnAction(e -> model.unbind(bindings.getSelectionModel().getSelectedIndex()));
        VBox.setVgrow(bindings, Priority.ALWAYS);
        VBox.setVgrow(used, Priority.ALWAYS);
        VBox box = new VBox(6, title, new Label("Bindings"), bindings, new Label("Where used"), used);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }
}
