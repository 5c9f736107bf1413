package dev.pceworkbench.demo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's datafile rendered and compressed in pieces on every core is the same document, in an
 * ordinary gzip file, as the whole array written in one go: byte for byte once inflated, by the
 * JDK's inflater (which checks the CRC-32 and length in the trailer) and by OkHttp's (okio's), for
 * arrays of every size around the piece count and with pieces whose compressed form outgrows one
 * output buffer; a failure leaves no file.
 */
class DatafileTest {
    @TempDir
    Path dir;

    private static ArrayNode elements(int n, int noiseChars, long seed) {
        Random r = new Random(seed);
        ArrayNode a = PceJson.mapper().createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode o = a.addObject();
            o.put("href", "/orgs/1/sec_policy/draft/rule_sets/" + i);
            o.put("name", "Ruleset \u00e9\u4e2d " + i + " \"quoted\" \\ back");
            o.putNull("deleted_at");
            o.put("enabled", i % 3 != 0);
            o.put("count", (long) i * 1_000_003L);
            o.put("ratio", i / 7.0);
            o.putArray("rules").addObject().putObject("created_by").put("href", "/users/" + (i % 5));
            StringBuilder noise = new StringBuilder();
            for (int k = 0; k < noiseChars; k++) {
                noise.append((char) ('!' + r.nextInt(90)));
            }
            o.put("noise", noise.toString());
        }
        return a;
    }

    /** The array as the mapper reads it back (its decimals are BigDecimals). */
    private static JsonNode asRead(ArrayNode a) throws IOException {
        return PceJson.mapper().readTree(PceJson.mapper().writeValueAsBytes(a));
    }

    private static Datafile.Elements of(ArrayNode a) {
        return (g, from, to) -> {
            for (int i = from; i < to; i++) {
                PceJson.mapper().writeTree(g, a.get(i));
            }
        };
    }

    private static byte[] gunzipJdk(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gunzipOkio(Path f) throws IOException {
        try (okio.BufferedSource s = okio.Okio.buffer(new okio.GzipSource(okio.Okio.source(f.toFile())))) {
            return s.readByteArray();
        }
    }

    private void assertSameAsOneGo(ArrayNode a, String name) throws IOException {
        Datafile pieces = Datafile.writeArray(dir, name + "-pieces", a.size(), of(a));
        byte[] expected = PceJson.mapper().writeValueAsBytes(a); // the whole array in one go
        assertArrayEquals(expected, gunzipJdk(pieces.gzipFile()), name + ": JDK inflater");
        assertArrayEquals(expected, gunzipOkio(pieces.gzipFile()), name + ": okio inflater");
        assertArrayEquals(expected, pieces.readAll(), name + ": served inflated");
        assertEquals(expected.length, pieces.length(), name + ": length");
        assertEquals(Files.size(pieces.gzipFile()), pieces.compressedLength(), name + ": compressed length");
        assertEquals(asRead(a), PceJson.mapper().readTree(expected), name + ": the array written");
    }

    @Test
    void arraysOfEverySizeAroundThePieceCountAreTheSameDocument() throws IOException {
        for (int n : new int[] {0, 1, 2, Datafile.PIECES - 1, Datafile.PIECES, Datafile.PIECES + 1, 1000}) {
            assertSameAsOneGo(elements(n, 8, n), "n" + n);
        }
    }

    @Test
    void piecesWhoseCompressedFormOutgrowsOneBufferAreWrittenWhole() throws IOException {
        // 64 pieces of ~150 KB of noise each: each piece deflates to more than the 64 KB output buffer.
        ArrayNode a = elements(640, 15_000, 42);
        assertSameAsOneGo(a, "large");
        assertTrue(Files.size(dir.resolve("datafile-large-pieces.json.gz")) > Datafile.PIECES * 64L * 1024,
                "the pieces were larger than one output buffer each");
    }

    @Test
    void piecesAreRenderedOnMoreThanOneThreadWhenThereAreCores() throws IOException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ArrayNode a = elements(2000, 2000, 7);
        Datafile.Elements counted = (g, from, to) -> {
            threads.add(Thread.currentThread());
            of(a).write(g, from, to);
        };
        Datafile d = Datafile.writeArray(dir, "threads", a.size(), counted);
        assertEquals(asRead(a), PceJson.mapper().readTree(d.readAll()));
        assertTrue(threads.size() >= Math.min(2, Runtime.getRuntime().availableProcessors()),
                "rendered on " + threads.size() + " threads");
        assertTrue(threads.stream().noneMatch(t -> t == Thread.currentThread()), "not on the caller's thread");
    }

    @Test
    void aFailingPieceFailsTheWriteAndLeavesNoFile() throws IOException {
        ArrayNode a = elements(500, 8, 3);
        Datafile.Elements failing = (g, from, to) -> {
            if (from <= 250 && 250 < to) {
                throw new IOException("element 250 cannot be rendered");
            }
            of(a).write(g, from, to);
        };
        IOException e = assertThrows(IOException.class, () -> Datafile.writeArray(dir, "failing", a.size(), failing));
        assertEquals("element 250 cannot be rendered", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("datafile-failing.json.gz")), "the partial file is deleted");
    }
}
