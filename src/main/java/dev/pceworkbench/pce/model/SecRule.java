package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A security (allow) rule of a rule set, {@code .../rule_sets/<id>/sec_rules/<id>}: which
 * {@code consumers} may reach which {@code providers} on which {@code ingress_services}, how label
 * actors resolve ({@code resolve_labels_as}), whether consumers are outside the scope
 * ({@code unscoped_consumers}, an extra-scope rule), and the flags {@code enabled},
 * {@code stateless}, {@code sec_connect}, {@code machine_auth} and {@code network_type}.
 */
@PceRecord
public record SecRule(
        @JsonProperty("href") String href,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("providers") List<Actor> providers,
        @JsonProperty("consumers") List<Actor> consumers,
        @JsonProperty("ingress_services") List<IngressService> ingressServices,
        @JsonProperty("egress_services") List<IngressService> egressServices,
        @JsonProperty("resolve_labels_as") ResolveLabelsAs resolveLabelsAs,
        @JsonProperty("unscoped_consumers") Boolean unscopedConsumers,
        @JsonProperty("stateless") Boolean stateless,
        @JsonProperty("sec_connect") Boolean secConnect,
        @JsonProperty("machine_auth") Boolean machineAuth,
        @JsonProperty("network_type") String networkType,
        @JsonProperty("consuming_security_principals") List<Href> consumingSecurityPrincipals,
        @JsonProperty("use_workload_subnets") List<String> useWorkloadSubnets,
        @Extra Map<String, JsonNode> extra) implements PceResource<SecRule> {

    public SecRule {
        providers = Extras.list(providers);
        consumers = Extras.list(consumers);
        ingressServices = Extras.list(ingressServices);
        egressServices = Extras.list(egressServices);
        consumingSecurityPrincipals = Extras.list(consumingSecurityPrincipals);
        useWorkloadSubnets = Extras.list(useWorkloadSubnets);
        extra = Extras.copy(extra);
    }

    /** A new enabled rule resolving labels as workloads, as the body of a create. */
    public static SecRule of(List<Actor> providers, List<Actor> consumers, List<IngressService> ingressServices) {
        return new SecRule(null, null, true, providers, consumers, ingressServices, null, ResolveLabelsAs.workloads(),
                null, null, null, null, null, null, null, null);
    }

    public SecRule withDescription(String description) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withEnabled(Boolean enabled) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withProviders(List<Actor> providers) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withConsumers(List<Actor> consumers) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withIngressServices(List<IngressService> ingressServices) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withResolveLabelsAs(ResolveLabelsAs resolveLabelsAs) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withUnscopedConsumers(Boolean unscopedConsumers) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withStateless(Boolean stateless) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    public SecRule withNetworkType(String networkType) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }

    @Override
    public SecRule withExtra(Map<String, JsonNode> extra) {
        return new SecRule(href, description, enabled, providers, consumers, ingressServices, egressServices,
                resolveLabelsAs, unscopedConsumers, stateless, secConnect, machineAuth, networkType,
                consumingSecurityPrincipals, useWorkloadSubnets, extra);
    }
}
