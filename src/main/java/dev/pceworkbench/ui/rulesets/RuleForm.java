package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.ValidationDecorations;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;


/**
 * The security rule form, bound to {@link RuleEditorViewModel}: providers, services and consumers
 * (searchable pickers and chips), how labels resolve on each side, extra-scope, stateless, enabled
 * and description. Each Rules-guide violation shows under its field; Save is disabled while any remains.
 */
final class RuleForm {
    private final ScrollPane root;

    RuleForm(RuleSetsViewModel vm) {
        RuleEditorViewModel f = vm.ruleEditor();
        FormMessages m = f.messages();
        ValidationDecorations<FormField> deco = new ValidationDecorations<>(m.errors(), m::messageProperty);

        Label title = FormParts.title("ruleFormTitle");
        title.textProperty().bind(f.titleProperty());

        HBox providerPicker = ActorPicker.of("providerPicker", vm.namesProperty(), c -> true,
                f.providerChoiceProperty(), f::addProvider, false);
        deco.register(ActorPicker.searchField(providerPicker), FormField.PROVIDERS);
        CheckBox provW = FormParts.check("providersAsWorkloads", "Workloads", f.providersAsWorkloadsProperty());
        CheckBox provVs = FormParts.check("providersAsVirtualServices", "Virtual services", f.providersAsVirtualServicesProperty());

        FlowPane serviceChips = ChipViews.editable(f.services(), f::serviceName, "servicesChips",
                "None (only for rules whose providers use virtual services)");
        HBox servicePicker = ActorPicker.of("servicePicker", vm.namesProperty(), c -> true,
                f.serviceChoiceProperty(), f::addService, true);
        deco.register(ActorPicker.searchField(servicePicker), FormField.SERVICES);
        TextField port = new TextField();
        port.setId("portField");
        port.setPromptText("443 TCP, 443/tcp, 8000-8080 UDP, ICMP");
        port.textProperty().bindBidirectional(f.portTextProperty());
        port.setOnAction(e -> f.addPort());
        Button addPort = new Button("Add port");
        addPort.setId("addPortButton");
        addPort.setOnAction(e -> f.addPort());

        HBox consumerPicker = ActorPicker.of("consumerPicker", vm.namesProperty(), c -> true,
                f.consumerChoiceProperty(), f::addConsumer, false);
        deco.register(ActorPicker.searchField(consumerPicker), FormField.CONSUMERS);
        CheckBox consW = FormParts.check("consumersAsWorkloads", "Workloads", f.consumersAsWorkloadsProperty());
        CheckBox consVs = FormParts.check("consumersAsVirtualServices", "Virtual services", f.consumersAsVirtualServicesProperty());
        deco.register(provVs, FormField.PROVIDERS_RESOLVE_AS);
        deco.register(consVs, FormField.CONSUMERS_RESOLVE_AS);
        deco.register(port, FormField.SERVICES);

        CheckBox extra = FormParts.check("extraScopeBox", "Extra-scope (consumers outside the rule set's scope)", f.extraScopeProperty());
        CheckBox stateless = FormParts.check("statelessBox", "Stateless", f.statelessProperty());
        deco.register(stateless, FormField.STATELESS);
        CheckBox enabled = FormParts.check("ruleEnabledBox", "Enabled", f.enabledProperty());
        TextField description = new TextField();
        description.setId("ruleDescriptionField");
        description.setPromptText("Why this rule exists");
        description.textProperty().bindBidirectional(f.descriptionProperty());

        Button save = FormParts.save("Save rule", "saveRuleButton", m, vm);
        save.setDefaultButton(true);
        Button cancel = FormParts.cancel(vm);
        cancel.setId("cancelRuleButton");

        VBox box = new VBox(8, title,
                FormParts.section("Providers"), ChipViews.editable(f.providers(), "providersChips"), providerPicker,
                deco.messageLabel(FormField.PROVIDERS, "providersMessage"),
                new HBox(12, new Label("Providers' labels resolve as"), provW, provVs),
                deco.messageLabel(FormField.PROVIDERS_RESOLVE_AS, "providersResolveMessage"),
                FormParts.section("Services"), serviceChips, servicePicker, new HBox(6, port, addPort),
                deco.messageLabel(FormField.SERVICES, "servicesMessage"),
                FormParts.section("Consumers"), ChipViews.editable(f.consumers(), "consumersChips"), consumerPicker,
                deco.messageLabel(FormField.CONSUMERS, "consumersMessage"),
                new HBox(12, new Label("Consumers' labels resolve as"), consW, consVs),
                deco.messageLabel(FormField.CONSUMERS_RESOLVE_AS, "consumersResolveMessage"),
                FormParts.section("Options"), extra, stateless, deco.messageLabel(FormField.STATELESS, "statelessMessage"), enabled,
                new Label("Description"), description, new HBox(8, save, cancel));
        root = FormParts.scrolling(box, "ruleForm");
    }

    Node root() {
        return root;
    }
}
