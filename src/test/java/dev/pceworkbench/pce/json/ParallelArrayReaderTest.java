package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.pce.model.Label;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void malformedTruncatedAndNonArrayDocumentsFail() {
        for (String bad : new String[]{"[,,{\"a\":1}]", "[{\"a\":1},,{\"a\":2}]", "[{\"a\":1},]", "[{\"a\":1}] x",
                "[{\"a\":1}", "[{\"a\":1},{\"a\"", "[{\"a\":1} {\"a\":2}]", "{\"a\":1}", "", "[{\"a\":}]"}) {
            assertThrows(IOException.class, () -> ParallelArrayReader.read(in(bad), JsonNode.class, "doc"), bad);
        }
    }
}
