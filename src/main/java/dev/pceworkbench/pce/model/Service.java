package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A service (a policy object, {@code /orgs/1/sec_policy/draft/services/<id>}): ports and protocols
 * in {@code service_ports}, or Windows services in {@code windows_services}. The built-in
 * {@code All Services} is {@code [{"proto": -1}]}.
 */
@PceRecord
public record Service(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("description_url") String descriptionUrl,
        @JsonProperty("process_name") String processName,
        @JsonProperty("service_ports") List<ServicePort> servicePorts,
        @JsonProperty("windows_services") List<WindowsService> windowsServices,
        @Extra Map<String, JsonNode> extra) implements PceResource<Service> {

    public Service {
        servicePorts = Extras.list(servicePorts);
        windowsServices = Extras.list(windowsServices);
        extra = Extras.copy(extra);
    }

    public Service withName(String name) {
        return new Service(href, name, description, descriptionUrl, processName, servicePorts, windowsServices, extra);
    }

    public Service withDescription(String description) {
        return new Service(href, name, description, descriptionUrl, processName, servicePorts, windowsServices, extra);
    }

    public Service withServicePorts(List<ServicePort> servicePorts) {
        return new Service(href, name, description, descriptionUrl, processName, servicePorts, windowsServices, extra);
    }

    public Service withWindowsServices(List<WindowsService> windowsServices) {
        return new Service(href, name, description, descriptionUrl, processName, servicePorts, windowsServices, extra);
    }

    @Override
    public Service withExtra(Map<String, JsonNode> extra) {
        return new Service(href, name, description, descriptionUrl, processName, servicePorts, windowsServices, extra);
    }
}
