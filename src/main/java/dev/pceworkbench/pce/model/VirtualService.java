package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A virtual service (a policy object, {@code /orgs/1/sec_policy/draft/virtual_services/<uuid>}): a
 * labelled service that runs on workloads bound to it ({@link ServiceBinding}), described by
 * {@code service_ports} or a {@code service} reference and reached at {@code service_addresses};
 * {@code apply_to} is {@code host_only} or {@code internal_bridge_network}.
 */
@PceRecord
public record VirtualService(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("service_ports") List<ServicePort> servicePorts,
        @JsonProperty("service") Href service,
        @JsonProperty("service_addresses") List<ServiceAddress> serviceAddresses,
        @JsonProperty("labels") List<Href> labels,
        @JsonProperty("ip_overrides") List<String> ipOverrides,
        @JsonProperty("apply_to") String applyTo,
        @JsonProperty("pce_fqdn") String pceFqdn,
        @Extra Map<String, JsonNode> extra) implements PceResource<VirtualService> {

    public VirtualService {
        servicePorts = Extras.list(servicePorts);
        serviceAddresses = Extras.list(serviceAddresses);
        labels = Extras.list(labels);
        ipOverrides = Extras.list(ipOverrides);
        extra = Extras.copy(extra);
    }

    public VirtualService withName(String name) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }

    public VirtualService withDescription(String description) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }

    public VirtualService withServicePorts(List<ServicePort> servicePorts) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }

    public VirtualService withServiceAddresses(List<ServiceAddress> serviceAddresses) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }

    public VirtualService withLabels(List<Href> labels) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }

    @Override
    public VirtualService withExtra(Map<String, JsonNode> extra) {
        return new VirtualService(href, name, description, servicePorts, service, serviceAddresses, labels,
                ipOverrides, applyTo, pceFqdn, extra);
    }
}
