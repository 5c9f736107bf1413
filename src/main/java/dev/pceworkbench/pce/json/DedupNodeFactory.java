package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.concurrent.ConcurrentHashMap;

/** A node factory that shares text nodes of equal short strings (text nodes are immutable). */
final class DedupNodeFactory extends JsonNodeFactory {
    private static final ConcurrentHashMap<String, TextNode> NODES = new ConcurrentHashMap<>();

    DedupNodeFactory() {
        super(true);
    }

    @Override
    public TextNode textNode(String text) {
        if (text == null || text.length() > Dedup.MAX_LENGTH) {
            return super.textNode(text);
        }
        TextNode n = NODES.get(text);
        if (n != null) {
            return n;
        }
        n = super.textNode(Dedup.of(text));
        if (NODES.size() < Dedup.MAX_ENTRIES) {
            TextNode prior = NODES.putIfAbsent(text, n);
            return prior == null ? n : prior;
        }
        return n;
    }
}
