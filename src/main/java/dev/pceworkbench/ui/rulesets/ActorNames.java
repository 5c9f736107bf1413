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
import dev.pceworkbench.policy.PolicyModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for the hrefs a rule refers to, resolved from the workspace's labels, label groups, IP
 * lists, workloads, virtual services and services of one policy version (policy hrefs are keyed in
 * their draft form, so an active or numbered rule finds its objects too), plus the list of actors
 * a form can pick from. Built off the FX thread in the load task; read-only afterwards.
 *
 * <p>Workloads come in a second step ({@link #withWorkloads}): on a large PCE they take as long as
 * the rule sets, and they only name workload actors, so the table shows first and a workload actor
 * reads as the short form of its href until then. No lower-case copies of the names are kept (the
 * rule filter matches each distinct name once per query): with 50,000 workloads they cost megabytes.
 */
public final class ActorNames {
    private final Map<String, Chip> chips;
    private final List<Chip> choices;
    private final Map<String, String> labelKeys;
    private final List<Label> labels;
    private final boolean workloadsNamed;

    public ActorNames(List<Label> labels, List<LabelGroup> labelGroups, List<IpList> ipLists, List<Workload> workloads,
                      List<VirtualService> virtualServices, List<Service> services) {
        this(labels, labelGroups, ipLists, virtualServices, services, true);
        addWorkloads(workloads);
    }

    private ActorNames(List<Label> labels, List<LabelGroup> labelGroups, List<IpList> ipLists,
                       List<VirtualService> virtualServices, List<Service> services, boolean workloadsNamed) {
        this.labels = List.copyOf(labels);
        this.chips = new HashMap<>();
        this.choices = new ArrayList<>();
        this.labelKeys = new HashMap<>();
        this.workloadsNamed = workloadsNamed;
        choices.add(new Chip(Chip.Kind.ALL_WORKLOADS, null, "All Workloads", null));
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing((Label l) -> String.valueOf(l.key())).thenComparing(l -> String.valueOf(l.value())));
        for (Label l : sorted) {
            put(new Chip(Chip.Kind.LABEL, l.key(), l.value(), l.href()), true);
            labelKeys.put(l.href(), l.key());
        }
        for (LabelGroup g : labelGroups) {
            put(new Chip(Chip.Kind.LABEL_GROUP, g.key(), g.name(), g.href()), true);
        }
        for (IpList i : ipLists) {
            put(new Chip(Chip.Kind.IP_LIST, null, i.name(), i.href()), true);
        }
        for (VirtualService v : virtualServices) {
            put(new Chip(Chip.Kind.VIRTUAL_SERVICE, null, v.name(), v.href()), true);
        }
        for (Service s : services) {
            put(new Chip(Chip.Kind.SERVICE, null, s.name(), s.href()), false);
        }
    }

    private ActorNames(ActorNames base, boolean workloadsNamed) {
        this.labels = base.labels;
        this.chips = new HashMap<>(base.chips);
        this.choices = new ArrayList<>(base.choices);
        this.labelKeys = base.labelKeys;
        this.workloadsNamed = workloadsNamed;
    }

    /**
     * The names of everything but workloads: workload actors read as "Workload 3f2a9c1e…" (the
     * short form of their href) until {@link #withWorkloads} adds their hostnames.
     */
    public static ActorNames withoutWorkloads(List<Label> labels, List<LabelGroup> labelGroups, List<IpList> ipLists,
                                              List<VirtualService> virtualServices, List<Service> services) {
        return new ActorNames(labels, labelGroups, ipLists, virtualServices, services, false);
    }

    /** These names plus the workloads' hostnames (a new instance; this one is left as it is). */
    public ActorNames withWorkloads(List<Workload> workloads) {
        ActorNames n = new ActorNames(this, true);
        n.addWorkloads(workloads);
        return n;
    }

    /** Whether workload actors are named by hostname yet (false until the workloads are loaded). */
    public boolean workloadsNamed() {
        return workloadsNamed;
    }

    /** An empty set of names (before the first load). */
    public static ActorNames empty() {
        return new ActorNames(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private void addWorkloads(List<Workload> workloads) {
        for (Workload w : workloads) {
            String name = w.hostname() != null && !w.hostname().isBlank() ? w.hostname() : w.name();
            put(new Chip(Chip.Kind.WORKLOAD, null, name == null ? w.href() : name, w.href()), true);
        }
    }

    private void put(Chip c, boolean choice) {
        // Keyed by the href as loaded (rules of the same version hit directly) and by its draft form.
        chips.put(c.href(), c);
        String draft = key(c.href());
        if (draft != null && !draft.equals(c.href())) {
            chips.put(draft, c);
        }
        if (choice) {
            choices.add(c);
        }
    }

    /** The draft form of a policy href (the engine's version-neutral key; other hrefs unchanged). */
    private static String key(String href) {
        return PolicyModel.neutralHref(href);
    }

    /** The chip of the object with {@code href} (in any version's form), or null when it is not known. */
    Chip chip(String href) {
        Chip c = chips.get(href);
        return c != null ? c : chips.get(key(href));
    }

    /** The chip of one actor. */
    public Chip actor(Actor a) {
        if (a.allWorkloadsActor()) {
            return new Chip(Chip.Kind.ALL_WORKLOADS, null, "All Workloads", null);
        }
        Href ref = a.ref();
        if (ref == null) {
            return new Chip(Chip.Kind.UNKNOWN, null, "Unknown actor", null);
        }
        Chip known = chip(ref.href());
        if (known != null) {
            return known;
        }
        Chip.Kind kind = switch (String.valueOf(a.kind())) {
            case "label" -> Chip.Kind.LABEL;
            case "label_group" -> Chip.Kind.LABEL_GROUP;
            case "ip_list" -> Chip.Kind.IP_LIST;
            case "workload", "container_workload", "kubernetes_workload" -> Chip.Kind.WORKLOAD;
            case "virtual_service", "virtual_server" -> Chip.Kind.VIRTUAL_SERVICE;
            default -> Chip.Kind.UNKNOWN;
        };
        // The PCE expands some references with key/value or a name; fall back to them, then the href
        // (a workload's in its short form: a full href is unreadable and its hostname may still come).
        String text = ref.value() != null ? ref.value() : ref.name() != null ? ref.name()
                : kind == Chip.Kind.WORKLOAD ? shortForm(ref.href()) : ref.href();
        return new Chip(kind, ref.key(), text, ref.href());
    }

    public List<Chip> actors(List<Actor> actors) {
        List<Chip> out = new ArrayList<>(actors.size());
        for (Actor a : actors) {
            out.add(actor(a));
        }
        return out;
    }

    /** User groups ({@code consuming_security_principals}); named by the reference's name where given. */
    public List<Chip> userGroups(List<Href> groups) {
        List<Chip> out = new ArrayList<>();
        for (Href g : groups) {
            String h = g.href();
            out.add(new Chip(Chip.Kind.USER_GROUP, null, g.name() != null ? g.name()
                    : h == null ? "?" : h.substring(h.lastIndexOf('/') + 1), h));
        }
        return out;
    }

    public Chip scopeEntry(ScopeEntry e) {
        Chip c = actor(e.label() != null ? Actor.label(e.label().href()) : Actor.labelGroup(e.labelGroup().href()));
        return Boolean.TRUE.equals(e.exclusion()) ? new Chip(c.kind(), c.key(), "not " + c.text(), c.href()) : c;
    }

    public List<Chip> scope(List<ScopeEntry> scope) {
        List<Chip> out = new ArrayList<>();
        for (ScopeEntry e : scope) {
            out.add(scopeEntry(e));
        }
        return out;
    }

    /** A rule's services: service names, inline ports as {@code 443 TCP}. */
    public List<Chip> services(List<IngressService> services) {
        List<Chip> out = new ArrayList<>();
        for (IngressService s : services) {
            if (s.serviceRef()) {
                Chip c = chip(s.href());
                out.add(c != null ? c : new Chip(Chip.Kind.SERVICE, null, s.href(), s.href()));
            } else {
                out.add(new Chip(Chip.Kind.PORT, null, PortText.format(s), null));
            }
        }
        return out;
    }

    /** The last segment of an href, cut to 8 characters: {@code /orgs/1/workloads/3f2a9c1e-...} is "3f2a9c1e…". */
    static String shortForm(String href) {
        if (href == null) {
            return "…";
        }
        String id = href.substring(href.lastIndexOf('/') + 1);
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** What a form can pick as an actor: All Workloads, labels by dimension, label groups, IP lists, virtual services, workloads. */
    public List<Chip> choices() {
        return choices;
    }

    /** The label key of a label href (for the stateless check), or null. */
    public Map<String, String> labelKeys() {
        return labelKeys;
    }

    public List<Label> labels() {
        return labels;
    }

    /** The services by name, for the service picker. */
    public List<Chip> serviceChoices() {
        return chips.values().stream().filter(c -> c.kind() == Chip.Kind.SERVICE)
                .sorted(Comparator.comparing(Chip::text, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
