package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PolicyData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The searchable list behind an actor or workload picker: options in a stable order (labels by
 * dimension order then value, label groups, workloads by hostname, IP lists, virtual services,
 * All Workloads), suggestions for typed text (every word must appear in the option's text or
 * detail), and resolution of what a user typed: an option's text (any case), a workload's
 * hostname, name or href, or an IP address. Immutable: suggestion providers call it from their own
 * threads.
 */
public final class ActorOptions {
    /** No options yet (nothing loaded). */
    public static final ActorOptions EMPTY = new ActorOptions(List.of());

    private final List<ActorOption> options;
    private final Map<String, ActorOption> byText = new HashMap<>();

    public ActorOptions(List<ActorOption> options) {
        this.options = List.copyOf(options);
        for (ActorOption o : this.options) {
            byText.putIfAbsent(key(o.text()), o);
            if (o.kind() == ActorOption.Kind.WORKLOAD) {
                byText.putIfAbsent(key(o.workloadHref()), o);
                byText.putIfAbsent(key(o.text().substring("workload ".length())), o);
            }
        }
    }

    private static String key(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    /** Every kind of actor a rule search can look for, from one version's data. */
    public static ActorOptions actors(PolicyData data, List<LabelDimension> dimensions) {
        PolicyNames names = new PolicyNames(data);
        List<ActorOption> out = new ArrayList<>(labels(data.labels(), dimensions));
        data.labelGroups().stream().sorted(Comparator.comparing((LabelGroup g) -> PolicyNames.name(g), String.CASE_INSENSITIVE_ORDER))
                .forEach(g -> out.add(ActorOption.of(ActorOption.Kind.LABEL_GROUP, "label group " + PolicyNames.name(g),
                        g.key() == null ? "" : g.key(), Actor.labelGroup(g.href()))));
        out.addAll(workloads(data.workloads(), names));
        data.ipLists().stream().sorted(Comparator.comparing((IpList l) -> PolicyNames.name(l), String.CASE_INSENSITIVE_ORDER))
                .forEach(l -> out.add(ActorOption.of(ActorOption.Kind.IP_LIST, "IP list " + PolicyNames.name(l), "",
                        Actor.ipList(l.href()))));
        data.virtualServices().stream().sorted(Comparator.comparing((VirtualService v) -> PolicyNames.name(v), String.CASE_INSENSITIVE_ORDER))
                .forEach(v -> out.add(ActorOption.of(ActorOption.Kind.VIRTUAL_SERVICE,
                        "virtual service " + PolicyNames.name(v), "", Actor.virtualService(v.href()))));
        out.add(ActorOption.of(ActorOption.Kind.ALL_WORKLOADS, "All Workloads", "", Actor.allWorkloads()));
        return new ActorOptions(out);
    }

    /** Only workloads, for the policy check's consumer and provider. */
    public static ActorOptions workloads(PolicyData data) {
        return new ActorOptions(workloads(data.workloads(), new PolicyNames(data)));
    }

    private static List<ActorOption> labels(List<Label> labels, List<LabelDimension> dimensions) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            order.put(dimensions.get(i).key(), i);
        }
        return labels.stream()
                .filter(l -> !Boolean.TRUE.equals(l.deleted()))
                .sorted(Comparator.<Label>comparingInt(l -> order.getOrDefault(l.key(), Integer.MAX_VALUE))
                        .thenComparing(l -> String.valueOf(l.key())).thenComparing(l -> String.valueOf(l.value()),
                                String.CASE_INSENSITIVE_ORDER))
                .map(l -> ActorOption.of(ActorOption.Kind.LABEL, l.key() + " " + l.value(), "", Actor.label(l.href())))
                .toList();
    }

    private static List<ActorOption> workloads(List<Workload> workloads, PolicyNames names) {
        return workloads.stream()
                .filter(w -> !Boolean.TRUE.equals(w.deleted()))
                .sorted(Comparator.comparing((Workload w) -> PolicyNames.workload(w), String.CASE_INSENSITIVE_ORDER))
                .map(w -> ActorOption.of(ActorOption.Kind.WORKLOAD, "workload " + PolicyNames.workload(w),
                        (w.name() == null ? "" : w.name() + "; ") + names.workloadLabels(w), Actor.workload(w.href())))
                .toList();
    }

    public List<ActorOption> all() {
        return options;
    }

    public boolean isEmpty() {
        return options.isEmpty();
    }

    /**
     * Up to {@code limit} options whose text or detail holds every word of {@code typed}: the option
     * named exactly so first, then those whose name starts so, then the rest, each in list order.
     */
    public List<ActorOption> suggest(String typed, int limit) {
        String q = key(typed);
        String[] words = q.split("\\s+");
        List<List<ActorOption>> ranked = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (ActorOption o : options) {
            String text = o.text().toLowerCase(Locale.ROOT);
            String hay = text + " " + o.detail().toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                if (!hay.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                boolean exact = text.equals(q) || (o.kind() == ActorOption.Kind.WORKLOAD && text.equals("workload " + q));
                ranked.get(exact ? 0 : text.startsWith(q) || text.contains(" " + q) ? 1 : 2).add(o);
            }
        }
        List<ActorOption> out = new ArrayList<>();
        ranked.forEach(out::addAll);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The option a user typed (its text, a workload's hostname or href), or an IP address; empty otherwise. */
    public Optional<ActorOption> resolve(String typed) {
        ActorOption o = byText.get(key(typed));
        if (o != null) {
            return Optional.of(o);
        }
        String t = typed == null ? "" : typed.trim();
        if (IpAddress.parseOrNull(t) != null) {
            return Optional.of(ActorOption.ipAddress(IpAddress.parse(t).toString()));
        }
        return Optional.empty();
    }
}
