package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceAddress;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "new virtual service" wizard: one view model shared by every page. Page 1 holds the name,
 * description, labels (one per dimension) and apply-to; page 2 the service (an existing one, or
 * ports for a new service the wizard creates too), service addresses and IP overrides; page 3
 * reviews what will be created in the draft and what will be provisioned with it; page 4 runs
 * {@link CreateAndProvision} (create, dependency check, provision; a failed step is retried
 * alone); page 5 hands the now active virtual service to the binding wizard. Each page says why
 * it is not yet valid; Back keeps everything.
 */
public final class NewVirtualServiceWizard {
    /** The pages, in order. */
    public enum Page {
        DETAILS("Name and labels"), SERVICE("Service"), REVIEW("Review"), CREATE("Create and provision"),
        DONE("Bind workloads");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public static final String HOST_ONLY = "host_only";
    public static final String INTERNAL_BRIDGE_NETWORK = "internal_bridge_network";

    private final VirtualServiceFlows flows;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DETAILS);
    // Page 1
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty applyTo = new SimpleStringProperty(this, "applyTo", HOST_ONLY);
    private final ObservableMap<String, Label> labels = FXCollections.observableHashMap();
    private final ObservableList<LabelDimension> dimensions = FXCollections.observableArrayList();
    private final ObservableList<Label> allLabels = FXCollections.observableArrayList();
    // Page 2
    private final BooleanProperty newService = new SimpleBooleanProperty(this, "newService", true);
    private final ObjectProperty<Service> existingService = new SimpleObjectProperty<>(this, "existingService");
    private final ObservableList<Service> services = FXCollections.observableArrayList();
    private final StringProperty serviceName = new SimpleStringProperty(this, "serviceName", "");
    private final StringProperty portsText = new SimpleStringProperty(this, "portsText", "");
    private final StringProperty addressesText = new SimpleStringProperty(this, "addressesText", "");
    private final StringProperty ipOverridesText = new SimpleStringProperty(this, "ipOverridesText", "");
    // Page 3
    private final ObservableList<String> review = FXCollections.observableArrayList();
    private final ObservableList<String> provisionedWith = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    private final StringBinding detailsProblem;
    private final StringBinding serviceProblem;
    private final BooleanBinding canNext;
    private final CreateAndProvision run;

    public NewVirtualServiceWizard(VirtualServiceFlows flows, TaskExecutor executor, DialogService dialogs) {
        this.flows = Objects.requireNonNull(flows);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.run = new CreateAndProvision(this, flows, executor);
        detailsProblem = Bindings.createStringBinding(this::checkDetails, name, description, applyTo);
        serviceProblem = Bindings.createStringBinding(this::checkService, newService, existingService, serviceName,
                portsText, addressesText, ipOverridesText, services);
        canNext = Bindings.createBooleanBinding(() -> switch (page.get()) {
            case DETAILS -> detailsProblem.get().isEmpty();
            case SERVICE -> serviceProblem.get().isEmpty();
            case REVIEW -> !loading.get() && detailsProblem.get().isEmpty() && serviceProblem.get().isEmpty();
            case CREATE -> run.finishedProperty().get();
            case DONE -> false;
        }, page, detailsProblem, serviceProblem, loading, run.finishedProperty());
    }

    /** Loads what the pickers offer: label dimensions, labels and the draft's services. */
    public void open() {
        loading.set(true);
        executor.execute(BackgroundTask.of("Loading labels and services", ctx -> new Object[]{
                        flows.workspace().labelDimensions(ctx.token(), ctx.pceProgress()),
                        flows.workspace().labels(ctx.token(), ctx.pceProgress()),
                        flows.workspace().services("draft", ctx.token(), ctx.pceProgress())})
                .ownedBy(VirtualServicesViewModel.FEATURE_ID)
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked") List<LabelDimension> d = (List<LabelDimension>) r[0];
                    @SuppressWarnings("unchecked") List<Label> l = (List<Label>) r[1];
                    @SuppressWarnings("unchecked") List<Service> s = (List<Service>) r[2];
                    allLabels.setAll(l.stream().filter(x -> !Boolean.TRUE.equals(x.deleted())).toList());
                    services.setAll(s.stream().filter(x -> !x.pendingDeletion()).toList());
                    dimensions.setAll(d); // last: the label pickers are built from it
                })
                .onFinished(() -> loading.set(false)));
    }

    // ---- validation, as the PCE would check ------------------------------------------------

    private String checkDetails() {
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            return "Name: type the virtual service's name (it need not be unique).";
        }
        if (n.length() > 255) {
            return "Name: at most 255 characters (it has " + n.length() + ").";
        }
        if (!HOST_ONLY.equals(applyTo.get()) && !INTERNAL_BRIDGE_NETWORK.equals(applyTo.get())) {
            return "Apply to: choose host only or internal bridge network.";
        }
        return "";
    }

    private String checkService() {
        try {
            if (newService.get()) {
                if (serviceName.get() == null || serviceName.get().isBlank()) {
                    return "Service name: name the new service the wizard will create (e.g. S-" + name.get().trim() + ").";
                }
                String n = serviceName.get().trim();
                if (services.stream().anyMatch(x -> x.name() != null && x.name().equalsIgnoreCase(n))) {
                    return "Service name: a service named " + n + " exists already (service names are unique); "
                            + "pick it as an existing service, or choose another name.";
                }
                VirtualServiceInput.ports(portsText.get());
            } else if (existingService.get() == null) {
                return "Service: pick an existing service, or define ports for a new one.";
            }
            VirtualServiceInput.addresses(addressesText.get());
            VirtualServiceInput.ipOverrides(ipOverridesText.get());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    // ---- navigation ----------------------------------------------------------------------

    /** Goes to the next page if this one is valid; entering the review loads what it shows. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        Page p = page.get();
        page.set(Page.values()[p.ordinal() + 1]);
        if (page.get() == Page.REVIEW) {
            loadReview();
        }
    }

    /** Goes back one page, keeping every field; not while the create step runs, nor after it succeeded. */
    public void back() {
        if (canBack().get()) {
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    public BooleanBinding canBack() {
        return Bindings.createBooleanBinding(() -> page.get().ordinal() > 0 && !run.runningProperty().get()
                && !run.finishedProperty().get(), page, run.runningProperty(), run.finishedProperty());
    }

    /** Cancel: stops the running step (nothing else is undone); true when the wizard may close. */
    public boolean cancel() {
        if (run.runningProperty().get()) {
            run.cancel();
            return false;
        }
        return true;
    }

    // ---- review ---------------------------------------------------------------------------

    private void loadReview() {
        review.setAll(reviewLines());
        provisionedWith.clear();
        Service picked = newService.get() ? null : existingService.get();
        if (picked == null) {
            return;
        }
        loading.set(true);
        executor.execute(BackgroundTask.of("Checking what the virtual service needs", ctx -> {
                    List<String> out = pendingWith(flows.pending(ctx.token()), picked);
                    if (!out.isEmpty()) {
                        // The picked service is itself a pending change: what does it need in turn?
                        for (PolicyDependency d : flows.dependencies(ChangeSubset.of(picked.href()), ctx.token())) {
                            if (d.dependencyHref() != null) {
                                out.add(d.dependencyType().replace('_', ' ') + " needed by the service ("
                                        + (d.dependency().get(d.dependencyType()).name() == null ? "pending"
                                        : d.dependency().get(d.dependencyType()).name()) + ")");
                            }
                        }
                    }
                    return out;
                })
                .ownedBy(VirtualServicesViewModel.FEATURE_ID)
                .onSuccess(provisionedWith::setAll)
                .onFailure(e -> dialogs.showError("Could not read the pending changes", e))
                .onFinished(() -> loading.set(false)));
    }

    private static List<String> pendingWith(PendingChanges pending, Service picked) {
        List<String> out = new ArrayList<>();
        for (PendingChange c : pending.of("services")) {
            if (c.href() != null && Hrefs.neutral(c.href()).equals(Hrefs.neutral(picked.href()))) {
                out.add("Service " + Names.service(picked).text() + " (" + c.updateType() + " pending in the draft)");
            }
        }
        return out;
    }

    private List<String> reviewLines() {
        List<String> out = new ArrayList<>();
        if (newService.get()) {
            out.add("Create service " + serviceName.get().trim() + " in the draft: "
                    + Names.servicePorts(VirtualServiceInput.ports(portsText.get())));
        }
        out.add("Create virtual service " + name.get().trim() + " in the draft ("
                + (HOST_ONLY.equals(applyTo.get()) ? "host only" : "internal bridge network") + ")");
        out.add("Labels: " + (labels.isEmpty() ? "none" : String.join(Names.LIST_SEPARATOR, labelTexts())));
        out.add("Service: " + (newService.get() ? serviceName.get().trim() + " (new)" : Names.service(existingService.get()).text()));
        List<ServiceAddress> addresses = VirtualServiceInput.addresses(addressesText.get());
        if (!addresses.isEmpty()) {
            out.add("Service addresses: " + String.join(Names.LIST_SEPARATOR, addresses.stream().map(a ->
                    (a.fqdn() != null ? a.fqdn() : a.ip()) + (a.port() == null ? "" : ":" + a.port())).toList()));
        }
        List<String> ips = VirtualServiceInput.ipOverrides(ipOverridesText.get());
        if (!ips.isEmpty()) {
            out.add("IP overrides: " + String.join(Names.LIST_SEPARATOR, ips));
        }
        out.add("Then provision the virtual service" + (newService.get() ? " with its new service" : "")
                + ", with whatever else the PCE's dependency check asks for");
        return out;
    }

    private List<String> labelTexts() {
        List<String> out = new ArrayList<>();
        for (LabelDimension d : dimensions) {
            Label l = labels.get(d.key());
            if (l != null) {
                out.add(Names.label(l).display());
            }
        }
        labels.forEach((k, l) -> {
            if (dimensions.stream().noneMatch(d -> d.key().equals(k))) {
                out.add(Names.label(l).display());
            }
        });
        return out;
    }

    // ---- what the steps send ----------------------------------------------------------------

    Service serviceBody() {
        return new Service(null, serviceName.get().trim(), "", null, null, VirtualServiceInput.ports(portsText.get()), null, null);
    }

    VirtualService virtualServiceBody(String serviceHref) {
        List<Href> l = new ArrayList<>();
        for (LabelDimension d : dimensions) {
            if (labels.containsKey(d.key())) {
                l.add(Href.of(labels.get(d.key()).href()));
            }
        }
        labels.forEach((k, v) -> {
            if (l.stream().noneMatch(h -> h.href().equals(v.href()))) {
                l.add(Href.of(v.href()));
            }
        });
        return new VirtualService(null, name.get().trim(), description.get() == null ? "" : description.get().trim(),
                List.of(), Href.of(serviceHref), VirtualServiceInput.addresses(addressesText.get()), l,
                VirtualServiceInput.ipOverrides(ipOverridesText.get()), applyTo.get(), null, null);
    }

    boolean createsService() {
        return newService.get();
    }

    String existingServiceHref() {
        return existingService.get() == null ? null : existingService.get().href();
    }

    /** The labels a dimension offers, for its searchable picker. */
    public List<Label> labelsOf(String dimension) {
        return allLabels.stream().filter(l -> dimension.equals(l.key())).toList();
    }

    /** Picks (or, with null, clears) the label of one dimension. */
    public void setLabel(String dimension, Label label) {
        if (label == null) {
            labels.remove(dimension);
        } else {
            labels.put(dimension, label);
        }
    }

    // ---- properties ---------------------------------------------------------------------------

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty applyToProperty() {
        return applyTo;
    }

    public ObservableMap<String, Label> labels() {
        return labels;
    }

    public ObservableList<LabelDimension> dimensions() {
        return dimensions;
    }

    public BooleanProperty newServiceProperty() {
        return newService;
    }

    public ObjectProperty<Service> existingServiceProperty() {
        return existingService;
    }

    public ObservableList<Service> services() {
        return services;
    }

    public StringProperty serviceNameProperty() {
        return serviceName;
    }

    public StringProperty portsTextProperty() {
        return portsText;
    }

    public StringProperty addressesTextProperty() {
        return addressesText;
    }

    public StringProperty ipOverridesTextProperty() {
        return ipOverridesText;
    }

    public StringBinding detailsProblem() {
        return detailsProblem;
    }

    public StringBinding serviceProblem() {
        return serviceProblem;
    }

    /** Why the current page cannot go on yet ("" when it can). */
    public StringBinding pageProblem() {
        return Bindings.createStringBinding(() -> switch (page.get()) {
            case DETAILS -> detailsProblem.get();
            case SERVICE -> serviceProblem.get();
            case REVIEW -> loading.get() ? "Checking what will be provisioned…" : "";
            case CREATE -> run.failureProperty().get() != null ? run.failureProperty().get()
                    : run.finishedProperty().get() ? "" : "Run the steps: create and provision.";
            case DONE -> "";
        }, page, detailsProblem, serviceProblem, loading, run.failureProperty(), run.finishedProperty());
    }

    public BooleanBinding canNext() {
        return canNext;
    }

    public ObservableList<String> review() {
        return review;
    }

    /** Pending changes that will be provisioned with the virtual service (a picked service still in draft). */
    public ObservableList<String> provisionedWith() {
        return provisionedWith;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The create-and-provision step runner of page 4. */
    public CreateAndProvision run() {
        return run;
    }

    /** Page 5's hand-over: the active href of the new virtual service (null before it is provisioned). */
    public String activeVirtualServiceHref() {
        return run.activeHrefProperty().get();
    }
}
