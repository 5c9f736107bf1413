package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An enforcement boundary (a policy object, {@code /orgs/1/sec_policy/draft/enforcement_boundaries/<id>}):
 * a named deny between {@code consumers} and {@code providers} on {@code ingress_services}, in
 * the same actor and service shapes as a {@link SecRule}.
 */
@PceRecord
public record EnforcementBoundary(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("providers") List<Actor> providers,
        @JsonProperty("consumers") List<Actor> consumers,
        @JsonProperty("ingress_services") List<IngressService> ingressServices,
        @JsonProperty("network_type") String networkType,
        @Extra Map<String, JsonNode> extra) implements PceResource<EnforcementBoundary> {

    public EnforcementBoundary {
        providers = Extras.list(providers);
        consumers = Extras.list(consumers);
        ingressServices = Extras.list(ingressServices);
        extra = Extras.copy(extra);
    }

    /** A new boundary, as the body of a create. */
    public static EnforcementBoundary of(String name, List<Actor> providers, List<Actor> consumers,
                                         List<IngressService> ingressServices) {
        return new EnforcementBoundary(null, name, null, null, providers, consumers, ingressServices, null, null);
    }

    public EnforcementBoundary withName(String name) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    public EnforcementBoundary withDescription(String description) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    public EnforcementBoundary withEnabled(Boolean enabled) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    public EnforcementBoundary withProviders(List<Actor> providers) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    public EnforcementBoundary withConsumers(List<Actor> consumers) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    public EnforcementBoundary withIngressServices(List<IngressService> ingressServices) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }

    @Override
    public EnforcementBoundary withExtra(Map<String, JsonNode> extra) {
        return new EnforcementBoundary(href, name, description, enabled, providers, consumers, ingressServices,
                networkType, extra);
    }
}
