package dev.pceworkbench.policy.diff;

import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.PceJsonObject;
import dev.pceworkbench.pce.model.PceResource;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The semantic difference between two versions of a policy (draft and active, or two numbered
 * versions): which rule sets, IP lists, services, label groups, virtual services and enforcement
 * boundaries were added, deleted or modified, field by field, with rule sets broken down into
 * their rules and custom iptables rules (matched by href). Objects are matched by their
 * version-neutral href; noise (the version in hrefs, the fields the PCE manages) is ignored; order
 * is ignored where it carries no meaning (labels of a scope, actors, services, IP ranges) and kept
 * where it does (iptables statements). A draft object marked {@code update_type: delete} counts as
 * deleted. Everything is named through {@code policy/names}, never as a raw href. Objects that are
 * the same record for record (but for versions and managed members) are passed over without a
 * field-by-field comparison, so two versions of 200,000 rules compare in well under a second
 * when few changed. Pure: works on the records it is given.
 */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    /** Every object that differs from {@code before} to {@code after}, by kind, in {@code after}'s order. */
    public static List<ObjectChange> compare(PolicyData before, PolicyData after, NameLookup names) {
        List<ObjectChange> out = new ArrayList<>();
        out.addAll(ruleSets(before.ruleSets(), after.ruleSets(), names));
        out.addAll(all(ObjectKind.IP_LIST, before.ipLists(), after.ipLists(), Fields.IP_LIST, IpList::name, names));
        out.addAll(all(ObjectKind.SERVICE, before.services(), after.services(), Fields.SERVICE, Service::name, names));
        out.addAll(all(ObjectKind.LABEL_GROUP, before.labelGroups(), after.labelGroups(), Fields.LABEL_GROUP,
                LabelGroup::name, names));
        out.addAll(all(ObjectKind.VIRTUAL_SERVICE, before.virtualServices(), after.virtualServices(),
                Fields.VIRTUAL_SERVICE, VirtualService::name, names));
        out.addAll(all(ObjectKind.ENFORCEMENT_BOUNDARY, before.enforcementBoundaries(), after.enforcementBoundaries(),
                Fields.ENFORCEMENT_BOUNDARY, EnforcementBoundary::name, names));
        return out;
    }

    /** The rule sets that differ, each with its rules' and iptables rules' changes. */
    public static List<ObjectChange> ruleSets(List<RuleSet> before, List<RuleSet> after, NameLookup names) {
        BiFunction<RuleSet, RuleSet, List<ObjectChange>> parts = (a, b) -> {
            List<ObjectChange> p = new ArrayList<>();
            p.addAll(numbered(ObjectKind.RULE, a == null ? null : a.rules(), b == null ? null : b.rules(),
                    Fields.RULE, SecRule::href, SecRule::description, names));
            p.addAll(numbered(ObjectKind.IPTABLES_RULE, a == null ? null : a.ipTablesRules(),
                    b == null ? null : b.ipTablesRules(), Fields.IPTABLES_RULE, IpTablesRule::href,
                    IpTablesRule::description, names));
            return p;
        };
        return matched(ObjectKind.RULE_SET, before, after, Fields.RULE_SET, RuleSet::name, names, parts);
    }

    /** One rule set's change from {@code before} to {@code after} (either null: added or deleted), if any. */
    public static Optional<ObjectChange> ruleSet(RuleSet before, RuleSet after, NameLookup names) {
        List<ObjectChange> c = ruleSets(before == null ? List.of() : List.of(before), after == null ? List.of() : List.of(after), names);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    private static <T extends PceResource<T>> List<ObjectChange> all(ObjectKind kind, List<T> before, List<T> after,
                                                                     List<Fields.Field<T>> fields, Function<T, String> name,
                                                                     NameLookup names) {
        return matched(kind, before, after, fields, name, names, (a, b) -> List.of());
    }

    private static <T extends PceResource<T>> List<ObjectChange> matched(ObjectKind kind, List<T> before, List<T> after,
                                                                         List<Fields.Field<T>> fields,
                                                                         Function<T, String> name, NameLookup names,
                                                                         BiFunction<T, T, List<ObjectChange>> parts) {
        Map<String, T> old = byHref(before, PceResource::href);
        Map<String, T> now = new LinkedHashMap<>();
        for (T t : after) {
            // A draft deletion stays readable in draft, marked as such, until it is provisioned.
            if (!t.pendingDeletion() && t.href() != null) {
                now.put(Hrefs.neutral(t.href()), t);
            }
        }
        List<ObjectChange> out = new ArrayList<>();
        for (Map.Entry<String, T> e : now.entrySet()) {
            T a = old.get(e.getKey());
            T b = e.getValue();
            if (a != null && SameObjects.same(a, b)) {
                continue; // the fast path: nothing differs, not even in its parts
            }
            ObjectChange c = change(kind, e.getKey(), name.apply(b), a, b, fields, names, parts.apply(a, b));
            if (c != null) {
                out.add(c);
            }
        }
        for (Map.Entry<String, T> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                T a = e.getValue();
                out.add(change(kind, e.getKey(), name.apply(a), a, null, fields, names, parts.apply(a, null)));
            }
        }
        return out;
    }

    /** Rules and iptables rules: matched by href, named by their place in their rule set. */
    private static <T extends PceJsonObject<T>> List<ObjectChange> numbered(ObjectKind kind, List<T> before, List<T> after,
                                                                            List<Fields.Field<T>> fields,
                                                                            Function<T, String> href,
                                                                            Function<T, String> description,
                                                                            NameLookup names) {
        before = before == null ? List.of() : before;
        after = after == null ? List.of() : after;
        Map<String, Integer> oldIndex = new LinkedHashMap<>();
        Map<String, T> old = new LinkedHashMap<>();
        for (int i = 0; i < before.size(); i++) {
            String h = key(href.apply(before.get(i)), kind, i);
            old.put(h, before.get(i));
            oldIndex.put(h, i);
        }
        List<ObjectChange> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            T b = after.get(i);
            String h = key(href.apply(b), kind, i);
            seen.add(h);
            T a = old.get(h);
            if (a != null && SameObjects.same(a, b)) {
                continue;
            }
            ObjectChange c = change(kind, h, ruleName(kind, i, description.apply(b)), old.get(h), b, fields, names, List.of());
            if (c != null) {
                out.add(c);
            }
        }
        for (Map.Entry<String, T> e : old.entrySet()) {
            if (!seen.contains(e.getKey())) {
                T a = e.getValue();
                out.add(change(kind, e.getKey(), ruleName(kind, oldIndex.get(e.getKey()), description.apply(a)), a, null,
                        fields, names, List.of()));
            }
        }
        return out;
    }

    /** A part without an href (an iptables rule of some PCE versions) is matched by its place. */
    private static String key(String href, ObjectKind kind, int index) {
        return href != null ? Hrefs.neutral(href) : kind.singular() + " #" + (index + 1);
    }

    private static String ruleName(ObjectKind kind, int index, String description) {
        return kind.singular() + " " + (index + 1) + (description == null || description.isBlank() ? "" : ": " + description);
    }

    private static <T extends PceJsonObject<T>> ObjectChange change(ObjectKind kind, String href, String name, T before, T after,
                                                                    List<Fields.Field<T>> fields, NameLookup names,
                                                                    List<ObjectChange> parts) {
        List<FieldChange> changed = Fields.compare(fields, before, after, names);
        if (before != null && after != null && changed.isEmpty() && parts.isEmpty()) {
            return null;
        }
        ChangeKind what = before == null ? ChangeKind.ADDED : after == null ? ChangeKind.REMOVED : ChangeKind.MODIFIED;
        return new ObjectChange(kind, href, name == null ? href : name, what, changed, parts);
    }

    private static <T> Map<String, T> byHref(List<T> items, Function<T, String> href) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) {
            if (href.apply(t) != null) {
                m.put(Hrefs.neutral(href.apply(t)), t);
            }
        }
        return m;
    }
}
