package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.rules.RuleConstraints;
import dev.pceworkbench.policy.rules.RuleContext;
import dev.pceworkbench.policy.rules.Violation;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The security rule form: providers, consumers and services (picked chips and typed ports),
 * {@code resolve_labels_as} per side, stateless, enabled, extra-scope and description, validated on
 * every change with the Rules guide's {@link RuleConstraints} so each violation shows on its field
 * and nothing invalid can be saved. {@link #toRule()} keeps the fields the form does not show
 * (user groups, SecureConnect, network type...) from the rule being edited.
 */
public final class RuleEditorViewModel {
    private final ObservableList<Name> providers = FXCollections.observableArrayList();
    private final ObservableList<Name> consumers = FXCollections.observableArrayList();
    private final ObservableList<IngressService> services = FXCollections.observableArrayList();
    private final BooleanProperty providersAsWorkloads = new SimpleBooleanProperty(this, "providersAsWorkloads", true);
    private final BooleanProperty providersAsVirtualServices = new SimpleBooleanProperty(this, "providersAsVirtualServices");
    private final BooleanProperty consumersAsWorkloads = new SimpleBooleanProperty(this, "consumersAsWorkloads", true);
    private final BooleanProperty consumersAsVirtualServices = new SimpleBooleanProperty(this, "consumersAsVirtualServices");
    private final BooleanProperty stateless = new SimpleBooleanProperty(this, "stateless");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanProperty extraScope = new SimpleBooleanProperty(this, "extraScope");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty portText = new SimpleStringProperty(this, "portText", "");
    private final ObjectProperty<Name> providerChoice = new SimpleObjectProperty<>(this, "providerChoice");
    private final ObjectProperty<Name> consumerChoice = new SimpleObjectProperty<>(this, "consumerChoice");
    private final ObjectProperty<Name> serviceChoice = new SimpleObjectProperty<>(this, "serviceChoice");
    private final FormMessages messages = new FormMessages();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private ActorNames names = ActorNames.empty();
    private RuleContext context = RuleContext.empty();
    private RuleSet ruleSet;
    private SecRule original;
    private boolean loading;

    public RuleEditorViewModel() {
        Observable[] all = {providers, consumers, services, providersAsWorkloads, providersAsVirtualServices,
                consumersAsWorkloads, consumersAsVirtualServices, stateless, enabled, extraScope, description,
                providerChoice, consumerChoice, serviceChoice, portText};
        for (Observable o : all) {
            o.addListener(x -> {
                if (!loading) {
                    validate();
                }
            });
        }
    }

    /** A new rule for {@code rs} (extra-scope when {@code extra}). */
    public void loadNew(RuleSet rs, boolean extra, ActorNames names, RuleContext context) {
        load(rs, null, names, context);
        extraScope.set(extra);
        updateTitle();
        validate();
    }

    /**
     * A new rule for {@code rs} prefilled from {@code proposed} (a rule proposed from traffic: its
     * providers, consumers, services and scope), saved as a new rule.
     */
    public void loadProposed(RuleSet rs, SecRule proposed, ActorNames names, RuleContext context) {
        load(rs, null, names, context);
        loading = true;
        try {
            providers.setAll(names.actors(proposed.providers()));
            consumers.setAll(names.actors(proposed.consumers()));
            services.setAll(proposed.ingressServices());
            extraScope.set(Boolean.TRUE.equals(proposed.unscopedConsumers()));
            description.set(proposed.description() == null ? "" : proposed.description());
        } finally {
            loading = false;
        }
        updateTitle();
        validate();
    }

    /** The form filled from {@code rule} of {@code rs} ({@code rule} null for a new rule). */
    public void load(RuleSet rs, SecRule rule, ActorNames names, RuleContext context) {
        loading = true;
        try {
            this.ruleSet = rs;
            this.original = rule;
            this.names = names;
            this.context = context;
            SecRule r = rule != null ? rule : SecRule.of(List.of(), List.of(), List.of());
            providers.setAll(names.actors(r.providers()));
            consumers.setAll(names.actors(r.consumers()));
            services.setAll(r.ingressServices());
            ResolveLabelsAs ra = r.resolveLabelsAs() == null ? ResolveLabelsAs.workloads() : r.resolveLabelsAs();
            providersAsWorkloads.set(ra.providers().contains(ResolveLabelsAs.WORKLOADS));
            providersAsVirtualServices.set(ra.providers().contains(ResolveLabelsAs.VIRTUAL_SERVICES));
            consumersAsWorkloads.set(ra.consumers().contains(ResolveLabelsAs.WORKLOADS));
            consumersAsVirtualServices.set(ra.consumers().contains(ResolveLabelsAs.VIRTUAL_SERVICES));
            stateless.set(Boolean.TRUE.equals(r.stateless()));
            enabled.set(!Boolean.FALSE.equals(r.enabled()));
            extraScope.set(Boolean.TRUE.equals(r.unscopedConsumers()));
            description.set(r.description() == null ? "" : r.description());
            portText.set("");
            providerChoice.set(null);
            consumerChoice.set(null);
            serviceChoice.set(null);
        } finally {
            loading = false;
        }
        updateTitle();
        validate();
    }

    private void updateTitle() {
        title.set(ruleSet == null ? "" : (isNew()
                ? "New " + (extraScope.get() ? "extra-scope" : "intra-scope") + " rule in " : "Edit rule in ") + ruleSet.name());
    }

    public void addProvider(Name c) {
        if (c != null && !providers.contains(c)) {
            providers.add(c);
        }
    }

    public void addConsumer(Name c) {
        if (c != null && !consumers.contains(c)) {
            consumers.add(c);
        }
    }

    /** Adds a named service (one of {@link ActorNames#serviceChoices()}). */
    public void addService(Name service) {
        if (service != null && service.href() != null) {
            IngressService s = IngressService.service(service.href());
            if (!services.contains(s)) {
                services.add(s);
            }
        }
    }

    /** Adds the provider picked in {@link #providerChoiceProperty()}. */
    public void addProvider() {
        addProvider(providerChoice.get());
        providerChoice.set(null);
    }

    /** Adds the consumer picked in {@link #consumerChoiceProperty()}. */
    public void addConsumer() {
        addConsumer(consumerChoice.get());
        consumerChoice.set(null);
    }

    /** Adds the service picked in {@link #serviceChoiceProperty()}. */
    public void addService() {
        addService(serviceChoice.get());
        serviceChoice.set(null);
    }

    /**
     * Adds the port typed in {@link #portTextProperty()} ({@code 443/tcp}, {@code 443 TCP}...); a
     * typing mistake stays in the field and shows on the services field.
     */
    public boolean addPort() {
        IngressService s = typedPort();
        if (s == null) {
            validate();
            return false;
        }
        if (!services.contains(s)) {
            services.add(s);
        }
        portText.set("");
        return true;
    }

    /**
     * Adds what is picked or typed but not added yet (a provider, consumer or service picked
     * without "Add", a port typed without "Add port"), as Save does: nothing the user chose is
     * dropped. False when the typed port cannot be read (it stays, flagged on the services field).
     */
    public boolean addPending() {
        addProvider();
        addConsumer();
        addService();
        return portText.get() == null || portText.get().isBlank() || addPort();
    }

    /** The typed port, or null when there is none or it cannot be read. */
    private IngressService typedPort() {
        String t = portText.get();
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return PortText.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why the typed port cannot be read, or null. */
    private String typedPortProblem() {
        String t = portText.get();
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            PortText.parse(t);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + t.trim() + "' is not added: " + e.getMessage();
        }
    }

    private static <T> List<T> withPending(List<T> list, T pending) {
        if (pending == null || list.contains(pending)) {
            return List.copyOf(list);
        }
        List<T> out = new ArrayList<>(list);
        out.add(pending);
        return out;
    }

    /**
     * The rule as the form says, ready to send: the added chips and what is picked or typed but not
     * added yet (Save adds those first, see {@link #addPending()}).
     */
    public SecRule toRule() {
        List<String> provAs = new ArrayList<>();
        List<String> consAs = new ArrayList<>();
        if (providersAsWorkloads.get()) {
            provAs.add(ResolveLabelsAs.WORKLOADS);
        }
        if (providersAsVirtualServices.get()) {
            provAs.add(ResolveLabelsAs.VIRTUAL_SERVICES);
        }
        if (consumersAsWorkloads.get()) {
            consAs.add(ResolveLabelsAs.WORKLOADS);
        }
        if (consumersAsVirtualServices.get()) {
            consAs.add(ResolveLabelsAs.VIRTUAL_SERVICES);
        }
        SecRule o = original;
        List<Href> userGroups = o == null ? List.of() : o.consumingSecurityPrincipals();
        String desc = description.get() == null || description.get().isBlank() ? null : description.get().trim();
        List<IngressService> svc = withPending(services, typedPort());
        if (serviceChoice.get() != null && serviceChoice.get().href() != null) {
            svc = withPending(svc, IngressService.service(serviceChoice.get().href()));
        }
        return new SecRule(o == null ? null : o.href(), desc, enabled.get(), Actors.of(withPending(providers, providerChoice.get())),
                Actors.of(withPending(consumers, consumerChoice.get())), svc, o == null ? null : o.egressServices(), new ResolveLabelsAs(provAs, consAs, null),
                extraScope.get(), stateless.get(), o == null ? null : o.secConnect(), o == null ? null : o.machineAuth(),
                o == null ? null : o.networkType(), userGroups, o == null ? null : o.useWorkloadSubnets(),
                o == null ? null : o.extra());
    }

    private void validate() {
        FormMessages.Builder b = new FormMessages.Builder();
        String typed = typedPortProblem();
        if (typed != null) {
            b.add(FormField.SERVICES, typed);
        }
        for (Violation v : RuleConstraints.check(toRule(), context)) {
            b.add(FormField.of(v), v.message());
        }
        messages.set(b.build());
    }

    public boolean isNew() {
        return original == null;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public SecRule original() {
        return original;
    }

    /** How one of {@link #services()} is shown: a service by name, a port as {@code 443 TCP}. */
    public Name serviceName(IngressService s) {
        return names.service(s);
    }

    /** "New intra-scope rule in RS-Web", "Edit rule in RS-Web". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public FormMessages messages() {
        return messages;
    }

    public ObservableList<Name> providers() {
        return providers;
    }

    public ObservableList<Name> consumers() {
        return consumers;
    }

    public ObservableList<IngressService> services() {
        return services;
    }

    public BooleanProperty providersAsWorkloadsProperty() {
        return providersAsWorkloads;
    }

    public BooleanProperty providersAsVirtualServicesProperty() {
        return providersAsVirtualServices;
    }

    public BooleanProperty consumersAsWorkloadsProperty() {
        return consumersAsWorkloads;
    }

    public BooleanProperty consumersAsVirtualServicesProperty() {
        return consumersAsVirtualServices;
    }

    public BooleanProperty statelessProperty() {
        return stateless;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Extra-scope: consumers outside the rule set's scope ({@code unscoped_consumers}). */
    public BooleanProperty extraScopeProperty() {
        return extraScope;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty portTextProperty() {
        return portText;
    }

    /** The provider picked but not added yet (Save adds it). */
    public ObjectProperty<Name> providerChoiceProperty() {
        return providerChoice;
    }

    /** The consumer picked but not added yet (Save adds it). */
    public ObjectProperty<Name> consumerChoiceProperty() {
        return consumerChoice;
    }

    /** The service picked but not added yet (Save adds it). */
    public ObjectProperty<Name> serviceChoiceProperty() {
        return serviceChoice;
    }
}
