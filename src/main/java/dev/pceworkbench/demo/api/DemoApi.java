package dev.pceworkbench.demo.api;

import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.store.DemoState;

import java.time.Duration;

/** Wires every endpoint of the demo PCE into one router. */
public final class DemoApi {
    private final Router router = new Router();

    public DemoApi(DemoState state, Faults faults, String fqdn, Duration jobDuration, int retryAfterSeconds,
                   Duration trafficQueryDuration) {
        this(state, faults, new ApiVariants(), fqdn, jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    /** With {@code variants} choosing the answer shapes that differ between PCE versions. */
    public DemoApi(DemoState state, Faults faults, ApiVariants variants, String fqdn, Duration jobDuration,
                   int retryAfterSeconds, Duration trafficQueryDuration) {
        String org = "/orgs/{org}";
        Events events = new Events(state, fqdn);
        Render render = new Render(state);
        JobService jobs = new JobService(state, faults, jobDuration.dividedBy(3), jobDuration.minus(jobDuration.dividedBy(3)),
                retryAfterSeconds);
        OrgKinds orgKinds = new OrgKinds(state);
        InfraKinds infra = new InfraKinds(state, orgKinds);
        OrgApi orgApi = new OrgApi(state, jobs, render, events);
        String p = state.orgPrefix();

        new SystemApi(state, events, fqdn).routes(router, org);
        jobs.routes(router, org);
        new ProvisioningApi(state, events, variants).routes(router, org);
        new FirewallSettingsApi(state, render, events).routes(router, org);
        OrgKind clusters = infra.containerClusters();
        OrgKind pairing = infra.pairingProfiles();
        new BindingsApi(state, events, orgApi).routes(router, org, clusters, pairing);
        orgApi.routes(router, org + "/label_dimensions", orgKinds.labelDimensions(), req -> p + "/label_dimensions");
        orgApi.routes(router, org + "/labels", orgKinds.labels(), req -> p + "/labels");
        new WorkloadBulkApi(state, events, orgKinds.workloads()).routes(router, org);
        orgApi.routes(router, org + "/workloads", orgKinds.workloads(), req -> p + "/workloads");
        orgApi.routes(router, org + "/security_principals", orgKinds.securityPrincipals(), req -> p + "/security_principals");
        new ToolingApi(state).routes(router, org);
        orgApi.routes(router, org + "/vens", infra.vens(), req -> p + "/vens");
        orgApi.routes(router, org + "/pairing_profiles", pairing, req -> p + "/pairing_profiles");
        orgApi.routes(router, org + "/events", infra.events(), req -> p + "/events");
        orgApi.routes(router, org + "/container_clusters", clusters, req -> p + "/container_clusters");
        orgApi.routes(router, org + "/container_clusters/{cluster}/container_workload_profiles",
                infra.containerWorkloadProfiles(), req -> {
                    String cluster = p + "/container_clusters/" + req.pathParam("cluster");
                    state.read(() -> orgApi.get(clusters, cluster));
                    return cluster + "/container_workload_profiles";
                });
        orgApi.routes(router, org + "/service_bindings", serviceBindings(), req -> p + "/service_bindings");
        orgApi.routes(router, org + "/container_workloads", containerWorkloads(), req -> p + "/container_workloads");
        PolicyApi policyApi = new PolicyApi(state, jobs, render, events, new PolicyKinds(state, orgKinds));
        new VirtualServicesBulkApi(policyApi).routes(router, org);
        policyApi.routes(router, org);
        new TrafficApi(state, faults, trafficQueryDuration, fqdn).routes(router, org);
        new PolicyQueryApi(state, render).routes(router, org);
    }

    private static OrgKind serviceBindings() {
        return new OrgKind("service_bindings", false,
                new Filters().exact("virtual_service", "virtual_service.href").exact("workload", "workload.href")
                        .exact("external_data_set", "external_data_set").exact("external_data_reference", "external_data_reference"),
                () -> dev.pceworkbench.pce.json.PceJson.mapper().createObjectNode(), (old, o) -> {
                }, old -> {
                }, false, false, true);
    }

    /** Container workloads are reported by Kubelink; the API only reads them. */
    private static OrgKind containerWorkloads() {
        return new OrgKind("container_workloads", false,
                new Filters().partial("name", "name").partial("hostname", "hostname").labels(Filters::labelHrefs)
                        .exact("namespace", "namespace"),
                () -> dev.pceworkbench.pce.json.PceJson.mapper().createObjectNode(), (old, o) -> {
                }, old -> {
                }, false, false, false);
    }

    public Router router() {
        return router;
    }
}
