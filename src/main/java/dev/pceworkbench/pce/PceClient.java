package dev.pceworkbench.pce;

import dev.pceworkbench.pce.api.AsyncJobs;
import dev.pceworkbench.pce.api.CollectionReader;
import dev.pceworkbench.pce.api.ObjectApi;
import dev.pceworkbench.pce.api.PolicyObjectApi;
import dev.pceworkbench.pce.api.PolicyQueryApi;
import dev.pceworkbench.pce.api.ProvisioningApi;
import dev.pceworkbench.pce.api.RawApi;
import dev.pceworkbench.pce.api.TrafficApi;
import dev.pceworkbench.pce.http.HttpClientFactory;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.pce.model.ApiKey;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Event;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.SecurityPrincipal;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.PairingProfile;
import dev.pceworkbench.pce.model.ProductVersion;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.Ven;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.pce.json.PceJson;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PCE REST API client: one org on one PCE. Typed APIs per object type (labels, label groups,
 * IP lists, services, rule sets and their rules, workloads, virtual services, service bindings,
 * container clusters and their workload profiles, enforcement boundaries, VENs, pairing profiles,
 * events), provisioning, the rule search and policy check, traffic queries, API keys, raw
 * requests, and a connection check that diagnoses rather than answers yes or no. Every call
 * takes a {@link CancellationToken}; none of it touches JavaFX. Thread-safe.
 */
public final class PceClient {
    private final ConnectionSettings settings;
    private final PceTransport transport;
    private final CollectionReader reader;
    private final boolean insecure;

    private PceClient(ConnectionSettings settings, PceTransport transport, boolean insecure, Duration jobTimeout) {
        this.settings = settings;
        this.transport = transport;
        this.reader = new CollectionReader(transport, new AsyncJobs(transport, jobTimeout));
        this.insecure = insecure;
    }

    /** A client for {@code settings}: TLS, proxy and timeouts as configured, default retries and budget. */
    public static PceClient connect(ConnectionSettings settings) {
        return connect(settings, RetryPolicy.defaults(), new RequestLimiter(settings.requestsPerMinute()), Duration.ofMinutes(30));
    }

    /**
     * A client with an explicit retry policy, a (possibly shared) request limiter and the longest
     * time an async job may take.
     */
    public static PceClient connect(ConnectionSettings settings, RetryPolicy retry, RequestLimiter limiter, Duration jobTimeout) {
        HttpClientFactory.Built built = HttpClientFactory.build(settings, null, System.getenv());
        return new PceClient(settings, new PceTransport(settings, built.client(), retry, limiter), built.insecure(), jobTimeout);
    }

    /** A client over an OkHttp client the caller configured itself (tests, shared pools). */
    public static PceClient withHttpClient(ConnectionSettings settings, OkHttpClient http, RetryPolicy retry,
                                           RequestLimiter limiter, Duration jobTimeout) {
        return new PceClient(settings, new PceTransport(settings, http, retry, limiter), !settings.tls().verify(), jobTimeout);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** Whether TLS verification is off for this connection (shown to the user as a warning). */
    public boolean insecure() {
        return insecure;
    }

    public PceTransport transport() {
        return transport;
    }

    private String org() {
        return settings.orgPrefix();
    }

    private <T> ObjectApi<T> objects(String collection, Class<T> type) {
        return new ObjectApi<>(transport, reader, org() + "/" + collection, type);
    }

    private <T> PolicyObjectApi<T> policy(String collection, Class<T> type) {
        return new PolicyObjectApi<>(transport, reader, org(), collection, type);
    }

    public ObjectApi<Label> labels() {
        return objects("labels", Label.class);
    }

    public ObjectApi<LabelDimension> labelDimensions() {
        return objects("label_dimensions", LabelDimension.class);
    }

    /** Security principals (AD user groups), {@code /orgs/{org}/security_principals}. */
    public ObjectApi<SecurityPrincipal> securityPrincipals() {
        return objects("security_principals", SecurityPrincipal.class);
    }

    public ObjectApi<Workload> workloads() {
        return objects("workloads", Workload.class);
    }

    public ObjectApi<Ven> vens() {
        return objects("vens", Ven.class);
    }

    public ObjectApi<PairingProfile> pairingProfiles() {
        return objects("pairing_profiles", PairingProfile.class);
    }

    public ObjectApi<Event> events() {
        return objects("events", Event.class);
    }

    public ObjectApi<ContainerCluster> containerClusters() {
        return objects("container_clusters", ContainerCluster.class);
    }

    /** The workload profiles of one container cluster. */
    public ObjectApi<ContainerWorkloadProfile> containerWorkloadProfiles(Object cluster) {
        return new ObjectApi<>(transport, reader, dev.pceworkbench.pce.api.Refs.href(cluster) + "/container_workload_profiles",
                ContainerWorkloadProfile.class);
    }

    public ServiceBindingsApi serviceBindings() {
        return new ServiceBindingsApi(transport, reader, org());
    }

    public PolicyObjectApi<LabelGroup> labelGroups() {
        return policy("label_groups", LabelGroup.class);
    }

    public PolicyObjectApi<IpList> ipLists() {
        return policy("ip_lists", IpList.class);
    }

    public PolicyObjectApi<Service> services() {
        return policy("services", Service.class);
    }

    public PolicyObjectApi<RuleSet> ruleSets() {
        return policy("rule_sets", RuleSet.class);
    }

    /** The rules of one rule set (pass the rule set's href in the version to read). */
    public ObjectApi<SecRule> rules(Object ruleSet) {
        return new ObjectApi<>(transport, reader, dev.pceworkbench.pce.api.Refs.href(ruleSet) + "/sec_rules", SecRule.class);
    }

    public PolicyObjectApi<VirtualService> virtualServices() {
        return policy("virtual_services", VirtualService.class);
    }

    public PolicyObjectApi<EnforcementBoundary> enforcementBoundaries() {
        return policy("enforcement_boundaries", EnforcementBoundary.class);
    }

    public ProvisioningApi provisioning() {
        return new ProvisioningApi(transport, org());
    }

    public TrafficApi traffic() {
        return new TrafficApi(transport, org(), Duration.ofMinutes(30), Duration.ofSeconds(1));
    }

    /** Traffic queries polled at a chosen pace (tests and demos poll faster). */
    public TrafficApi traffic(Duration timeout, Duration pollInterval) {
        return new TrafficApi(transport, org(), timeout, pollInterval);
    }

    /** The PCE's rule search and policy check over a policy version. */
    public PolicyQueryApi policyQueries() {
        return new PolicyQueryApi(transport, org());
    }

    public RawApi raw() {
        return new RawApi(transport, org());
    }

    public ProductVersion productVersion(CancellationToken token) {
        return read(transport.send(PceRequest.of("GET", "/product_version"), token).json(), ProductVersion.class);
    }

    /** The signed-in user's href ({@code /users/N}), from {@code GET /users/login}. */
    public String currentUserHref(CancellationToken token) {
        return transport.send(PceRequest.of("GET", "/users/login"), token).json().path("href").asText();
    }

    /**
     * Creates an API key for the signed-in user (use a username/password connection): the answer
     * holds the key's {@code auth_username} and its {@code secret}, shown only this once.
     */
    public ApiKey createApiKey(String name, String description, CancellationToken token) {
        String user = currentUserHref(token);
        var body = PceJson.mapper().createObjectNode().put("name", name).put("description", description == null ? "" : description);
        return read(transport.send(PceRequest.of("POST", user + "/api_keys")
                .withBody(ObjectApi.bodyBytes(body)), token).json(), ApiKey.class);
    }

    public List<ApiKey> apiKeys(CancellationToken token) {
        String user = currentUserHref(token);
        List<ApiKey> out = new ArrayList<>();
        for (var n : transport.send(PceRequest.of("GET", user + "/api_keys"), token).json()) {
            out.add(read(n, ApiKey.class));
        }
        return out;
    }

    /** Checks DNS, TCP, proxy, TLS, authentication, org access and the PCE version, step by step. */
    public static ConnectionDiagnosis checkConnection(ConnectionSettings settings, CancellationToken token) {
        return new ConnectionCheck().run(settings, token);
    }

    private static <T> T read(com.fasterxml.jackson.databind.JsonNode n, Class<T> type) {
        try {
            return PceJson.mapper().treeToValue(n, type);
        } catch (java.io.IOException e) {
            throw new PceException("Cannot read " + type.getSimpleName() + " from the PCE's answer: " + e.getMessage(), e);
        }
    }

    /**
     * Service bindings: listed and deleted like other objects, created in bulk (one POST with a
     * list; the PCE binds only provisioned virtual services, so refer to the active href).
     */
    public static final class ServiceBindingsApi extends ObjectApi<ServiceBinding> {
        ServiceBindingsApi(PceTransport transport, CollectionReader reader, String org) {
            super(transport, reader, org + "/service_bindings", ServiceBinding.class);
        }

        /** Creates all {@code bindings} in one request; returns the created hrefs in order. */
        public List<String> createAll(List<?> bindings, CancellationToken token) {
            var array = PceJson.mapper().createArrayNode();
            for (Object b : bindings) {
                array.add(ObjectApi.bodyTree(b));
            }
            var answer = transport.send(PceRequest.of("POST", collectionPath()).withBody(ObjectApi.jsonBytes(array)), token).json();
            List<String> hrefs = new ArrayList<>();
            for (var item : answer) {
                if (!item.path("href").isTextual()) {
                    throw new PceException("The PCE did not create service binding #" + (hrefs.size() + 1) + ": " + item);
                }
                hrefs.add(item.get("href").asText());
            }
            return hrefs;
        }

        @Override
        public ServiceBinding create(Object body, CancellationToken token) {
            String href = createAll(List.of(body), token).get(0);
            return get(href, token);
        }
    }

}
