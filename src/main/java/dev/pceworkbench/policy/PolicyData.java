package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;

import java.util.List;

/**
 * Everything the engine reads for one policy version, as the client loaded it: the version's policy
 * objects (rule sets with their rules, label groups, IP lists, services, virtual services,
 * enforcement boundaries) and the org's labels, workloads and service bindings, which have no
 * version. The caller loads them (the engine never calls the PCE); {@link PolicyModel#build}
 * compiles them. Null lists are read as empty.
 */
public record PolicyData(String version, List<RuleSet> ruleSets, List<Label> labels, List<LabelGroup> labelGroups,
                         List<Workload> workloads, List<IpList> ipLists, List<Service> services,
                         List<VirtualService> virtualServices, List<ServiceBinding> serviceBindings,
                         List<EnforcementBoundary> enforcementBoundaries) {

    public PolicyData {
        ruleSets = copy(ruleSets);
        labels = copy(labels);
        labelGroups = copy(labelGroups);
        workloads = copy(workloads);
        ipLists = copy(ipLists);
        services = copy(services);
        virtualServices = copy(virtualServices);
        serviceBindings = copy(serviceBindings);
        enforcementBoundaries = copy(enforcementBoundaries);
    }

    /** No objects at all, for building a version up by hand ({@code with...}). */
    public static PolicyData empty(String version) {
        return new PolicyData(version, null, null, null, null, null, null, null, null, null);
    }

    public PolicyData withRuleSets(List<RuleSet> v) {
        return new PolicyData(version, v, labels, labelGroups, workloads, ipLists, services, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withLabels(List<Label> v) {
        return new PolicyData(version, ruleSets, v, labelGroups, workloads, ipLists, services, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withLabelGroups(List<LabelGroup> v) {
        return new PolicyData(version, ruleSets, labels, v, workloads, ipLists, services, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withWorkloads(List<Workload> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, v, ipLists, services, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withIpLists(List<IpList> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, workloads, v, services, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withServices(List<Service> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, workloads, ipLists, v, virtualServices,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withVirtualServices(List<VirtualService> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, workloads, ipLists, services, v,
                serviceBindings, enforcementBoundaries);
    }

    public PolicyData withServiceBindings(List<ServiceBinding> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, workloads, ipLists, services, virtualServices,
                v, enforcementBoundaries);
    }

    public PolicyData withEnforcementBoundaries(List<EnforcementBoundary> v) {
        return new PolicyData(version, ruleSets, labels, labelGroups, workloads, ipLists, services, virtualServices,
                serviceBindings, v);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(l));
    }
}
