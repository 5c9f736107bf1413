package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Writes stored JSON to a response. Policy objects are stored with draft hrefs; when they are
 * served from the active policy or a numbered version, every policy href in them is rewritten to
 * that version on the way out, without copying the (possibly huge) tree.
 */
final class JsonOut {
    private JsonOut() {
    }

    /** A generator that rewrites policy hrefs to {@code version}, or {@code g} itself for draft. */
    static JsonGenerator forVersion(JsonGenerator g, String version) {
        if (version == null || "draft".equals(version)) {
            return g;
        }
        return new JsonGeneratorDelegate(g, false) {
            @Override
            public void writeString(String text) throws IOException {
                super.writeString(text != null && text.startsWith("/orgs/") && text.contains("/sec_policy/draft/")
                        ? PolicyHrefs.inVersion(text, version) : text);
            }
        };
    }

    static void write(JsonGenerator g, JsonNode node) throws IOException {
        PceJson.mapper().writeTree(g, node);
    }

    /** Streams an array of nodes, each passed through {@code render} just before it is written. */
    static void writeArray(JsonGenerator g, Iterable<? extends JsonNode> nodes, UnaryOperator<JsonNode> render)
            throws IOException {
        g.writeStartArray();
        for (JsonNode n : nodes) {
            write(g, render.apply(n));
        }
        g.writeEndArray();
    }
}
