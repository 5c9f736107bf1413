package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.api.BulkItemResult;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.BindTarget;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The "bind workloads" wizard: one view model for its pages. Pick the virtual service (only an
 * active one can be bound; a draft one says it must be provisioned first and offers to do it),
 * pick workloads or container workloads (search by name, hostname or label; many at once), give
 * each binding optional port overrides (checked against the virtual service's ports), review, and
 * bind them all in one request. Results come per binding: bound ones leave the selection, failed
 * ones stay selected with the PCE's error, ready for a retry.
 */
public final class BindWorkloadsWizard {
    /** The pages, in order. */
    public enum Page {
        VIRTUAL_SERVICE("Virtual service"), TARGETS("Workloads"), OVERRIDES("Port overrides"), REVIEW("Review"),
        RESULTS("Results");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A virtual service one can pick: its draft form, and whether it is provisioned (active). */
    public record Choice(VirtualService virtualService, boolean active, boolean pending) {
        public String text() {
            return Names.virtualService(virtualService).text() + (active ? pending ? " (active, changes pending)" : "" : " (draft)");
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** One selected workload or container workload, with its port overrides and its outcome. */
    public static final class Row {
        private final BindTarget target;
        private final StringProperty overrides = new SimpleStringProperty(this, "overrides", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        Row(BindTarget target) {
            this.target = target;
        }

        public BindTarget target() {
            return target;
        }

        public StringProperty overridesProperty() {
            return overrides;
        }

        /** The PCE's error from the last attempt ("" when none). */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        @Override
        public String toString() {
            return target.name() + (error.get().isEmpty() ? "" : " — " + error.get());
        }
    }

    private final VirtualServiceFlows flows;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.VIRTUAL_SERVICE);
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
    private final ObservableList<ServicePort> ports = FXCollections.observableArrayList();
    private final ObservableList<BindTarget> targets = FXCollections.observableArrayList();
    private final FilteredList<BindTarget> found = new FilteredList<>(targets, t -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Row> selected = FXCollections.observableArrayList();
    private final ObservableList<String> bound = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final Map<String, String> labelTexts = new HashMap<>();
    private final StringBinding problem;
    private final BooleanBinding canNext;
    private BackgroundTask<?> running;

    public BindWorkloadsWizard(VirtualServiceFlows flows, TaskExecutor executor, DialogService dialogs) {
        this.flows = Objects.requireNonNull(flows);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        search.addListener((o, a, b) -> found.setPredicate(this::matches));
        choice.addListener((o, a, c) -> loadPorts(c));
        javafx.beans.Observable[] deps = {page, choice, ports, selected, busy};
        problem = Bindings.createStringBinding(this::check, deps);
        canNext = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && page.get().ordinal() < Page.REVIEW.ordinal(),
                problem, page);
        selected.addListener((javafx.collections.ListChangeListener<Row>) c -> {
            while (c.next()) {
                for (Row r : c.getAddedSubList()) {
                    r.overrides.addListener((o, a, b) -> problem.invalidate());
                }
            }
        });
    }

    /** Loads the virtual services (draft and active), the workloads and container workloads, and labels; preselects {@code virtualServiceHref} if given. */
    public void open(String virtualServiceHref) {
        busy.set(true);
        run(BackgroundTask.of("Loading virtual services and workloads", ctx -> {
            List<VirtualService> draft = flows.list("draft", Map.of(), ctx.token());
            List<VirtualService> active = flows.list("active", Map.of(), ctx.token());
            List<Label> labels = flows.workspace().labels(ctx.token(), ctx.pceProgress());
            return new Object[]{draft, active, flows.targets(ctx.token()), labels};
        }).onSuccess(r -> {
            @SuppressWarnings("unchecked") List<VirtualService> draft = (List<VirtualService>) r[0];
            @SuppressWarnings("unchecked") List<VirtualService> active = (List<VirtualService>) r[1];
            @SuppressWarnings("unchecked") List<BindTarget> t = (List<BindTarget>) r[2];
            @SuppressWarnings("unchecked") List<Label> labels = (List<Label>) r[3];
            labels.forEach(l -> labelTexts.put(l.href(), Names.label(l).display().toLowerCase(Locale.ROOT)));
            Map<String, VirtualService> activeByHref = new HashMap<>();
            active.forEach(v -> activeByHref.put(Hrefs.neutral(v.href()), v));
            List<Choice> out = new ArrayList<>();
            for (VirtualService v : draft) {
                if (v.pendingDeletion()) {
                    continue;
                }
                VirtualService a = activeByHref.get(Hrefs.neutral(v.href()));
                out.add(new Choice(v, a != null, a != null && v.extra().get("update_type") != null
                        && !v.extra().get("update_type").isNull()));
            }
            choices.setAll(out);
            targets.setAll(t);
            if (virtualServiceHref != null) {
                pick(virtualServiceHref);
            }
        }));
    }

    /** Picks the virtual service with this href (any version). */
    public void pick(String virtualServiceHref) {
        String n = Hrefs.neutral(virtualServiceHref);
        choices.stream().filter(c -> Hrefs.neutral(c.virtualService().href()).equals(n)).findFirst().ifPresent(choice::set);
    }

    private void loadPorts(Choice c) {
        ports.clear();
        if (c == null || !c.active()) {
            return;
        }
        busy.set(true);
        run(BackgroundTask.of("Reading the virtual service's ports", ctx -> flows.ports(
                        flows.active(c.virtualService().href(), ctx.token()).orElse(c.virtualService()), "active", ctx.token()))
                .onSuccess(p -> {
                    if (c == choice.get()) {
                        ports.setAll(p);
                    }
                }));
    }

    /**
     * A draft virtual service: provisions it (with what the PCE's dependency check asks for), then
     * reloads and keeps it picked, now active.
     */
    public void provisionChosen() {
        Choice c = choice.get();
        if (c == null || c.active()) {
            return;
        }
        busy.set(true);
        String href = c.virtualService().href();
        run(BackgroundTask.of("Provisioning " + Names.virtualService(c.virtualService()).text(), ctx -> {
            Set<String> hrefs = new LinkedHashSet<>(List.of(href));
            for (PolicyDependency d : flows.dependencies(ChangeSubset.of(hrefs), ctx.token())) {
                if (d.dependencyHref() != null) {
                    hrefs.add(d.dependencyHref());
                }
            }
            return flows.provision("Provisioned to bind workloads to " + c.virtualService().name(), ChangeSubset.of(hrefs), ctx.token());
        }).onSuccess(v -> {
            flows.workspace().refreshAll();
            open(href);
        }));
    }

    private boolean matches(BindTarget t) {
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        if (t.name().toLowerCase(Locale.ROOT).contains(q) || t.hostname() != null && t.hostname().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return t.labels().stream().anyMatch(l -> labelTexts.getOrDefault(l.href(), "").contains(q));
    }

    /** Adds targets to the selection (each once). */
    public void select(List<BindTarget> picked) {
        for (BindTarget t : picked) {
            if (selected.stream().noneMatch(r -> r.target.href().equals(t.href()))) {
                selected.add(new Row(t));
            }
        }
    }

    public void unselect(Row row) {
        selected.remove(row);
    }

    private String check() {
        Choice c = choice.get();
        switch (page.get()) {
            case VIRTUAL_SERVICE:
                if (c == null) {
                    return "Pick the virtual service to bind workloads to.";
                }
                if (!c.active()) {
                    return Names.virtualService(c.virtualService()).text() + " is a draft: it must be provisioned before "
                            + "workloads can be bound to it (the PCE refuses bindings to a draft). Provision it now?";
                }
                return busy.get() ? "Reading its ports…" : "";
            case TARGETS:
                return selected.isEmpty() ? "Pick one or more workloads or container workloads." : "";
            case OVERRIDES:
                for (Row r : selected) {
                    try {
                        VirtualServiceInput.overrides(r.overrides.get(), ports);
                    } catch (IllegalArgumentException e) {
                        return r.target.name() + ": " + e.getMessage();
                    }
                }
                return "";
            default:
                return busy.get() ? "Binding…" : "";
        }
    }

    /** Whether the picked virtual service is a draft the wizard can provision. */
    public BooleanBinding canProvision() {
        return Bindings.createBooleanBinding(() -> choice.get() != null && !choice.get().active() && !busy.get(), choice, busy);
    }

    public void next() {
        if (canNext.get()) {
            page.set(Page.values()[page.get().ordinal() + 1]);
        }
    }

    public void back() {
        if (page.get().ordinal() > 0 && !busy.get()) {
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    /** Cancel: stops the running task; true when the wizard may close. */
    public boolean cancel() {
        if (running != null && busy.get()) {
            running.cancel();
            return false;
        }
        return true;
    }

    /** What the review page lists: one line per binding. */
    public List<String> reviewLines() {
        List<String> out = new ArrayList<>();
        for (Row r : selected) {
            List<ServiceBinding.PortOverride> o = VirtualServiceInput.overrides(r.overrides.get(), ports);
            out.add("Bind " + (r.target.container() ? "container workload " : "workload ") + r.target.name()
                    + (o.isEmpty() ? "" : ", " + String.join(Names.LIST_SEPARATOR, o.stream().map(VirtualServiceInput::describe).toList())));
        }
        return out;
    }

    /**
     * Binds every selected row in one request. Bound rows leave the selection (listed in
     * {@link #bound()}); failed ones stay with their error; the results page shows both.
     */
    public void bind() {
        Choice c = choice.get();
        if (c == null || !c.active() || selected.isEmpty() || busy.get()) {
            return;
        }
        String active = Hrefs.inVersion(c.virtualService().href(), "active");
        List<Row> rows = List.copyOf(selected);
        List<ServiceBinding> body = new ArrayList<>();
        for (Row r : rows) {
            List<ServiceBinding.PortOverride> o = VirtualServiceInput.overrides(r.overrides.get(), ports);
            body.add(r.target.container() ? ServiceBinding.ofContainerWorkload(active, r.target.href(), o)
                    : ServiceBinding.of(active, r.target.href(), o));
        }
        busy.set(true);
        page.set(Page.RESULTS);
        running = BackgroundTask.of("Binding " + rows.size() + " to " + c.virtualService().name(),
                        ctx -> flows.bind(body, ctx.token()))
                .ownedBy(VirtualServicesViewModel.FEATURE_ID)
                .onSuccess(results -> {
                    int ok = 0;
                    for (BulkItemResult r : results) {
                        Row row = rows.get(r.index());
                        if (r.ok()) {
                            ok++;
                            selected.remove(row);
                            bound.add(row.target.name());
                        } else {
                            row.error.set(r.message());
                        }
                    }
                    int failed = rows.size() - ok;
                    outcome.set(ok + " bound" + (failed == 0 ? "." : ", " + failed + " failed: they stay selected with "
                            + "the PCE's error; fix them and retry."));
                })
                .onFailure(e -> {
                    outcome.set("Nothing was bound: " + e.getMessage());
                    for (Row r : rows) {
                        r.error.set(e.getMessage());
                    }
                })
                .onFinished(() -> {
                    busy.set(false);
                    flows.workspace().changed(dev.pceworkbench.workspace.PolicyWorkspace.SERVICE_BINDINGS, null);
                });
        executor.execute(running);
    }

    /** Back to the overrides with the failed rows, to fix them and bind again. */
    public void retry() {
        if (!busy.get() && !selected.isEmpty()) {
            page.set(Page.OVERRIDES);
        }
    }

    private <V> void run(BackgroundTask<V> task) {
        running = task.ownedBy(VirtualServicesViewModel.FEATURE_ID)
                .onFailure(e -> dialogs.showError(task.title() + " failed", e))
                .onFinished(() -> busy.set(false));
        executor.execute(task);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public Optional<Choice> choice() {
        return Optional.ofNullable(choice.get());
    }

    /** The picked virtual service's ports (what overrides may move). */
    public ObservableList<ServicePort> ports() {
        return ports;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The workloads and container workloads that match the search. */
    public ObservableList<BindTarget> found() {
        return found;
    }

    public ObservableList<Row> selected() {
        return selected;
    }

    /** Names of the targets bound by this wizard. */
    public ObservableList<String> bound() {
        return bound;
    }

    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding canNext() {
        return canNext;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
