package dev.pceworkbench.ui.virtualservices;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.ViewParts;
import dev.pceworkbench.ui.virtualservices.CreateAndProvision.Step;
import dev.pceworkbench.ui.virtualservices.NewVirtualServiceWizard.Page;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Consumer;

/**
 * The new-virtual-service wizard's pages, built in code and bound to one
 * {@link NewVirtualServiceWizard}: the page list on top, the current page, the reason it cannot go
 * on yet, and Back / Next / Cancel (plus Create and provision, Retry, and Bind workloads… at the
 * end). {@code onClose} runs when the wizard is closed; {@code onBind} gets the active virtual
 * service's href for the binding wizard.
 */
final class NewVirtualServiceWizardView {
    private final NewVirtualServiceWizard model;
    private final VBox root;

    NewVirtualServiceWizardView(NewVirtualServiceWizard model, Runnable onClose, Consumer<String> onBind) {
        this.model = model;
        StackPane pages = new StackPane(details(), service(), review(), create(), done());
        for (int i = 0; i < pages.getChildren().size(); i++) {
            Node p = pages.getChildren().get(i);
            int index = i;
            p.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.pageProperty().get().ordinal() == index,
                    model.pageProperty()));
        }
        VBox.setVgrow(pages, Priority.ALWAYS);

        Button back = ViewParts.button("wizardBack", "Back", Material2AL.ARROW_BACK, "The previous page; everything typed is kept", model::back);
        back.disableProperty().bind(model.canBack().not());
        Button next = ViewParts.button("wizardNext", "Next", Material2AL.ARROW_FORWARD, "The next page", model::next);
        next.disableProperty().bind(model.canNext().not());
        next.visibleProperty().bind(model.pageProperty().isNotEqualTo(Page.DONE));
        Button run = ViewParts.button("wizardCreate", "Create and provision", Material2MZ.PLAY_ARROW,
                "Create in the draft, then provision; after a failure only the failed step runs again", model.run()::start);
        run.textProperty().bind(Bindings.when(model.run().failureProperty().isNotNull()).then("Retry").otherwise("Create and provision"));
        run.visibleProperty().bind(model.pageProperty().isEqualTo(Page.CREATE).and(model.run().finishedProperty().not()));
        run.managedProperty().bind(run.visibleProperty());
        run.disableProperty().bind(model.run().runningProperty());
        Button bind = ViewParts.button("wizardBind", "Bind workloads…", Material2AL.LINK,
                "Open the binding wizard for the new, active virtual service",
                () -> onBind.accept(model.activeVirtualServiceHref()));
        bind.visibleProperty().bind(model.pageProperty().isEqualTo(Page.DONE));
        bind.managedProperty().bind(bind.visibleProperty());
        Button cancel = ViewParts.button("wizardCancel", "Cancel", Material2AL.CLOSE,
                "Stop the running step, or close the wizard", () -> {
                    if (model.cancel()) {
                        onClose.run();
                    }
                });
        cancel.textProperty().bind(Bindings.when(model.run().runningProperty()).then("Cancel step")
                .otherwise(Bindings.when(model.run().finishedProperty()).then("Close").otherwise("Cancel")));
        HBox buttons = new HBox(8, ViewParts.spacer(), back, run, next, bind, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        javafx.scene.control.Label title = new javafx.scene.control.Label("New virtual service");
        title.getStyleClass().add(Styles.TITLE_3);
        root = new VBox(10, title, WizardParts.header(Page.values(), Page::title, model.pageProperty()), pages,
                WizardParts.problem("wizardProblem", model.pageProblem()), buttons);
        root.setId("newVirtualServiceWizard");
        root.setPadding(new Insets(12));
    }

    Node root() {
        return root;
    }

    private Node details() {
        TextField name = new TextField();
        name.setId("vsName");
        name.setPromptText("e.g. VS-RabbitMQ");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField description = new TextField();
        description.setId("vsDescription");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        ToggleGroup apply = new ToggleGroup();
        RadioButton hostOnly = new RadioButton("Host only");
        hostOnly.setId("applyHostOnly");
        RadioButton bridge = new RadioButton("Internal bridge network");
        bridge.setId("applyBridge");
        hostOnly.setToggleGroup(apply);
        bridge.setToggleGroup(apply);
        Runnable showApply = () -> apply.selectToggle(NewVirtualServiceWizard.HOST_ONLY.equals(model.applyToProperty().get()) ? hostOnly : bridge);
        showApply.run();
        model.applyToProperty().addListener((o, a, b) -> showApply.run());
        apply.selectedToggleProperty().addListener((o, a, t) -> model.applyToProperty().set(
                t == bridge ? NewVirtualServiceWizard.INTERNAL_BRIDGE_NETWORK : NewVirtualServiceWizard.HOST_ONLY));

        GridPane form = WizardParts.form();
        WizardParts.row(form, "Name", name, "Virtual service names need not be unique.");
        WizardParts.row(form, "Description", description, null);
        WizardParts.row(form, "Apply to", new HBox(14, hostOnly, bridge), null);
        VBox labels = new VBox(6);
        labels.setId("vsLabels");
        Runnable buildLabels = () -> {
            labels.getChildren().clear();
            for (LabelDimension d : model.dimensions()) {
                labels.getChildren().add(labelPicker(d));
            }
        };
        model.dimensions().addListener((ListChangeListener<LabelDimension>) c -> buildLabels.run());
        buildLabels.run();
        WizardParts.row(form, "Labels", labels, "At most one label per dimension; type to search.");
        return WizardParts.page(form);
    }

    private Node labelPicker(LabelDimension d) {
        SearchableComboBox<Label> box = new SearchableComboBox<>();
        box.setId("label-" + d.key());
        box.getItems().setAll(model.labelsOf(d.key()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Label l) {
                return l == null ? "" : Names.label(l).text();
            }

            @Override
            public Label fromString(String s) {
                return null;
            }
        });
        box.setPromptText(d.displayName() == null ? d.key() : d.displayName());
        box.setValue(model.labels().get(d.key()));
        box.valueProperty().addListener((o, a, l) -> model.setLabel(d.key(), l));
        model.labels().addListener((javafx.collections.MapChangeListener<String, Label>) c -> {
            if (c.getKey().equals(d.key()) && box.getValue() != model.labels().get(d.key())) {
                box.setValue(model.labels().get(d.key()));
            }
        });
        Button clear = new Button(null, new org.kordamp.ikonli.javafx.FontIcon(Material2AL.CLEAR));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setOnAction(e -> box.setValue(null));
        box.setPrefWidth(320);
        HBox row = new HBox(6, box, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node service() {
        ToggleGroup choice = new ToggleGroup();
        RadioButton fresh = new RadioButton("Define ports here (the wizard creates the service)");
        fresh.setId("serviceNew");
        RadioButton existing = new RadioButton("Use an existing service");
        existing.setId("serviceExisting");
        fresh.setToggleGroup(choice);
        existing.setToggleGroup(choice);
        choice.selectToggle(model.newServiceProperty().get() ? fresh : existing);
        choice.selectedToggleProperty().addListener((o, a, t) -> model.newServiceProperty().set(t == fresh));
        model.newServiceProperty().addListener((o, a, b) -> choice.selectToggle(b ? fresh : existing));

        TextField serviceName = new TextField();
        serviceName.setId("serviceName");
        serviceName.setPromptText("e.g. S-RabbitMQ");
        serviceName.textProperty().bindBidirectional(model.serviceNameProperty());
        TextField ports = new TextField();
        ports.setId("servicePorts");
        ports.setPromptText("5672/tcp, 15672-15673/tcp");
        ports.textProperty().bindBidirectional(model.portsTextProperty());
        SearchableComboBox<Service> pick = new SearchableComboBox<>(model.services());
        pick.setId("existingService");
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(Service s) {
                return s == null ? "" : Names.service(s).text() + " — " + Names.servicePorts(s.servicePorts());
            }

            @Override
            public Service fromString(String s) {
                return null;
            }
        });
        pick.valueProperty().bindBidirectional(model.existingServiceProperty());
        pick.setPrefWidth(420);
        serviceName.disableProperty().bind(model.newServiceProperty().not());
        ports.disableProperty().bind(model.newServiceProperty().not());
        pick.disableProperty().bind(model.newServiceProperty());

        TextField addresses = new TextField();
        addresses.setId("serviceAddresses");
        addresses.setPromptText("rabbitmq.corp.example:5672, 10.0.0.5");
        addresses.textProperty().bindBidirectional(model.addressesTextProperty());
        TextField ipOverrides = new TextField();
        ipOverrides.setId("ipOverrides");
        ipOverrides.textProperty().bindBidirectional(model.ipOverridesTextProperty());

        GridPane form = WizardParts.form();
        WizardParts.row(form, "", fresh, null);
        WizardParts.row(form, "Service name", serviceName, "Service names are unique.");
        WizardParts.row(form, "Ports", ports, "Ports, ranges and protocols, comma-separated; a bare port is TCP.");
        WizardParts.row(form, "", existing, null);
        WizardParts.row(form, "Service", pick, null);
        WizardParts.row(form, "Service addresses", addresses, "FQDNs or IP addresses, each optionally with :port.");
        WizardParts.row(form, "IP overrides", ipOverrides, "IP addresses, comma-separated.");
        return WizardParts.page(form);
    }

    private Node review() {
        ListView<String> lines = new ListView<>(model.review());
        lines.setId("reviewList");
        WizardParts.wrapping(lines);
        lines.setPrefHeight(220);
        ListView<String> with = new ListView<>(model.provisionedWith());
        with.setId("provisionedWith");
        with.setPrefHeight(80);
        with.setPlaceholder(new javafx.scene.control.Label("Nothing else pending is known to be needed; "
                + "the PCE's dependency check runs again before provisioning."));
        return WizardParts.page(new javafx.scene.control.Label("What will be created, in the draft, and provisioned:"),
                lines, new javafx.scene.control.Label("Provisioned with it:"), with);
    }

    private Node create() {
        ListView<Step> steps = new ListView<>(model.run().steps());
        steps.setId("createSteps");
        steps.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Step s, boolean empty) {
                super.updateItem(s, empty);
                textProperty().unbind();
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> switch (s.stateProperty().get()) {
                    case WAITING -> "○ ";
                    case RUNNING -> "… ";
                    case DONE -> "✓ ";
                    case FAILED -> "✗ ";
                } + s.title() + (s.detailProperty().get().isEmpty() ? "" : " — " + s.detailProperty().get()),
                        s.stateProperty(), s.detailProperty()));
            }
        });
        steps.setPrefHeight(180);
        javafx.scene.control.Label failure = ViewParts.errorLabel("createFailure", model.run().failureProperty());
        return WizardParts.page(new javafx.scene.control.Label("One task: each step shows how far it got."), steps, failure);
    }

    private Node done() {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.setId("doneText");
        l.textProperty().bind(Bindings.createStringBinding(() -> model.run().finishedProperty().get()
                ? model.nameProperty().get().trim() + " is active. Bind workloads to it now, or close the wizard." : "",
                model.run().finishedProperty()));
        l.setWrapText(true);
        return WizardParts.page(l);
    }
}
