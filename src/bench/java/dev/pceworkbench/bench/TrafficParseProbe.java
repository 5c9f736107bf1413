package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.json.ParallelArrayReader;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.TrafficQuery;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.testing.DemoPces;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The client's parse alone, for comparing two builds run one after the other: the 200,000 flows
 * of the {@code large} data set fetched once, then parsed from memory by the client's parallel
 * reader {@code N} times (default 7), with wall and process CPU time of each run and their
 * medians. No PCE, TLS or inflation in the figures: only what the parse costs. Then the client's
 * whole download N times, the previous answer left as garbage (as in the view), with the
 * collector's time. {@code N distinct}: instead, counts the distinct ends, services and timestamp
 * ranges of the download and the record instances the parse made for them.
 * {@code java -cp ... dev.pceworkbench.bench.TrafficParseProbe [N [distinct]]}
 */
public final class TrafficParseProbe {
    private TrafficParseProbe() {
    }

    public static void main(String[] args) throws Exception {
        String what = "traffic";
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(0), 0))) {
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(5));
            CancellationToken token = CancellationToken.none();
            Instant now = Instant.now();
            TrafficQuery q = client.traffic().submit(TrafficQueryRequest.of("probe", now.minus(Duration.ofDays(31)).toString(),
                    now.plus(Duration.ofDays(1)).toString()).withMaxResults(200_000), token);
            q = client.traffic().await(q, token, Progress.Listener.NONE);
            byte[] bytes = fetch(client, q.resultPath());
            Class<?> type = TrafficFlow.class;
            System.out.printf("%s: %,d bytes in memory%n", what, bytes.length);
            if (args.length > 1 && args[1].equals("distinct")) {
                @SuppressWarnings("unchecked")
                List<TrafficFlow> fl = (List<TrafficFlow>) (List<?>) ParallelArrayReader.read(new ByteArrayInputStream(bytes), type, what);
                var ends = new java.util.HashSet<Object>();
                var ranges = new java.util.HashSet<Object>();
                var services = new java.util.HashSet<Object>();
                var rangeIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Object, Boolean>());
                var endIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Object, Boolean>());
                var svcIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Object, Boolean>());
                var wlIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Object, Boolean>());
                for (TrafficFlow f : fl) {
                    ends.add(f.src()); ends.add(f.dst()); endIds.add(f.src()); endIds.add(f.dst());
                    ranges.add(f.timestampRange()); rangeIds.add(f.timestampRange());
                    services.add(f.service()); svcIds.add(f.service());
                    if (f.src().workload() != null) wlIds.add(f.src().workload());
                    if (f.dst().workload() != null) wlIds.add(f.dst().workload());
                }
                System.out.printf("distinct: ends %,d (instances %,d), ranges %,d (instances %,d), services %,d (instances %,d), workload instances %,d%n",
                        ends.size(), endIds.size(), ranges.size(), rangeIds.size(), services.size(), svcIds.size(), wlIds.size());
                return;
            }
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                System.gc();
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                List<?> parsed = ParallelArrayReader.read(new ByteArrayInputStream(bytes), type, what);
                wall[i] = (System.nanoTime() - w0) / 1_000_000;
                cpu[i] = (os.getProcessCpuTime() - c0) / 1_000_000;
                System.out.printf("run %d: %,d parsed in %d ms (CPU %d ms)%n", i + 1, parsed.size(), wall[i], cpu[i]);
            }
            List<?> held = null;
            for (int i = 0; i < runs; i++) {
                long c0 = os.getProcessCpuTime();
                long g0 = gcMillis();
                long w0 = System.nanoTime();
                held = null; // the previous answer goes as the next one comes, as in the view
                held = client.traffic().download(q, token, Progress.Listener.NONE);
                System.out.printf("download %d (the client's whole download: fetch, inflate, parse, shared parts; "
                                + "the previous answer garbage): %,d in %d ms (CPU %d ms, collector %d ms)%n",
                        i + 1, held.size(), (System.nanoTime() - w0) / 1_000_000, (os.getProcessCpuTime() - c0) / 1_000_000,
                        gcMillis() - g0);
            }
            long[] w = wall.clone();
            long[] c = cpu.clone();
            Arrays.sort(w);
            Arrays.sort(c);
            System.out.printf("=> %s parse from memory, median of %d: %d ms (CPU %d ms), best %d ms%n", what, runs,
                    w[runs / 2], c[runs / 2], w[0]);
        }
    }

    private static long gcMillis() {
        long t = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static byte[] fetch(PceClient client, String path) {
        return client.transport().stream(PceRequest.of("GET", path).withHeader("Accept-Encoding", "identity"),
                CancellationToken.none(), Progress.Listener.NONE, (in, len) -> in.readAllBytes()).value();
    }
}
