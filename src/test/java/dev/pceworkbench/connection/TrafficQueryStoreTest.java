package dev.pceworkbench.connection;

import dev.pceworkbench.pce.model.TrafficQueryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved and recent traffic queries on disk, per profile. */
class TrafficQueryStoreTest {
    static TrafficQueryRequest q(String name) {
        return TrafficQueryRequest.of(name, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    }

    @Test
    void savedQueriesArePerProfileReplaceByNameAndSurviveARestart(@TempDir Path dir) throws Exception {
        TrafficQueryStore store = new TrafficQueryStore(dir);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        store.save("p1", SavedTrafficQuery.of("DB", q("a"), null, t));
        store.save("p1", SavedTrafficQuery.of("RDP", q("b"), Duration.ofHours(24), t));
        store.save("p1", SavedTrafficQuery.of("db", q("c"), null, t));
        store.save("p2", SavedTrafficQuery.of("Other", q("d"), null, t));
        TrafficQueryStore again = new TrafficQueryStore(dir);
        assertEquals(List.of("db", "RDP"), again.saved("p1").stream().map(SavedTrafficQuery::name).toList());
        assertEquals("c", again.saved("p1").get(0).query().queryName(), "same name (any case) replaces");
        assertEquals(List.of("Other"), again.saved("p2").stream().map(SavedTrafficQuery::name).toList());
        // A preset range runs relative to now; fixed dates stay.
        TrafficQueryRequest rdp = again.saved("p1").get(1).requestAt(Instant.parse("2026-03-01T12:00:00Z"));
        assertEquals("2026-02-28T12:00:00Z", rdp.startDate());
        assertEquals("2026-03-01T12:00:00Z", rdp.endDate());
        assertEquals("2026-01-01T00:00:00Z", again.saved("p1").get(0).requestAt(Instant.now()).startDate());
        assertTrue(again.delete("p1", "RDP"));
        assertFalse(again.delete("p1", "RDP"));
        assertThrows(IllegalArgumentException.class, () -> again.save("p1", SavedTrafficQuery.of(" ", q("x"), null, t)));
        String text = Files.readString(again.file());
        assertFalse(text.toLowerCase().contains("secret") || text.toLowerCase().contains("password"));
    }

    @Test
    void theLastTenQueriesNewestFirstWithoutRepeats(@TempDir Path dir) {
        TrafficQueryStore store = new TrafficQueryStore(dir);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            store.remember("p1", SavedTrafficQuery.of("q" + i, q("q" + i), null, t));
        }
        store.remember("p1", SavedTrafficQuery.of("q5", q("q5"), null, t));
        List<String> recent = new TrafficQueryStore(dir).recent("p1").stream().map(SavedTrafficQuery::name).toList();
        assertEquals(List.of("q5", "q11", "q10", "q9", "q8", "q7", "q6", "q4", "q3", "q2"), recent);
        assertTrue(store.recent("p2").isEmpty());
    }
}
