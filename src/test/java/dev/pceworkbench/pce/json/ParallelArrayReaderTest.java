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
import static org.junit.jupiter.api.Assertions.assertSame;
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
        // Each source workload is written in six ways: four that begin alike (the first 128 bytes
        // that find a text) and differ further on (the last label, an explicit null, a member of
        // its own with quotes and braces in strings), so that they share a key and push each
        // other out of its two slots; one with line breaks and spaces between tokens; one short
        // end with no workload. Destinations repeat in two texts per key. Many batches, read on
        // every core.
        StringBuilder doc = new StringBuilder("[");
        int flows = 12_000;
        for (int i = 0; i < flows; i++) {
            int w = i % 49;
            String src = switch (i % 6) {
                case 0 -> end(w, "10.0.0." + w, "full", "Prod", "");
                case 1 -> end(w, "10.0.0." + w, "full", "Prod", ",\"os_type\":null");
                case 2 -> end(w, "10.0.0." + w, "full", "Dev", "");
                case 3 -> end(w, "10.0.0." + w, "full", "Prod", ",\"site\":{\"x\":[1,{\"y\":\"}\"}]}");
                case 4 -> end(w, "10.0.0." + w, "full", "Prod", "").replace(",", " ,\n  ");
                default -> "{\"ip\":\"10.9.0." + w % 3 + "\"}";
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
            if (one.get(i).src().workload() != null) {
                assertEquals(one.get(i).src().workload().extra(), parallel.get(i).src().workload().extra(),
                        "extra of flow " + i);
            }
        }
        assertEquals(PceJson.mapper().valueToTree(one), PceJson.mapper().valueToTree(parallel), "the JSON written back");
        // Flows 0 and 294 (= 0 mod 49 and mod 6) have the same source text; flow 98 (= 0 mod 49,
        // 2 mod 6) the same workload with another last label.
        assertEquals(parallel.get(0).src(), parallel.get(294).src());
        assertNotEquals(parallel.get(0).src(), parallel.get(98).src());
        assertEquals("Dev", parallel.get(98).src().workload().labels().get(1).value());
        assertTrue(parallel.get(49).src().workload().extra().containsKey("os_type"), "an explicit null is kept");
        Set<Object> destinations = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> shortEnds = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TrafficFlow f : parallel) {
            destinations.add(f.dst());
            if (f.src().workload() == null) {
                shortEnds.add(f.src());
            }
        }
        // 14 destination texts, 3 short ones: each read once, or a few times when threads race.
        assertTrue(destinations.size() <= 4 * 14, "destinations read once per text: " + destinations.size());
        assertTrue(shortEnds.size() <= 4 * 3, "short ends read once per text: " + shortEnds.size());
    }

    @Test
    void aBrokenFlowAfterARepeatedEndStillFails() throws IOException {
        String e = end(1, "10.0.0.1", "full", "Prod", "");
        String flow = "{\"src\":" + e + ",\"dst\":" + e + "}";
        // The second flow's ends were read before: the parser steps over them, then must still
        // find what is wrong after them.
        for (String bad : new String[]{"{\"src\":" + e + ",\"dst\":" + e + "x}",
                "{\"src\":" + e + ",\"dst\" " + e + "}",
                "{\"src\":" + e + ",\"dst\":" + e + ",\"num_connections\":\"many\"}",
                "{\"src\":" + e + "," + e + "}"}) {
            String doc = "[" + flow + "," + bad + "]";
            assertThrows(IOException.class, () -> ParallelArrayReader.read(in(doc), TrafficFlow.class, "flows"), bad);
        }
        List<TrafficFlow> good = ParallelArrayReader.read(in("[" + flow + "," + flow + "]"), TrafficFlow.class, "flows");
        assertSame(good.get(0).src(), good.get(1).dst(), "the same text is one record");
    }

    @Test
    void anErrorAfterSteppedOverEndsNamesTheLineAParserReadingThemWouldName() {
        // Ends written over several lines: stepping over them must count their line breaks.
        String e = end(1, "10.0.0.1", "full", "Prod", "").replace(",", ",\n");
        long breaks = e.chars().filter(c -> c == '\n').count();
        String doc = "[{\"src\":" + e + ",\"dst\":" + e + "},{\"src\":" + e + ",\"dst\":" + e + " x}]";
        IOException thrown = assertThrows(IOException.class, () -> ParallelArrayReader.read(in(doc), TrafficFlow.class, "flows"));
        assertTrue(thrown.getMessage().contains("line: " + (4 * breaks + 1) + ","), thrown.getMessage());
    }

    @Test
    void malformedTruncatedAndNonArrayDocumentsFail() {
        for (String bad : new String[]{"[,,{\"a\":1}]", "[{\"a\":1},,{\"a\":2}]", "[{\"a\":1},]", "[{\"a\":1}] x",
                "[{\"a\":1}", "[{\"a\":1},{\"a\"", "[{\"a\":1} {\"a\":2}]", "{\"a\":1}", "", "[{\"a\":}]"}) {
            assertThrows(IOException.class, () -> ParallelArrayReader.read(in(bad), JsonNode.class, "doc"), bad);
        }
    }
}
