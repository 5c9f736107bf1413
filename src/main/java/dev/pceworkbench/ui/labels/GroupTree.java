package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The label groups of one policy version as a tree: top-level groups (those no other group
 * contains, plus any group only reachable through a cycle) with their sub-groups and labels below.
 * Children are computed when asked for, and a sub-group that is already one of its own ancestors is
 * shown as a leaf marked as a cycle, so a looping group never recurses forever.
 */
public final class GroupTree {
    /** One tree node: a group, or a label inside a group; {@code path} is the hrefs from the root to it. */
    public record Node(boolean group, String href, String name, String key, String dimension, int members,
                       String updateType, boolean cycle, List<String> path) {
        public boolean deletedInDraft() {
            return "delete".equals(updateType);
        }

        /** "created in draft", "changed in draft", "deleted in draft" or empty. */
        public String status() {
            if (cycle) {
                return "contains itself (cycle)";
            }
            if (updateType == null) {
                return "";
            }
            return switch (updateType) {
                case "create" -> "created in draft";
                case "update" -> "changed in draft";
                case "delete" -> "deleted in draft";
                default -> updateType;
            };
        }
    }

    private final Map<String, LabelGroup> groups = new LinkedHashMap<>();
    private final Map<String, Label> labels;
    private final Map<String, String> dimensions;
    private final List<Node> roots = new ArrayList<>();

    /**
     * @param groups     the version's label groups
     * @param labels     every label by href (for the leaves' names)
     * @param dimensions display name by dimension key
     */
    public GroupTree(List<LabelGroup> groups, Map<String, Label> labels, Map<String, String> dimensions) {
        this.labels = labels;
        this.dimensions = dimensions;
        List<LabelGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing((LabelGroup g) -> String.valueOf(g.key()))
                .thenComparing(g -> String.valueOf(g.name()), String.CASE_INSENSITIVE_ORDER));
        Set<String> contained = new HashSet<>();
        for (LabelGroup g : sorted) {
            this.groups.put(draft(g.href()), g);
            for (Href s : g.subGroups()) {
                contained.add(draft(s.href()));
            }
        }
        Set<String> reached = new HashSet<>();
        for (LabelGroup g : sorted) {
            if (!contained.contains(draft(g.href()))) {
                roots.add(groupNode(g, List.of(), false));
                reach(draft(g.href()), reached);
            }
        }
        // Groups inside a loop with no outside parent would otherwise be invisible.
        for (LabelGroup g : sorted) {
            if (!reached.contains(draft(g.href()))) {
                roots.add(groupNode(g, List.of(), false));
                reach(draft(g.href()), reached);
            }
        }
        roots.sort(Comparator.comparing((Node n) -> String.valueOf(n.key()))
                .thenComparing(Node::name, String.CASE_INSENSITIVE_ORDER));
    }

    public List<Node> roots() {
        return roots;
    }

    /** The node's sub-groups (first) and labels; nothing for labels and cycle markers. */
    public List<Node> children(Node node) {
        if (!node.group() || node.cycle()) {
            return List.of();
        }
        LabelGroup g = groups.get(draft(node.href()));
        if (g == null) {
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        for (Href s : g.subGroups()) {
            String h = draft(s.href());
            LabelGroup sub = groups.get(h);
            boolean cycle = node.path().contains(h);
            if (sub != null) {
                out.add(groupNode(sub, node.path(), cycle));
            } else {
                out.add(new Node(true, s.href(), s.name() == null ? s.href() : s.name(), g.key(),
                        dimension(g.key()), 0, null, true, append(node.path(), h)));
            }
        }
        for (Href l : g.labels()) {
            Label label = labels.get(l.href());
            String value = label != null ? label.value() : l.value() != null ? l.value() : l.href();
            String key = label != null ? label.key() : l.key();
            out.add(new Node(false, l.href(), value, key, dimension(key), 0, null, false, append(node.path(), l.href())));
        }
        return out;
    }

    /** The group with this href (any version's form), as a top-level node. */
    public Optional<LabelGroup> group(String href) {
        return Optional.ofNullable(groups.get(draft(href)));
    }

    public List<LabelGroup> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * The nodes from a root down to the group or label {@code href} (breadth first, so the
     * shallowest occurrence), or empty when the tree does not contain it.
     */
    public List<Node> pathTo(String href) {
        String target = draft(href);
        Deque<List<Node>> todo = new ArrayDeque<>();
        for (Node r : roots) {
            todo.add(List.of(r));
        }
        while (!todo.isEmpty()) {
            List<Node> p = todo.poll();
            Node last = p.get(p.size() - 1);
            if (draft(last.href()).equals(target)) {
                return p;
            }
            for (Node c : children(last)) {
                List<Node> next = new ArrayList<>(p);
                next.add(c);
                todo.add(next);
            }
        }
        return List.of();
    }

    private Node groupNode(LabelGroup g, List<String> parentPath, boolean cycle) {
        return new Node(true, g.href(), g.name() == null ? g.href() : g.name(), g.key(), dimension(g.key()),
                g.labels().size() + g.subGroups().size(), g.updateType(), cycle, append(parentPath, draft(g.href())));
    }

    private void reach(String href, Set<String> reached) {
        Deque<String> todo = new ArrayDeque<>(List.of(href));
        while (!todo.isEmpty()) {
            String h = todo.poll();
            LabelGroup g = groups.get(h);
            if (g != null && reached.add(h)) {
                g.subGroups().forEach(s -> todo.add(draft(s.href())));
            }
        }
    }

    private String dimension(String key) {
        return key == null ? "" : dimensions.getOrDefault(key, key);
    }

    private static List<String> append(List<String> path, String href) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(href);
        return List.copyOf(out);
    }

    private static String draft(String href) {
        return href == null ? "" : Hrefs.toDraft(href);
    }

    /** Labels by href, for building a tree. */
    static Map<String, Label> byHref(List<Label> labels) {
        Map<String, Label> m = new HashMap<>();
        for (Label l : labels) {
            m.put(l.href(), l);
        }
        return m;
    }
}
