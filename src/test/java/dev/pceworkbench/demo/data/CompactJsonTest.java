package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The compact node form behaves like a plain Jackson tree, including (discouraged) mutation. */
class CompactJsonTest {
    private final CompactJson compact = new CompactJson(PceJson.mapper().getNodeFactory());

    private static JsonNode json(String s) throws Exception {
        return PceJson.mapper().readTree(s.replace('\'', '"'));
    }

    @Test
    void compactTreesEqualAndSerializeLikeTheOriginal() throws Exception {
        JsonNode original = json("{'a':1,'b':[{'c':'x'},null,true],'d':{'e':2.5}}");
        JsonNode c = compact.compact(original.deepCopy());
        assertEquals(original, c);
        assertEquals(c, original);
        assertEquals(original.hashCode(), c.hashCode());
        assertEquals(original.toString(), c.toString());
        assertSame(c, compact.compact(c));
    }

    @Test
    void mutatingOneNodeLeavesItsSameShapedSiblingAlone() throws Exception {
        ObjectNode a = compact.compact((ObjectNode) json("{'x':1,'y':2}"));
        ObjectNode b = compact.compact((ObjectNode) json("{'x':3,'y':4}"));
        a.put("z", 5);
        a.remove("x");
        a.put("y", 20);
        assertEquals(json("{'y':20,'z':5}"), a);
        assertEquals(json("{'x':3,'y':4}"), b);
        Iterator<Map.Entry<String, JsonNode>> it = b.properties().iterator();
        it.next();
        it.remove();
        assertEquals(json("{'y':4}"), b);
        assertNotEquals(a, b);
    }
}
