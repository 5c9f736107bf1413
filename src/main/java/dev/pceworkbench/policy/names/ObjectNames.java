package dev.pceworkbench.policy.names;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one PCE (one policy version's labels, label groups, IP lists, virtual services
 * and services, and the org's workloads) by href, for {@link Names}. Policy objects are keyed by
 * their version-neutral href ({@link Hrefs#neutral}), so a rule of any version finds them.
 * Workloads may come in a second step ({@link #withWorkloads}): on a large PCE they take as long as
 * the rule sets, and until then a workload reads as the short form of its href. Immutable; built
 * off the FX thread and read from any thread.
 */
public final class ObjectNames implements NameLookup {
    /** Knows no object. */
    public static final ObjectNames EMPTY = new ObjectNames(List.of(), List.of(), List.of(), List.of(), List.of());

    private final Map<String, Label> labels;
    private final Map<String, LabelGroup> labelGroups;
    private final Map<String, IpList> ipLists;
    private final Map<String, VirtualService> virtualServices;
    private final Map<String, Service> services;
    private final Map<String, Workload> workloads;
    private final boolean workloadsNamed;

    /** Every kind but workloads; {@link #withWorkloads} adds them. */
    public ObjectNames(List<Label> labels, List<LabelGroup> labelGroups, List<IpList> ipLists,
                       List<VirtualService> virtualServices, List<Service> services) {
        this.labels = index(labels, Label::href, false);
        this.labelGroups = index(labelGroups, LabelGroup::href, true);
        this.ipLists = index(ipLists, IpList::href, true);
        this.virtualServices = index(virtualServices, VirtualService::href, true);
        this.services = index(services, Service::href, true);
        this.workloads = Map.of();
        this.workloadsNamed = false;
    }

    private ObjectNames(ObjectNames base, Map<String, Workload> workloads) {
        this.labels = base.labels;
        this.labelGroups = base.labelGroups;
        this.ipLists = base.ipLists;
        this.virtualServices = base.virtualServices;
        this.services = base.services;
        this.workloads = workloads;
        this.workloadsNamed = true;
    }

    /** These names plus the workloads' (a new instance; this one is left as it is). */
    public ObjectNames withWorkloads(List<Workload> list) {
        return new ObjectNames(this, index(list, Workload::href, false));
    }

    /** Whether workloads are named by hostname yet (false until {@link #withWorkloads}). */
    public boolean workloadsNamed() {
        return workloadsNamed;
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> href, boolean policy) {
        Map<String, T> out = new HashMap<>(Math.max(16, items.size() * 2));
        for (T t : items) {
            String h = href.apply(t);
            if (h != null) {
                out.put(policy ? Hrefs.neutral(h) : h, t);
            }
        }
        return out;
    }

    @Override
    public Label label(String href) {
        return labels.get(href);
    }

    @Override
    public LabelGroup labelGroup(String href) {
        return labelGroups.get(Hrefs.neutral(href));
    }

    @Override
    public Workload workload(String href) {
        return workloads.get(href);
    }

    @Override
    public IpList ipList(String href) {
        return ipLists.get(Hrefs.neutral(href));
    }

    @Override
    public VirtualService virtualService(String href) {
        return virtualServices.get(Hrefs.neutral(href));
    }

    @Override
    public Service service(String href) {
        return services.get(Hrefs.neutral(href));
    }
}
