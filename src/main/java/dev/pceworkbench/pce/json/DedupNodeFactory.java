package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.LinkedHashMap;

/**
 * A node factory that shares text nodes of equal short strings and int nodes of small numbers
 * (both immutable), text nodes in a fixed direct-mapped cache like {@link Dedup}'s, and starts
 * object nodes with a small map: the trees kept in records' {@code extra} are mostly small objects
 * ({@code {"href": ...}}, a VEN's status), hundreds of thousands of them on a large PCE.
 */
final class DedupNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;
    private static final TextNode[] NODES = new TextNode[1 << 16];
    private static final IntNode[] INTS = new IntNode[1024];

    static {
        for (int i = 0; i < INTS.length; i++) {
            INTS[i] = new IntNode(i);
        }
    }

    DedupNodeFactory() {
        super(true);
    }

    @Override
    public TextNode textNode(String text) {
        if (text == null || text.length() > Dedup.MAX_LENGTH) {
            return super.textNode(text);
        }
        int slot = Dedup.slot(text.hashCode()) & (NODES.length - 1);
        TextNode n = NODES[slot];
        if (n != null && n.textValue().equals(text)) {
            return n;
        }
        n = super.textNode(Dedup.of(text));
        NODES[slot] = n;
        return n;
    }

    @Override
    public NumericNode numberNode(int v) {
        return v >= 0 && v < INTS.length ? INTS[v] : super.numberNode(v);
    }

    @Override
    public ObjectNode objectNode() {
        // Jackson's default map starts with 16 slots; most PCE objects have a handful of members.
        return new ObjectNode(this, new LinkedHashMap<String, JsonNode>(8));
    }
}
