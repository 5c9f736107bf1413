package dev.pceworkbench.demo.traffic;

import dev.pceworkbench.demo.api.References;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.demo.policy.PolicyCompiler;
import dev.pceworkbench.demo.policy.PolicyModel;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated traffic history (small data set) and the query runner without HTTP. */
class FlowGeneratorTest {
    static DemoState state;

    @BeforeAll
    static void data() {
        state = new DemoState(1, Clock.systemUTC(), 1, References::policyRefs);
        DataGenerator.generate(state, DataGenerator.Scale.SMALL, 1);
    }

    @Test
    void sameSeedSameFlowsOtherSeedOtherFlows() {
        FlowStore a = FlowGenerator.generate(state, 9);
        FlowStore b = FlowGenerator.generate(state, 9);
        FlowStore c = FlowGenerator.generate(state, 10);
        assertEquals(5_000, a.size());
        assertArrayEquals(a.src, b.src);
        assertArrayEquals(a.dst, b.dst);
        assertArrayEquals(a.port, b.port);
        assertArrayEquals(a.firstSeen, b.firstSeen);
        assertArrayEquals(a.connections, b.connections);
        assertFalse(Arrays.equals(a.dst, c.dst));
    }

    @Test
    void flowsLookLikeADataCentre() {
        FlowStore s = FlowGenerator.generate(state, 9);
        Set<String> services = new HashSet<>();
        int externalSources = 0;
        int externalDestinations = 0;
        Instant end = FlowGenerator.windowEnd(state);
        for (int f = 0; f < s.size(); f++) {
            services.add(s.port(f) + "/" + s.proto(f));
            externalSources += s.src[f] < 0 ? 1 : 0;
            externalDestinations += s.dst[f] < 0 ? 1 : 0;
            assertTrue(s.src[f] != s.dst[f]);
            assertFalse(s.first(f).isBefore(s.windowStart()));
            assertFalse(s.last(f).isAfter(end));
            assertFalse(s.last(f).isBefore(s.first(f)));
            assertTrue(s.connections[f] >= 1);
            // A flow is inbound exactly when a workload (the destination) reported it.
            assertTrue(!s.inbound[f] || s.dst[f] >= 0);
        }
        for (String typical : new String[]{"5432/6", "443/6", "161/17", "53/17", "22/6", "8080/6"}) {
            assertTrue(services.contains(typical), typical + " in " + services);
        }
        assertTrue(services.contains("3389/6") || services.contains("1433/6"), "Windows hosts: " + services);
        assertTrue(externalSources > 100 && externalDestinations > 50, externalSources + " / " + externalDestinations);
    }

    @Test
    void dateWindowAndServiceFilters() throws Exception {
        FlowStore s = FlowGenerator.generate(state, 9);
        PolicyModel model = state.read(() -> PolicyCompiler.compile(state, state.policy().active()));
        Instant dayStart = FlowGenerator.windowEnd(state).minus(java.time.Duration.ofDays(10));
        String day = dayStart.toString().substring(0, 10);
        FlowQuery q = state.read(() -> FlowQuery.parse(json("{'start_date':'" + day + "','end_date':'" + day + "',"
                + "'services':{'include':[{'port':80,'to_port':443,'proto':6}],'exclude':[{'port':100,'to_port':400,'proto':6}]},"
                + "'max_results':200000}"), state));
        FlowQueryRunner.Result r = FlowQueryRunner.run(s, q, model, () -> false);
        assertTrue(r.flowsCount() > 0);
        Instant dayEnd = dayStart.plus(java.time.Duration.ofDays(1));
        int expected = 0;
        for (int f = 0; f < s.size(); f++) {
            boolean inDay = !s.last(f).isBefore(dayStart) && s.first(f).isBefore(dayEnd);
            boolean port = s.proto(f) == 6 && s.port(f) >= 80 && s.port(f) <= 443 && !(s.port(f) >= 100 && s.port(f) <= 400);
            expected += inDay && port ? 1 : 0;
        }
        assertEquals(expected, r.matches());
        for (int f : r.flows()) {
            int port = s.port(f);
            assertTrue(s.proto(f) == 6 && ((port >= 80 && port < 100) || (port > 400 && port <= 443)), "port " + port);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return PceJson.mapper().readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void flowTimesAreWrittenAsIsoInstantsInWholeSeconds() {
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L), r.nextInt(1_000_000_000));
            assertEquals(java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                    FlowJson.time(t), t.toString());
        }
    }
}
