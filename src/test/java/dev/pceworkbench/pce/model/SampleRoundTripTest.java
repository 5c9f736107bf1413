package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JavaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.pceworkbench.pce.model.RoundTrip.M;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PCE sample under {@code pce.samples.dir} (default {@code ../shared/pce-samples}) parses
 * into its record type and writes back as the same JSON tree: no field lost, nulls kept, numbers
 * unchanged.
 */
class SampleRoundTripTest {
    static final Path DIR = Path.of(System.getProperty("pce.samples.dir", "../shared/pce-samples"));

    /** Sample file → the type it is read as. */
    static final Map<String, JavaType> TYPES = Map.ofEntries(
            list("container_clusters.json", ContainerCluster.class),
            list("container_workload_profiles.json", ContainerWorkloadProfile.class),
            list("events.json", Event.class),
            list("ip_lists.json", IpList.class),
            list("label_groups.json", LabelGroup.class),
            Map.entry("pairing_key.json", M.constructType(PairingKey.class)),
            list("pairing_profiles.json", PairingProfile.class),
            list("rule_sets.json", RuleSet.class),
            list("rules.json", SecRule.class),
            list("services.json", Service.class),
            Map.entry("traffic_query.json", M.constructType(TrafficQueryRequest.class)),
            list("traffic_query_response.json", TrafficFlow.class),
            list("vens.json", Ven.class),
            list("virtual_services.json", VirtualService.class),
            list("workloads.json", Workload.class));

    private static Map.Entry<String, JavaType> list(String file, Class<?> type) {
        return Map.entry(file, M.getTypeFactory().constructCollectionType(List.class, type));
    }

    static String read(String file) throws IOException {
        return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void everySampleFileHasAType() throws IOException {
        Set<String> present = new TreeSet<>(files().toList());
        assertFalse(present.isEmpty(), "no samples found in " + DIR.toAbsolutePath());
        assertEquals(new TreeSet<>(TYPES.keySet()), present, "sample files vs mapped types");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sampleRoundTrips(String file) throws IOException {
        JavaType type = TYPES.get(file);
        assertTrue(type != null, "no type for " + file);
        Object value = RoundTrip.assertRoundTrip(read(file), type, file);
        // Every modelled member the sample has a value for lands in its component, not in extra.
        for (PceJsonObject<?> o : RoundTrip.allObjects(value)) {
            assertEquals(o.extra(), o.jsonExtra(), o.getClass().getSimpleName() + " has shadowed extra members");
        }
    }
}
