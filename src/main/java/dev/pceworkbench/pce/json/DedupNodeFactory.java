package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A node factory that shares text nodes of equal short strings (text nodes are immutable), in a
 * fixed direct-mapped cache like {@link Dedup}'s.
 */
final class DedupNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;
    private static final TextNode[] NODES = new TextNode[1 << 16];

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
}
