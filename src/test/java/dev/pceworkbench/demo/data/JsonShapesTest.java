package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.JsonShapes;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shape comparison that the fidelity tests rely on. */
class JsonShapesTest {
    private static JsonNode json(String s) throws Exception {
        return PceJson.mapper().readTree(s.replace('\'', '"'));
    }

    @Test
    void shapesMergeArrayElementsAndNameTypes() throws Exception {
        Map<String, Set<String>> s = JsonShapes.shapes(json("[{'a':{'b':1}},{'a':null,'c':[1.5,'x'],'d':true}]"));
        assertEquals(Set.of("array"), s.get(""));
        assertEquals(Set.of("object"), s.get("[]"));
        assertEquals(Set.of("object", "null"), s.get("[].a"));
        assertEquals(Set.of("number"), s.get("[].a.b"));
        assertEquals(Set.of("number", "string"), s.get("[].c[]"));
        assertEquals(Set.of("boolean"), s.get("[].d"));
        assertEquals(Set.of("string"), JsonShapes.shapes(json("{'x':{'y':'z'}}")).get("x.y"));
    }

    @Test
    void missingAndMismatchedPathsAreReported() throws Exception {
        JsonNode sample = json("[{'a':1,'b':{'c':'x'},'n':null,'l':[{'k':'v'}]}]");
        assertEquals(List.of(), JsonShapes.missingOrMismatched(sample,
                json("[{'a':2.5,'b':{'c':'y','extra':1},'n':{'any':1},'l':[{'k':null}]}]")));
        assertEquals(List.of("[].a: sample [number], ours [string]", "[].b.c: missing", "[].n: missing"),
                JsonShapes.missingOrMismatched(sample, json("[{'a':'1','b':{},'l':[{'k':'v'}]}]")));
        // Ours null where the sample has a value: compatible, but the sample's children are missing.
        assertEquals(List.of("[].b.c: missing"), JsonShapes.missingOrMismatched(sample,
                json("[{'a':1,'b':null,'n':null,'l':[{'k':'v'}]}]")));
    }

    @Test
    void skippedPathsTakeTheirSubtreeWithThem() throws Exception {
        JsonNode sample = json("[{'labels':[{'href':'h','key':'k'}]}]");
        JsonNode ours = json("[{'labels':[{'href':'h'}]}]");
        assertEquals(List.of("[].labels[].key: missing"), JsonShapes.missingOrMismatched(sample, ours));
        assertEquals(List.of(), JsonShapes.missingOrMismatched(sample, ours, p -> p.equals("[].labels[]")));
    }
}
