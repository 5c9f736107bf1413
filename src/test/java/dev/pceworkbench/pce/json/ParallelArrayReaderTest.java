package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.TrafficFlow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel reader of job datafiles gives what one parser gives, and rejects what it rejects. */
class ParallelArrayReaderTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out the bytes a few at a time, as a network stream does. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void manyBatchesComeBackInDocumentOrderAsOneParserReadsThem() throws IOException {
        ArrayNode doc = PceJson.mapper().createArrayNode();
        for (int i = 0; i < 40_000; i++) {
            doc.addObject().put("href", "/orgs/1/labels/" + i).put("key", "app")
                    .put("value", "a \"quoted\" ] } [ { \\ value, " + i).putNull("deleted_at");
        }
        byte[] bytes = PceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        assertTrue(bytes.length > 3 * ParallelArrayReader.BATCH_BYTES, "several batches: " + bytes.length);
        List<Label> labels = ParallelArrayReader.read(trickle(bytes), Label.class, "labels");
        List<Label> one = PceJson.mapper().readerForListOf(Label.class).readValue(bytes);
        assertEquals(one, labels);
        assertEquals("/orgs/1/labels/39999", labels.get(39_999).href());
    }

    @Test
    void elementsLargerThanABatchBufferAmongSmallOnesStayWholeAndInOrder() throws IOException {
        // Batch buffers are reused from one batch to the next and grown for an element that does
        // not fit: mix elements of a few bytes with elements of several batch sizes.
        ArrayNode doc = PceJson.mapper().createArrayNode();
        for (int i = 0; i < 30; i++) {
            ArrayNode big = doc.addObject().put("i", i).putArray("items");
            int n = i % 3 == 0 ? (i % 9 + 1) * 6_000 : 5; // up to 1.5 MB
            for (int j = 0; j < n; j++) {
                big.add("element " + i + " item " + j + " \\ \"");
            }
        }
        byte[] bytes = PceJson.mapper().writeValueAsBytes(doc);
        assertTrue(bytes.length > 5 * ParallelArrayReader.BATCH_BYTES, "many batches: " + bytes.length);
        List<JsonNode> nodes = ParallelArrayReader.read(trickle(bytes), JsonNode.class, "doc");
        assertEquals(doc, PceJson.mapper().valueToTree(nodes));
    }

    @Test
    void scalarsStringsNestedArraysAndEmptyArrays() throws IOException {
        String doc = " [ 1 ,\"a]b\",null, true,[[1],{\"x\":[]}] ,{\"y\":\"\\\"}\"}, -2.5e3]\n";
        List<JsonNode> nodes = ParallelArrayReader.read(in(doc), JsonNode.class, "doc");
        assertEquals(PceJson.mapper().readTree(doc), PceJson.mapper().valueToTree(nodes));
        assertEquals(List.of(), ParallelArrayReader.read(in("[ ]"), JsonNode.class, "empty"));
    }

    /** One end of a flow as the PCE writes it, {@code tail} appended inside its workload. */
    private static String end(int workload, String ip, String mode, String lastLabel, String tail) {
        return "{\"ip\":\"" + ip + "\",\"workload\":{\"href\":\"/orgs/1/workloads/w" + workload
                + "\",\"name\":\"web-" + workload + " \\\"} {\",\"hostname\":\"web-" + workload
                + ".example\",\"enforcement_mode\":\"" + mode + "\",\"labels\":[{\"href\":\"/orgs/1/labels/1\","
                + "\"key\":\"app\",\"value\":\"Web\"},{\"href\":\"/orgs/1/labels/9\",\"key\":\"env\",\"value\":\""
                + lastLabel + "\"}]" + tail + "}}";
    }

    @Test
    void flowEndsWrittenAlikeAreReadOnceAndEveryFlowReadsAsOneParserReadsIt() throws IOException {
        // Ends repeated byte for byte, and ends that differ only past the bytes that find them
        // (the last label, a null member, an extra member), written with and without spaces, with
        // quotes and braces inside strings, across many batches read on every core.
        StringBuilder doc = new StringBuilder("[");
        int flows = 12_000;
        for (int i = 0; i < flows; i++) {
            int w = i % 50;
            String src = switch (i % 5) {
                case 0 -> end(w, "10.0.0." + w, "full", "Prod", "");
                case 1 -> end(w, "10.0.0." + w, "full", "Prod", ",\"os_type\":null");
                case 2 -> end(w, "10.0.0." + w, "full", "Dev", "");
                case 3 -> end(w, "10.0.0." + w, "full", "Prod", ",\"site\":{\"x\":[1,{\"y\":\"}\"}]}");
                default -> end(w, "10.0.0." + w, "full", "Prod", "").replace(",", " , ");
            };
            String dst = end(100 + i % 7, "10.1.0." + i % 7, i % 2 == 0 ? "visibility_only" : "idle", "Prod", "");
            doc.append(i == 0 ? "" : i % 3 == 0 ? ",\n " : ",").append("{\"src\":").append(src).append(", \"dst\" :")
                    .append(dst).append(",\"service\":{\"port\":").append(443 + i % 3).append(",\"proto\":6},")
                    .append("\"num_connections\":").append(i).append(",\"policy_decision\":\"allowed\"}");
        }
        byte[] bytes = doc.append("]").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4 * ParallelArrayReader.BATCH_BYTES, "several batches: " + bytes.length);
        List<TrafficFlow> parallel = ParallelArrayReader.read(trickle(bytes), TrafficFlow.class, "flows");
        List<TrafficFlow> one = PceJson.mapper().readerForListOf(TrafficFlow.class).readValue(bytes);
        assertEquals(flows, parallel.size());
        for (int i = 0; i < flows; i++) {
            assertEquals(one.get(i), parallel.get(i), "flow " + i);
            assertEquals(one.get(i).src().extra(), parallel.get(i).src().extra(), "extra of flow " + i);
            assertEquals(one.get(i).src().workload().extra(), parallel.get(i).src().workload().extra(), "extra of flow " + i);
        }
        assertEquals(PceJson.mapper().valueToTree(one), PceJson.mapper().valueToTree(parallel), "the JSON written back");
        Set<Object> ends = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TrafficFlow f : parallel) {
            ends.add(f.src());
            ends.add(f.dst());
        }
        // 50 workloads in 5 texts each, 7 in 2: read once each (twice at most, by two threads at once).
        assertTrue(ends.size() <= 2 * (50 * 5 + 7 * 2), "ends read once per distinct text: " + ends.size());
        assertNotSame(parallel.get(0).src(), parallel.get(2).src(), "a different last label is another end");
        assertNotEquals(parallel.get(0).src(), parallel.get(2).src());
        assertEquals("Dev", parallel.get(2).src().workload().labels().get(1).value());
        assertTrue(parallel.get(1).src().workload().extra().containsKey("os_type"), "an explicit null is kept");
    }

    @Test
    void aBrokenDocumentAfterARepeatedEndStillFails() {
        String e = end(1, "10.0.0.1", "full", "Prod", "");
        String flow = "{\"src\":" + e + ",\"dst\":" + e + "}";
        for (String bad : new String[]{"[" + flow + "," + "{\"src\":" + e + ",\"dst\":" + e.substring(0, e.length() - 1) + "]",
                "[" + flow + "," + "{\"src\":" + e + ",\"dst\":" + e + "x}]",
                "[" + flow + "," + "{\"src\":" + e + "," + e + "}]"}) {
            assertThrows(IOException.class, () -> ParallelArrayReader.read(in(bad), TrafficFlow.class, "flows"), bad);
        }
    }

    @Test
    void malformedTruncatedAndNonArrayDocumentsFail() {
        for (String bad : new String[]{"[,,{\"a\":1}]", "[{\"a\":1},,{\"a\":2}]", "[{\"a\":1},]", "[{\"a\":1}] x",
                "[{\"a\":1}", "[{\"a\":1},{\"a\"", "[{\"a\":1} {\"a\":2}]", "{\"a\":1}", "", "[{\"a\":}]"}) {
            assertThrows(IOException.class, () -> ParallelArrayReader.read(in(bad), JsonNode.class, "doc"), bad);
        }
    }
}
