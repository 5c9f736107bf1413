package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rulesets feature's names: the {@link ObjectNames} index that names every reference of a rule
 * (through {@link Names}, the workbench's one vocabulary; this class writes no text itself), plus
 * what the forms pick from (All Workloads, labels by dimension, label groups, IP lists, virtual
 * services, workloads; services) and the labels the rule checks need. Built off the FX thread in
 * the load task; immutable.
 *
 * <p>Workloads come in a second step ({@link #withWorkloads}): on a large PCE they take as long as
 * the rule sets, and they only name workload actors, so the table shows first and a workload actor
 * reads as the short form of its href until then.
 */
public final class ActorNames {
    private final ObjectNames lookup;
    private final List<Name> choices;
    private final List<Name> serviceChoices;
    private final List<Label> labels;

    private ActorNames(ObjectNames lookup, List<Name> choices, List<Name> serviceChoices, List<Label> labels) {
        this.lookup = lookup;
        this.choices = List.copyOf(choices);
        this.serviceChoices = List.copyOf(serviceChoices);
        this.labels = List.copyOf(labels);
    }

    /**
     * The names of everything but workloads: workload actors read as {@code workload 3f2a9c1e…} (the
     * short form of their href) until {@link #withWorkloads} adds their hostnames.
     */
    public static ActorNames withoutWorkloads(List<Label> labels, List<LabelGroup> labelGroups, List<IpList> ipLists,
                                              List<VirtualService> virtualServices, List<Service> services) {
        List<Name> choices = new ArrayList<>();
        choices.add(Names.allWorkloads());
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing((Label l) -> String.valueOf(l.key())).thenComparing(l -> String.valueOf(l.value())));
        sorted.forEach(l -> choices.add(Names.label(l)));
        labelGroups.forEach(g -> choices.add(Names.labelGroup(g)));
        ipLists.forEach(i -> choices.add(Names.ipList(i)));
        virtualServices.forEach(v -> choices.add(Names.virtualService(v)));
        List<Name> serviceChoices = new ArrayList<>(services.stream().map(Names::service).toList());
        serviceChoices.sort(Comparator.comparing(Name::text, String.CASE_INSENSITIVE_ORDER));
        return new ActorNames(new ObjectNames(labels, labelGroups, ipLists, virtualServices, services),
                choices, serviceChoices, labels);
    }

    /** These names plus the workloads' (a new instance; this one is left as it is). */
    public ActorNames withWorkloads(List<Workload> workloads) {
        List<Name> more = new ArrayList<>(choices.size() + workloads.size());
        more.addAll(choices);
        workloads.forEach(w -> more.add(Names.workload(w)));
        return new ActorNames(lookup.withWorkloads(workloads), more, serviceChoices, labels);
    }

    /** An empty set of names (before the first load). */
    public static ActorNames empty() {
        return withoutWorkloads(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Whether workload actors are named by hostname yet (false until the workloads are loaded). */
    public boolean workloadsNamed() {
        return lookup.workloadsNamed();
    }

    /** The index {@link Names} reads references from. */
    public NameLookup lookup() {
        return lookup;
    }

    /** The name of one actor. */
    public Name actor(Actor a) {
        return Names.actor(a, lookup);
    }

    public List<Name> actors(List<Actor> actors) {
        return Names.actors(actors, lookup);
    }

    /** User groups ({@code consuming_security_principals}). */
    public List<Name> userGroups(List<Href> groups) {
        return groups.stream().map(Names::userGroup).toList();
    }

    public List<Name> scope(List<ScopeEntry> scope) {
        return Names.scope(scope, lookup);
    }

    /** A rule's services: services by name, inline ports as {@code 443 TCP}. */
    public List<Name> services(List<IngressService> services) {
        return Names.services(services, lookup);
    }

    public Name service(IngressService service) {
        return Names.service(service, lookup);
    }

    /** What a form can pick as an actor: All Workloads, labels by dimension, label groups, IP lists, virtual services, workloads. */
    public List<Name> choices() {
        return choices;
    }

    /** The services by name, for the service picker. */
    public List<Name> serviceChoices() {
        return serviceChoices;
    }

    public List<Label> labels() {
        return labels;
    }
}
