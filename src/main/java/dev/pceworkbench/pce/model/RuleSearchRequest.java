package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The body of a rule search, {@code POST /orgs/{org}/sec_policy/{version}/rule_search}: which rules
 * of a policy version fit all the criteria given. A list criterion holds when any of its items does:
 * {@code providers}, {@code consumers} and {@code providers_or_consumers} take actors,
 * {@code ingress_services} takes service references or ports ({@link IngressService}),
 * {@code consuming_security_principals} takes {@code {"href"}} references. The flags
 * ({@code enabled}, {@code stateless}, {@code sec_connect}, {@code machine_auth},
 * {@code unscoped_consumers}), a {@code description} substring, the {@code update_type} of draft
 * changes, {@code rule_types} and {@code max_results} narrow it further; {@code resolve_actors}
 * asks for the deep search (a label also finds rules naming groups that hold it, and All
 * Workloads). Absent (null) criteria are left out of the body: an empty list is a criterion that
 * nothing fits.
 */
@PceRecord
public record RuleSearchRequest(
        @JsonProperty("providers") List<Actor> providers,
        @JsonProperty("consumers") List<Actor> consumers,
        @JsonProperty("providers_or_consumers") List<Actor> providersOrConsumers,
        @JsonProperty("ingress_services") List<IngressService> ingressServices,
        @JsonProperty("consuming_security_principals") List<Href> consumingSecurityPrincipals,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("stateless") Boolean stateless,
        @JsonProperty("sec_connect") Boolean secConnect,
        @JsonProperty("machine_auth") Boolean machineAuth,
        @JsonProperty("unscoped_consumers") Boolean unscopedConsumers,
        @JsonProperty("update_type") String updateType,
        @JsonProperty("resolve_actors") Boolean resolveActors,
        @JsonProperty("rule_types") List<String> ruleTypes,
        @JsonProperty("max_results") Integer maxResults,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<RuleSearchRequest> {

    public RuleSearchRequest {
        providers = Extras.list(providers);
        consumers = Extras.list(consumers);
        providersOrConsumers = Extras.list(providersOrConsumers);
        ingressServices = Extras.list(ingressServices);
        consumingSecurityPrincipals = Extras.list(consumingSecurityPrincipals);
        ruleTypes = Extras.list(ruleTypes);
        extra = Extras.copy(extra);
    }

    /** A search without criteria: every rule of the version. */
    public static RuleSearchRequest any() {
        return new RuleSearchRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public RuleSearchRequest withProviders(List<Actor> providers) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withConsumers(List<Actor> consumers) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withProvidersOrConsumers(List<Actor> either) {
        return new RuleSearchRequest(providers, consumers, either, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withIngressServices(List<IngressService> services) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, services, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withDescription(String description) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withEnabled(Boolean enabled) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withResolveActors(Boolean resolveActors) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    public RuleSearchRequest withMaxResults(Integer maxResults) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }

    @Override
    public RuleSearchRequest withExtra(Map<String, JsonNode> extra) {
        return new RuleSearchRequest(providers, consumers, providersOrConsumers, ingressServices, consumingSecurityPrincipals,
                description, enabled, stateless, secConnect, machineAuth, unscopedConsumers, updateType, resolveActors,
                ruleTypes, maxResults, extra);
    }
}
