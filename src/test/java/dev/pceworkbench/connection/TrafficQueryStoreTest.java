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

    @Test
    void renameKeepsThePlaceAndRefusesAnotherQuerysName(@TempDir Path dir) {
        TrafficQueryStore store = new TrafficQueryStore(dir);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        store.save("p1", SavedTrafficQuery.of("A", q("a"), null, t));
        store.save("p1", SavedTrafficQuery.of("B", q("b"), null, t));
        var e = assertThrows(IllegalArgumentException.class, () -> store.rename("p1", "A", " b "));
        assertTrue(e.getMessage().startsWith("Name:") && e.getMessage().contains("'B'"), e.getMessage());
        assertTrue(store.rename("p1", "A", "a"), "the same name in another case is fine");
        assertTrue(store.rename("p1", "a", "  Alpha "));
        assertFalse(store.rename("p1", "nothing", "Z"));
        assertEquals(List.of("Alpha", "B"), new TrafficQueryStore(dir).saved("p1").stream().map(SavedTrafficQuery::name).toList());
        assertTrue(store.exists("p1", "ALPHA"));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryStore.checkName("x".repeat(TrafficQueryStore.MAX_NAME + 1)));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryStore.checkName("two\nlines"));
    }

    @Test
    void anUnreadableFileIsKeptAsideEachTimeAndSaidOnce(@TempDir Path dir) throws Exception {
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        for (String bad : List.of("not json at all", "[1, 2, 3]")) {
            Files.writeString(dir.resolve(TrafficQueryStore.FILE_NAME), bad);
            TrafficQueryStore store = new TrafficQueryStore(dir);
            assertTrue(store.saved("p1").isEmpty());
            String problem = store.takeProblem();
            assertTrue(problem != null && problem.contains("could not be read"), problem);
            assertEquals(null, store.takeProblem(), "said once");
            store.save("p1", SavedTrafficQuery.of("Fresh", q("f"), null, t));
        }
        List<String> kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(p -> p.getFileName().toString().contains(".unreadable-"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (java.io.IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    }).sorted().toList();
        }
        assertEquals(List.of("[1, 2, 3]", "not json at all"), kept, "neither bad file is lost");
        assertEquals(List.of("Fresh"), new TrafficQueryStore(dir).saved("p1").stream().map(SavedTrafficQuery::name).toList());
    }

    @Test
    void theSameFormRunAgainIsOneRecentQueryWhateverItsDates(@TempDir Path dir) {
        TrafficQueryStore store = new TrafficQueryStore(dir);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        var form = java.util.Map.of("custom_start", "2026-01-01", "custom_end", "", "description", "from any");
        store.remember("p1", SavedTrafficQuery.of("from any", q("x").withDates("2026-01-01T00:00:00Z", "2026-02-01T10:00:00Z"), null, t, form));
        store.remember("p1", SavedTrafficQuery.of("from any", q("x").withDates("2026-01-01T00:00:00Z", "2026-02-01T11:00:00Z"), null, t, form));
        assertEquals(1, store.recent("p1").size(), "a range ending now is the same query an hour later");
        assertEquals("2026-02-01T11:00:00Z", store.recent("p1").get(0).query().endDate());
    }
}
