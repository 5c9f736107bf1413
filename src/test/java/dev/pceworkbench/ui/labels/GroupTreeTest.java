package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The label group tree on hand-built groups: nested groups are children, not roots; a loop of
 * groups is shown once at the top and ends in a leaf marked as a cycle; paths lead to nested
 * groups and labels.
 */
class GroupTreeTest {
    static final String G = "/orgs/1/sec_policy/active/label_groups/";
    final Label us = new Label("/orgs/1/labels/1", "loc", "US", false, null, null);
    final Label eu = new Label("/orgs/1/labels/2", "loc", "EU", false, null, null);
    final LabelGroup americas = group(1, "Americas", List.of(us), List.of());
    final LabelGroup world = group(2, "World", List.of(eu), List.of(1));
    final LabelGroup loopA = group(3, "Loop A", List.of(), List.of(4));
    final LabelGroup loopB = group(4, "Loop B", List.of(us), List.of(3));
    final GroupTree tree = new GroupTree(List.of(americas, world, loopA, loopB),
            Map.of(us.href(), us, eu.href(), eu), Map.of("loc", "Location"));

    static LabelGroup group(int id, String name, List<Label> labels, List<Integer> subs) {
        return new LabelGroup(G + id, name, null, "loc", labels.stream().map(Label::ref).toList(),
                subs.stream().map(s -> Href.of(G + s)).toList(), null);
    }

    @Test
    void nestedGroupsAreChildrenAndLabelsLeaves() {
        assertEquals(List.of("Loop A", "World"), tree.roots().stream().map(GroupTree.Node::name).toList());
        GroupTree.Node worldNode = tree.roots().get(1);
        List<GroupTree.Node> children = tree.children(worldNode);
        assertEquals(List.of("Americas", "EU"), children.stream().map(GroupTree.Node::name).toList());
        assertTrue(children.get(0).group());
        assertEquals(List.of("US"), tree.children(children.get(0)).stream().map(GroupTree.Node::name).toList());
        assertFalse(tree.children(children.get(0)).get(0).group());
        assertEquals("Location", children.get(1).dimension());
    }

    @Test
    void aLoopOfGroupsEndsInACycleLeaf() {
        GroupTree.Node a = tree.roots().get(0);
        GroupTree.Node b = tree.children(a).get(0);
        assertEquals("Loop B", b.name());
        GroupTree.Node again = tree.children(b).get(0);
        assertEquals("Loop A", again.name());
        assertTrue(again.cycle());
        assertEquals("contains itself (cycle)", again.status());
        assertEquals(List.of(), tree.children(again));
    }

    @Test
    void pathsLeadToNestedGroupsAndLabels() {
        List<String> path = tree.pathTo("/orgs/1/sec_policy/draft/label_groups/1").stream().map(GroupTree.Node::name).toList();
        assertEquals(List.of("World", "Americas"), path);
        assertEquals(List.of("World", "EU"), tree.pathTo(eu.href()).stream().map(GroupTree.Node::name).toList());
        assertEquals(3, tree.pathTo(us.href()).size(), "US sits two groups deep wherever it is found first");
        assertEquals(List.of(), tree.pathTo(G + 99));
    }
}
