package dev.pceworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.BulkItemResult;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.api.ServiceBindingApi;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Virtual services and their bindings on the active connection, for the Virtual services view and
 * its wizards: listing with the PCE's filters, creating a service and a virtual service in the
 * draft, the dependency check and provisioning of a change subset, binding workloads and container
 * workloads (per-item results) and unbinding, and where a virtual service is used. Blocking: call
 * from a background task with its token. As with {@link PolicyProvisioning}, the caller tells the
 * workspace what changed ({@link PolicyWorkspace#changed}, {@link PolicyWorkspace#refreshAll}) on
 * its own thread afterwards, so listeners hear it where they expect.
 */
public final class VirtualServiceFlows {
    private final PolicyWorkspace workspace;
    private final PolicyProvisioning provisioning;

    public VirtualServiceFlows(PolicyWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
        this.provisioning = new PolicyProvisioning(workspace);
    }

    private PceClient client() {
        return workspace.client();
    }

    /** The virtual services of {@code version} matching the PCE's {@code query} parameters. */
    public List<VirtualService> list(String version, Map<String, ?> query, CancellationToken token) {
        if (query.isEmpty()) {
            return workspace.virtualServices(version, token, Progress.Listener.NONE);
        }
        return client().virtualServices().list(version, query, token, Progress.Listener.NONE);
    }

    /** The active state of a virtual service (any version of its href), or empty when it was never provisioned. */
    public Optional<VirtualService> active(String href, CancellationToken token) {
        try {
            return Optional.of(client().virtualServices().get(href, "active", token));
        } catch (PceApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The ports a virtual service serves: its own, or those of its service in {@code version}. */
    public List<ServicePort> ports(VirtualService vs, String version, CancellationToken token) {
        if (vs.service() == null || vs.service().href() == null) {
            return vs.servicePorts();
        }
        return client().services().get(vs.service().href(), version, token).servicePorts();
    }

    public Service createService(Service service, CancellationToken token) {
        return client().services().create(service, token);
    }

    public void updateService(String href, Service service, CancellationToken token) {
        client().services().update(href, service, token);
    }

    public VirtualService createVirtualService(VirtualService vs, CancellationToken token) {
        return client().virtualServices().create(vs, token);
    }

    public void updateVirtualService(String href, VirtualService vs, CancellationToken token) {
        client().virtualServices().update(href, vs, token);
    }

    /** What is pending in the draft (to tell whether a picked service must be provisioned too). */
    public PendingChanges pending(CancellationToken token) {
        return provisioning.pending(token);
    }

    /** What else must be provisioned with {@code subset} (the PCE's dependency check); empty when closed. */
    public List<PolicyDependency> dependencies(ChangeSubset subset, CancellationToken token) {
        return provisioning.dependencies(subset, true, token);
    }

    /** Provisions {@code subset} (then call {@link PolicyWorkspace#refreshAll}: the active version changed). */
    public PolicyVersion provision(String description, ChangeSubset subset, CancellationToken token) {
        return provisioning.provision(description, subset, token);
    }

    /** Creates {@code bindings} in one request; one result per binding, in order. */
    public List<BulkItemResult> bind(List<ServiceBinding> bindings, CancellationToken token) {
        PceClient c = client();
        return new ServiceBindingApi(c.transport(), c.settings().orgPrefix()).bind(bindings, token);
    }

    public void unbind(String bindingHref, CancellationToken token) {
        PceClient c = client();
        new ServiceBindingApi(c.transport(), c.settings().orgPrefix()).unbind(bindingHref, token);
    }

    /** The bindings of a virtual service (by its active href, as bindings name it). */
    public List<ServiceBinding> bindingsOf(String virtualServiceHref, CancellationToken token) {
        String active = Hrefs.inVersion(virtualServiceHref, "active");
        return client().serviceBindings().list(Map.of("virtual_service", active), token, Progress.Listener.NONE);
    }

    /** Every binding (cached by the workspace), to count them per virtual service. */
    public List<ServiceBinding> allBindings(CancellationToken token) {
        return workspace.serviceBindings(token, Progress.Listener.NONE);
    }

    /** Workloads and container workloads one can bind, workloads first. */
    public List<BindTarget> targets(CancellationToken token) {
        List<BindTarget> out = new ArrayList<>();
        for (Workload w : workspace.workloads(token, Progress.Listener.NONE)) {
            out.add(new BindTarget(w.href(), Names.workloadName(w), w.hostname(), w.labels(), false));
        }
        var answer = client().raw().get("/container_workloads", true, Map.of("max_results", 100000), token);
        JsonNode cws = answer.status() / 100 == 2 ? answer.json() : null;
        if (cws != null && cws.isArray()) {
            for (JsonNode cw : cws) {
                List<Href> labels = new ArrayList<>();
                cw.path("labels").forEach(l -> labels.add(Href.of(l.path("href").asText())));
                String name = cw.path("name").asText("");
                out.add(new BindTarget(cw.path("href").asText(), name.isEmpty() ? cw.path("href").asText() : name,
                        cw.path("hostname").asText(null), labels, true));
            }
        }
        return out;
    }

    /** The rules that use the virtual service, in the draft. */
    public List<VirtualServiceUsage.Use> whereUsed(VirtualService vs, CancellationToken token) {
        return VirtualServiceUsage.of(vs, workspace.ruleSets("draft", token, Progress.Listener.NONE));
    }

    public PolicyWorkspace workspace() {
        return workspace;
    }
}
