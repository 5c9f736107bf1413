package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Page 4 of the new-virtual-service wizard: one background task that creates the service (when
 * the wizard defines one), creates the virtual service, asks the PCE what else must be provisioned
 * with them, and provisions them all, reporting progress per step. What each step achieved is kept
 * across runs, so a retry after a failure runs only the failed step and those after it: nothing is
 * created twice. If the user went back and changed a field after its object was created, the retry
 * updates that object instead. Cancel stops the running step.
 */
public final class CreateAndProvision {
    /** How far one step got. */
    public enum StepState { WAITING, RUNNING, DONE, FAILED }

    /** One step as the page lists it. */
    public static final class Step {
        private final String title;
        private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state", StepState.WAITING);
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public ReadOnlyObjectProperty<StepState> stateProperty() {
            return state.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        @Override
        public String toString() {
            return title + " " + state.get() + (detail.get().isEmpty() ? "" : " (" + detail.get() + ")");
        }
    }

    private final NewVirtualServiceWizard wizard;
    private final VirtualServiceFlows flows;
    private final TaskExecutor executor;
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper activeHref = new ReadOnlyStringWrapper(this, "activeHref");
    private BackgroundTask<String> task;

    // What the steps achieved; written by the task's thread, read by the next run's.
    private volatile String serviceHref;
    private volatile Service sentService;
    private volatile String virtualServiceHref;
    private volatile VirtualService sentVirtualService;
    private volatile ChangeSubset subset;
    private volatile boolean provisioned;
    private volatile int current;
    private volatile String dependencyText = "";
    /** How many times each kind of PCE write ran (tests check nothing was created twice). */
    private final Map<String, Integer> writes = new java.util.concurrent.ConcurrentHashMap<>();

    CreateAndProvision(NewVirtualServiceWizard wizard, VirtualServiceFlows flows, TaskExecutor executor) {
        this.wizard = wizard;
        this.flows = flows;
        this.executor = executor;
    }

    /** Runs the steps not yet done (the first run, or a retry after a failure or cancel). */
    public void start() {
        if (running.get() || finished.get()) {
            return;
        }
        boolean createsService = wizard.createsService();
        List<String> titles = new ArrayList<>();
        if (createsService) {
            titles.add("Create the service in the draft");
        }
        titles.add("Create the virtual service in the draft");
        titles.add("Check what must be provisioned with it");
        titles.add("Provision");
        if (steps.size() != titles.size()) {
            steps.setAll(titles.stream().map(Step::new).toList());
        }
        // Bodies are read from the wizard's fields here, on the UI thread.
        Service serviceBody = createsService ? wizard.serviceBody() : null;
        String existing = wizard.existingServiceHref();
        String name = wizard.nameProperty().get().trim();
        VirtualService template = wizard.virtualServiceBody(null);
        failure.set(null);
        running.set(true);
        task = BackgroundTask.<String>of("New virtual service " + name, ctx -> {
            int i = 0;
            if (serviceBody != null) {
                step(ctx, i++, () -> createService(ctx, serviceBody));
            }
            String svc = serviceBody != null ? serviceHref : existing;
            VirtualService vsBody = new VirtualService(null, template.name(), template.description(), List.of(),
                    dev.pceworkbench.pce.model.Href.of(svc), template.serviceAddresses(), template.labels(),
                    template.ipOverrides(), template.applyTo(), null, null);
            step(ctx, i++, () -> createVirtualService(ctx, vsBody));
            step(ctx, i++, () -> checkDependencies(ctx, serviceBody != null));
            step(ctx, i, () -> provision(ctx, name));
            ctx.progress(steps.size(), steps.size());
            return flows.active(virtualServiceHref, ctx.token()).map(VirtualService::href)
                    .orElseThrow(() -> new IllegalStateException("The PCE provisioned, but the virtual service is not active"));
        }).ownedBy(VirtualServicesViewModel.FEATURE_ID);
        task.progressProperty().addListener((o, a, p) -> showProgress(p.doubleValue()));
        task.onSuccess(href -> {
            for (Step s : steps) {
                s.state.set(StepState.DONE);
            }
            steps.get(steps.size() - 2).detail.set(dependencyText);
            activeHref.set(href);
            finished.set(true);
        }).onFailure(e -> {
            showProgress((double) current / steps.size());
            Step s = steps.get(Math.min(current, steps.size() - 1));
            s.state.set(StepState.FAILED);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            s.detail.set(message);
            failure.set("'" + s.title() + "' failed: " + message + ". Every field is kept; Retry runs this step again.");
        }).onCancelled(() -> {
            Step s = steps.get(Math.min(current, steps.size() - 1));
            s.state.set(StepState.WAITING);
            s.detail.set("Cancelled");
            failure.set("Cancelled during '" + s.title() + "'. Retry runs it again.");
        }).onFinished(() -> {
            running.set(false);
            // Tell the workspace what changed, here on the UI thread.
            if (provisioned) {
                flows.workspace().refreshAll();
            } else if (!writes.isEmpty()) {
                flows.workspace().changed(dev.pceworkbench.workspace.PolicyWorkspace.SERVICES, "draft");
                flows.workspace().changed(dev.pceworkbench.workspace.PolicyWorkspace.VIRTUAL_SERVICES, "draft");
            }
        });
        executor.execute(task);
    }

    /** Cancels the running step (its PCE call is closed). */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private interface StepBody {
        void run() throws Exception;
    }

    private void step(TaskContext ctx, int index, StepBody body) throws Exception {
        current = index;
        ctx.progress(index, steps.size());
        ctx.token().throwIfCancelled(steps.get(index).title());
        body.run();
    }

    private void showProgress(double p) {
        if (p < 0) {
            return;
        }
        int at = (int) Math.round(p * steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (i < at) {
                if (s.state.get() != StepState.DONE) {
                    s.detail.set("");
                }
                s.state.set(StepState.DONE);
            } else if (i == at && running.get()) {
                s.state.set(StepState.RUNNING);
                s.detail.set("");
            }
        }
    }

    private void createService(TaskContext ctx, Service body) {
        if (serviceHref == null) {
            serviceHref = flows.createService(body, ctx.token()).href();
            count("service.create");
        } else if (!body.equals(sentService)) {
            flows.updateService(serviceHref, body, ctx.token());
            count("service.update");
        }
        sentService = body;
    }

    private void createVirtualService(TaskContext ctx, VirtualService body) {
        if (virtualServiceHref == null) {
            virtualServiceHref = flows.createVirtualService(body, ctx.token()).href();
            count("virtual_service.create");
        } else if (!body.equals(sentVirtualService)) {
            flows.updateVirtualService(virtualServiceHref, body, ctx.token());
            count("virtual_service.update");
        }
        sentVirtualService = body;
    }

    private void checkDependencies(TaskContext ctx, boolean withService) {
        if (provisioned) {
            return;
        }
        Set<String> hrefs = new LinkedHashSet<>();
        hrefs.add(virtualServiceHref);
        if (withService) {
            hrefs.add(serviceHref);
        }
        List<PolicyDependency> deps = flows.dependencies(ChangeSubset.of(hrefs), ctx.token());
        Map<String, Integer> byType = new TreeMap<>();
        for (PolicyDependency d : deps) {
            if (d.dependencyHref() != null && hrefs.add(d.dependencyHref())) {
                byType.merge(d.dependencyType().replace('_', ' '), 1, Integer::sum);
            }
        }
        subset = ChangeSubset.of(hrefs);
        List<String> parts = new ArrayList<>();
        byType.forEach((t, n) -> parts.add(n + " " + (n == 1 ? t.substring(0, t.length() - 1) : t)));
        dependencyText = parts.isEmpty() ? "Nothing else is needed" : "Also provisions " + String.join(", ", parts);
        ctx.message(dependencyText);
    }

    private void provision(TaskContext ctx, String name) {
        if (!provisioned) {
            flows.provision("New virtual service " + name + " (workbench wizard)", subset, ctx.token());
            provisioned = true;
            count("provision");
        }
    }

    private void count(String what) {
        writes.merge(what, 1, Integer::sum);
    }

    /** How often each PCE write ran ({@code service.create}, {@code virtual_service.create}, {@code provision}...). */
    public Map<String, Integer> writes() {
        return Map.copyOf(writes);
    }

    public ObservableList<Step> steps() {
        return steps;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once everything is created and provisioned. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** What failed, with the PCE's message; null while nothing failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The active href of the provisioned virtual service. */
    public ReadOnlyStringProperty activeHrefProperty() {
        return activeHref.getReadOnlyProperty();
    }

    /** The draft href of the created virtual service (null before it is created). */
    public String virtualServiceHref() {
        return virtualServiceHref;
    }

    public String serviceHref() {
        return serviceHref;
    }
}
