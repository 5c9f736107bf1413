package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.workspace.BindTarget;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import dev.pceworkbench.workspace.VirtualServiceUsage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Virtual services view: the list of one version (draft or active) filtered with the PCE's
 * own query parameters (name, label, service, port, protocol, FQDN, IP), each row with its state
 * (draft or active, and a pending badge), labels, service or ports, and number of bindings; the
 * details of the selected one with its bindings and where it is used. Its wizards are opened from
 * here ({@link #newVirtualServiceWizard}, {@link #bindWizard}).
 */
public final class VirtualServicesViewModel implements FeatureModel {
    public static final String FEATURE_ID = "virtual-services";

    /** One virtual service as the list shows it. */
    public record Row(VirtualService virtualService, String version, boolean active, boolean pending,
                      List<Name> labels, String service, int bindings) {
        public String name() {
            return Names.virtualService(virtualService).text();
        }

        /** "Draft" (never provisioned) or "Active". */
        public String state() {
            return active ? "Active" : "Draft";
        }

        public boolean canWrite() {
            var caps = virtualService.extra().get("caps");
            if (caps == null || !caps.isArray()) {
                return true; // the PCE sends caps only when they restrict
            }
            for (var c : caps) {
                if (c.asText().equals("write")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final VirtualServiceFlows flows;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> bindings = FXCollections.observableArrayList();
    private final ObservableList<ServiceBinding> bindingRecords = FXCollections.observableArrayList();
    private final ObservableList<String> whereUsed = FXCollections.observableArrayList();
    private final StringProperty version = new SimpleStringProperty(this, "version", "draft");
    private final StringProperty nameFilter = new SimpleStringProperty(this, "nameFilter", "");
    private final ObjectProperty<Label> labelFilter = new SimpleObjectProperty<>(this, "labelFilter");
    private final ObjectProperty<Service> serviceFilter = new SimpleObjectProperty<>(this, "serviceFilter");
    private final StringProperty portFilter = new SimpleStringProperty(this, "portFilter", "");
    private final StringProperty protoFilter = new SimpleStringProperty(this, "protoFilter", "");
    private final StringProperty fqdnFilter = new SimpleStringProperty(this, "fqdnFilter", "");
    private final StringProperty ipFilter = new SimpleStringProperty(this, "ipFilter", "");
    private final ObservableList<Label> labels = FXCollections.observableArrayList();
    private final ObservableList<Service> services = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private ObjectNames names = ObjectNames.EMPTY;
    private Map<String, String> targetNames = Map.of();
    private boolean loaded;
    private boolean shown;
    private boolean stale;
    private boolean quiet;
    private String pendingHref;

    public VirtualServicesViewModel(VirtualServiceFlows flows, TaskExecutor executor, DialogService dialogs) {
        this.flows = Objects.requireNonNull(flows);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        selected.addListener((o, a, r) -> loadDetails(r));
        flows.workspace().addListener(change -> {
            String c = change.collection();
            if (quiet || !(c == null || c.equals(PolicyWorkspace.VIRTUAL_SERVICES) || c.equals(PolicyWorkspace.SERVICE_BINDINGS)
                    || c.equals(PolicyWorkspace.SERVICES) || c.equals(PolicyWorkspace.LABELS))) {
                return;
            }
            stale = true;
            if (shown) {
                search(); // only a view that was opened reloads; the others load when first shown
            }
        });
    }

    @Override
    public void onShown() {
        shown = true;
        if ((!loaded || stale) && !loading.get()) {
            search();
        }
    }

    @Override
    public void reload() {
        quiet = true;
        try {
            flows.workspace().changed(PolicyWorkspace.VIRTUAL_SERVICES, null);
            flows.workspace().changed(PolicyWorkspace.SERVICE_BINDINGS, null);
        } finally {
            quiet = false;
        }
        search();
    }

    /**
     * Shows the virtual service {@code target} names (from another view): its version, no
     * filters, and it selected once listed.
     */
    public void open(dev.pceworkbench.ui.common.Navigator.Target target) {
        String v = target.version() == null || target.version().equals("draft") ? "draft" : "active";
        boolean same = v.equals(version.get()) && query().isEmpty();
        version.set(v);
        nameFilter.set("");
        labelFilter.set(null);
        serviceFilter.set(null);
        portFilter.set("");
        protoFilter.set("");
        fqdnFilter.set("");
        ipFilter.set("");
        pendingHref = Hrefs.neutral(target.href());
        if (same && loaded && !stale && !loading.get()) {
            selectPending();
        } else {
            shown = true;
            search();
        }
    }

    private void selectPending() {
        if (pendingHref == null) {
            return;
        }
        String h = pendingHref;
        pendingHref = null;
        rows.stream().filter(x -> Hrefs.neutral(x.virtualService().href()).equals(h)).findFirst().ifPresentOrElse(selected::set,
                () -> dialogs.showError("Virtual service not found", "The virtual service " + h + " is not in the "
                        + version.get() + " policy. It may have been deleted; reload to check.", null));
    }

    /** The PCE query parameters the filters make. */
    public Map<String, Object> query() {
        Map<String, Object> q = new LinkedHashMap<>();
        put(q, "name", nameFilter.get());
        if (labelFilter.get() != null) {
            q.put("labels", "[[\"" + labelFilter.get().href() + "\"]]");
        }
        if (serviceFilter.get() != null) {
            q.put("service", Hrefs.inVersion(serviceFilter.get().href(), version.get()));
        }
        put(q, "service_ports.port", portFilter.get());
        String proto = protoFilter.get() == null ? "" : protoFilter.get().trim().toLowerCase(java.util.Locale.ROOT);
        put(q, "service_ports.proto", switch (proto) {
            case "tcp" -> "6";
            case "udp" -> "17";
            default -> proto;
        });
        put(q, "service_address.fqdn", fqdnFilter.get());
        put(q, "service_address.ip", ipFilter.get());
        return q;
    }

    private static void put(Map<String, Object> q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.put(key, value.trim());
        }
    }

    /** Lists the virtual services of the chosen version that match the filters (the PCE filters them). */
    public void search() {
        String pv = version.get();
        Map<String, Object> query = query();
        String keep = selected.get() == null ? null : Hrefs.neutral(selected.get().virtualService().href());
        loading.set(true);
        stale = false;
        executor.execute(BackgroundTask.of("Loading virtual services", ctx -> {
                    var ws = flows.workspace();
                    List<Label> l = ws.labels(ctx.token(), ctx.pceProgress());
                    List<Service> s = ws.services(pv, ctx.token(), ctx.pceProgress());
                    List<VirtualService> list = flows.list(pv, query, ctx.token());
                    List<VirtualService> active = "active".equals(pv) ? list : flows.list("active", Map.of(), ctx.token());
                    List<ServiceBinding> b = flows.allBindings(ctx.token());
                    Map<String, String> targets = new HashMap<>();
                    for (Workload w : ws.workloads(ctx.token(), Progress.Listener.NONE)) {
                        targets.put(w.href(), Names.workload(w).text());
                    }
                    return new Loaded(l, s, list, active, b, targets);
                }).ownedBy(FEATURE_ID)
                .onSuccess(r -> {
                    show(r, pv);
                    loaded = true;
                    if (pendingHref != null) {
                        selectPending();
                    } else if (keep != null) {
                        rows.stream().filter(x -> Hrefs.neutral(x.virtualService().href()).equals(keep)).findFirst()
                                .ifPresent(selected::set);
                    }
                })
                .onCancelled(() -> {
                    stale = true; // leaving the view cancelled the load: showing it again reloads
                    status.set("Loading cancelled: press Reload to load the virtual services.");
                })
                .onFailure(e -> {
                    if (e instanceof NotConnectedException) {
                        status.set(e.getMessage());
                    } else {
                        status.set("Could not load: " + e.getMessage());
                        dialogs.showError("Could not load the virtual services", e);
                    }
                })
                .onFinished(() -> loading.set(false)));
    }

    private record Loaded(List<Label> labels, List<Service> services, List<VirtualService> list,
                          List<VirtualService> active, List<ServiceBinding> bindings, Map<String, String> targets) {
    }

    private void show(Loaded r, String pv) {
        labels.setAll(r.labels());
        services.setAll(r.services());
        names = new ObjectNames(r.labels(), List.of(), List.of(), r.list(), r.services());
        targetNames = r.targets();
        Map<String, Integer> counts = new HashMap<>();
        for (ServiceBinding b : r.bindings()) {
            if (b.virtualService() != null && b.virtualService().href() != null) {
                counts.merge(Hrefs.neutral(b.virtualService().href()), 1, Integer::sum);
            }
        }
        java.util.Set<String> active = new java.util.HashSet<>();
        r.active().forEach(v -> active.add(Hrefs.neutral(v.href())));
        List<Row> out = new ArrayList<>();
        for (VirtualService v : r.list()) {
            String n = Hrefs.neutral(v.href());
            var ut = v.extra().get("update_type");
            boolean pending = ut != null && !ut.isNull();
            List<Name> l = v.labels().stream().map(h -> Names.label(h, names)).toList();
            out.add(new Row(v, pv, active.contains(n), pending, l, serviceText(v), counts.getOrDefault(n, 0)));
        }
        rows.setAll(out);
        status.set(out.size() + " virtual service" + (out.size() == 1 ? "" : "s") + " in " + pv);
    }

    private String serviceText(VirtualService v) {
        if (v.service() != null && v.service().href() != null) {
            Service s = names.service(v.service().href());
            return s != null ? Names.service(s).text() : Names.servicePorts(v.servicePorts());
        }
        return Names.servicePorts(v.servicePorts());
    }

    private void loadDetails(Row r) {
        bindings.clear();
        bindingRecords.clear();
        whereUsed.clear();
        if (r == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Loading " + r.name() + "'s bindings and uses", ctx -> {
                    List<ServiceBinding> b = flows.bindingsOf(r.virtualService().href(), ctx.token());
                    List<BindTarget> targets = b.stream().anyMatch(x -> x.containerWorkload() != null)
                            ? flows.targets(ctx.token()) : List.of();
                    return new Object[]{b, flows.whereUsed(r.virtualService(), ctx.token()), targets};
                }).ownedBy(FEATURE_ID)
                .onSuccess(x -> {
                    if (r != selected.get()) {
                        return;
                    }
                    @SuppressWarnings("unchecked") List<ServiceBinding> b = (List<ServiceBinding>) x[0];
                    @SuppressWarnings("unchecked") List<VirtualServiceUsage.Use> uses = (List<VirtualServiceUsage.Use>) x[1];
                    @SuppressWarnings("unchecked") List<BindTarget> targets = (List<BindTarget>) x[2];
                    Map<String, String> more = new HashMap<>(targetNames);
                    targets.forEach(t -> more.putIfAbsent(t.href(), t.name()));
                    bindingRecords.setAll(b);
                    bindings.setAll(b.stream().map(s -> bindingText(s, more)).toList());
                    whereUsed.setAll(uses.stream().map(VirtualServiceUsage.Use::describe).toList());
                })
                .onFailure(e -> dialogs.showError("Could not load the bindings of " + r.name(), e)));
    }

    private static String bindingText(ServiceBinding b, Map<String, String> names) {
        String target = b.targetHref();
        String name = names.getOrDefault(target, target == null ? "?" : Hrefs.shortId(target));
        String kind = b.containerWorkload() != null && b.workload() == null ? "Container workload " : "";
        List<String> o = b.portOverrides().stream().map(VirtualServiceInput::describe).toList();
        return kind + name + (o.isEmpty() ? "" : " (" + String.join(Names.LIST_SEPARATOR, o) + ")");
    }

    /** Unbinds the selected virtual service's binding number {@code index} (after a confirmation). */
    public void unbind(int index) {
        Row r = selected.get();
        if (r == null || index < 0 || index >= bindingRecords.size()) {
            return;
        }
        ServiceBinding b = bindingRecords.get(index);
        if (!dialogs.confirm("Unbind", "Unbind " + bindings.get(index) + " from " + r.name()
                + "? It takes effect at once.", "Unbind")) {
            return;
        }
        executor.execute(BackgroundTask.of("Unbinding from " + r.name(), ctx -> {
                    flows.unbind(b.href(), ctx.token());
                    return null;
                }).ownedBy(FEATURE_ID)
                .onSuccess(x -> flows.workspace().changed(PolicyWorkspace.SERVICE_BINDINGS, null))
                .onFailure(e -> dialogs.showError("Could not unbind", e)));
    }

    public NewVirtualServiceWizard newVirtualServiceWizard() {
        NewVirtualServiceWizard w = new NewVirtualServiceWizard(flows, executor, dialogs);
        w.open();
        return w;
    }

    /** The binding wizard, with {@code virtualServiceHref} (or the selected one, or none) picked. */
    public BindWorkloadsWizard bindWizard(String virtualServiceHref) {
        BindWorkloadsWizard w = new BindWorkloadsWizard(flows, executor, dialogs);
        String pick = virtualServiceHref != null ? virtualServiceHref
                : selected.get() == null ? null : selected.get().virtualService().href();
        w.open(pick);
        return w;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The selected virtual service's bindings, named. */
    public ObservableList<String> bindings() {
        return bindings;
    }

    /** Where the selected virtual service is used: rules naming it or resolving to it by labels. */
    public ObservableList<String> whereUsed() {
        return whereUsed;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ObjectProperty<Label> labelFilterProperty() {
        return labelFilter;
    }

    public ObjectProperty<Service> serviceFilterProperty() {
        return serviceFilter;
    }

    public StringProperty portFilterProperty() {
        return portFilter;
    }

    public StringProperty protoFilterProperty() {
        return protoFilter;
    }

    public StringProperty fqdnFilterProperty() {
        return fqdnFilter;
    }

    public StringProperty ipFilterProperty() {
        return ipFilter;
    }

    public ObservableList<Label> labels() {
        return labels;
    }

    public ObservableList<Service> services() {
        return services;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A label's text, as every view writes it. */
    public String labelText(Href ref) {
        return Names.label(ref, names).text();
    }
}
