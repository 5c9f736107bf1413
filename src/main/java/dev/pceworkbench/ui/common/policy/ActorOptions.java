package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.names.ObjectNames;

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
 * All Workloads), each written as {@link Names} writes it, suggestions for typed text (every word
 * must appear in the option's text or detail), and resolution of what a user typed: an option's
 * text in any case ({@code role: Web}; a label also as {@code role Web}, the older habit), a
 * workload's hostname or href, or an IP address. Immutable: suggestion providers call it from
 * their own threads.
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
        }
        // Other ways to write an option come second: an option's own text always wins.
        for (ActorOption o : this.options) {
            String alias = alias(o);
            if (alias != null) {
                byText.putIfAbsent(key(alias), o);
            }
            if (o.kind() == ObjectKind.WORKLOAD) {
                byText.putIfAbsent(key(o.workloadHref()), o);
                byText.putIfAbsent(key(o.name().text()), o);
            }
        }
    }

    /** A label written without the colon, {@code role Web}; null for other kinds. */
    private static String alias(ActorOption o) {
        Name n = o.name();
        return n.kind() == ObjectKind.LABEL && n.key() != null ? n.key() + " " + n.text() : null;
    }

    /** Case, spaces and the spacing around a label's colon do not matter: {@code ROLE:web} is {@code role: Web}. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        // One pass instead of two regular expressions (this runs four times per option, 50,000+ options):
        // blanks around a colon become ": ", other runs of blanks one space.
        StringBuilder b = null;
        boolean blank = false;
        boolean afterColon = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ws = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (b == null) {
                // Unchanged so far; copy only once something must change.
                boolean plain = ws ? c == ' ' && i + 1 < t.length() && !isBlank(t.charAt(i + 1)) && t.charAt(i + 1) != ':'
                        : c != ':' || i + 1 < t.length() && t.charAt(i + 1) == ' '
                        && (i + 2 >= t.length() || !isBlank(t.charAt(i + 2)));
                if (plain) {
                    if (c == ':') {
                        i++; // the single space after it stays as it is
                    }
                    continue;
                }
                b = new StringBuilder(t.length() + 1).append(t, 0, i);
            }
            if (ws) {
                blank = !afterColon;
            } else if (c == ':') {
                b.append(": ");
                blank = false;
                afterColon = true;
            } else {
                if (blank) {
                    b.append(' ');
                }
                b.append(c);
                blank = false;
                afterColon = false;
            }
        }
        return b == null ? t : b.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Every kind of actor a rule search can look for, from one version's data. */
    public static ActorOptions actors(PolicyData data, List<LabelDimension> dimensions) {
        List<ActorOption> out = new ArrayList<>(labels(data.labels(), dimensions));
        data.labelGroups().stream().map(g -> ActorOption.of(Names.labelGroup(g), g.key() == null ? "" : g.key(),
                        Actor.labelGroup(g.href())))
                .sorted(BY_NAME).forEach(out::add);
        out.addAll(workloads(data.workloads(), labelNames(data)));
        data.ipLists().stream().map(l -> ActorOption.of(Names.ipList(l), "", Actor.ipList(l.href())))
                .sorted(BY_NAME).forEach(out::add);
        data.virtualServices().stream().map(v -> ActorOption.of(Names.virtualService(v), "", Actor.virtualService(v.href())))
                .sorted(BY_NAME).forEach(out::add);
        out.add(ActorOption.of(Names.allWorkloads(), "", Actor.allWorkloads()));
        return new ActorOptions(out);
    }

    private static final Comparator<ActorOption> BY_NAME =
            Comparator.comparing((ActorOption o) -> o.name().text(), String.CASE_INSENSITIVE_ORDER);

    /** Only workloads, for the policy check's consumer and provider. */
    public static ActorOptions workloads(PolicyData data) {
        return new ActorOptions(workloads(data.workloads(), labelNames(data)));
    }

    private static NameLookup labelNames(PolicyData data) {
        return new ObjectNames(data.labels(), List.of(), List.of(), List.of(), List.of());
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
                .map(l -> ActorOption.of(Names.label(l), "", Actor.label(l.href())))
                .toList();
    }

    private static List<ActorOption> workloads(List<Workload> workloads, NameLookup labels) {
        return workloads.stream()
                .filter(w -> !Boolean.TRUE.equals(w.deleted()))
                .map(w -> ActorOption.of(Names.workload(w),
                        (w.name() == null ? "" : w.name() + "; ") + Names.list(w.labels().stream()
                                .map(l -> Names.label(l, labels)).toList()), Actor.workload(w.href())))
                .sorted(BY_NAME)
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
                String alias = alias(o);
                boolean exact = text.equals(q) || (alias != null && key(alias).equals(q))
                        || (o.kind() == ObjectKind.WORKLOAD && key(o.name().text()).equals(q));
                ranked.get(exact ? 0 : text.startsWith(q) || text.contains(" " + q)
                        || (alias != null && key(alias).startsWith(q)) ? 1 : 2).add(o);
            }
        }
        List<ActorOption> out = new ArrayList<>();
        ranked.forEach(out::addAll);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /**
     * The option a user typed (its text in any case, a label also as {@code role Web}, a workload's
     * hostname or href), or an IP address; empty otherwise.
     */
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
