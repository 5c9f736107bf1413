package dev.pceworkbench.demo.data;

import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.io.OutputStream;

/**
 * Measures the LARGE data set: generation time, retained heap after a full GC, and (with
 * {@code --json}) the size of the draft rule sets as JSON. Not a unit test: it needs a few hundred
 * megabytes and seconds of CPU, too much for every build. Run it with
 * {@code ./mvnw -q -o test-compile exec:java -Dexec.mainClass=dev.pceworkbench.demo.data.LargeDataSetProbe
 * -Dexec.classpathScope=test} or from the IDE; pass {@code small} to probe the small org instead.
 */
public final class LargeDataSetProbe {
    private LargeDataSetProbe() {
    }

    public static void main(String[] args) throws Exception {
        DataGenerator.Scale scale = args.length > 0 && args[0].equalsIgnoreCase("small")
                ? DataGenerator.Scale.SMALL : DataGenerator.Scale.LARGE;
        boolean json = java.util.Arrays.asList(args).contains("--json");
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);

        long t0 = System.nanoTime();
        DemoState state = GeneratedOrg.newState(42);
        DataGenerator.Summary summary = DataGenerator.generate(state, scale, 42);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        long after = usedAfterGc(rt);
        System.out.println(summary);
        System.out.printf("scale=%s generation=%d ms retained heap=%.1f MB (max heap %.0f MB)%n", scale, millis,
                (after - before) / 1048576.0, rt.maxMemory() / 1048576.0);
        if (json) {
            CountingStream out = new CountingStream();
            long t1 = System.nanoTime();
            PceJson.mapper().writeValue(out, GeneratedOrg.array(state.policy().draft().all(PolicyType.RULE_SETS)));
            System.out.printf("rule sets as JSON: %.1f MB in %d ms%n", out.count / 1048576.0,
                    (System.nanoTime() - t1) / 1_000_000);
            out = new CountingStream();
            PceJson.mapper().writeValue(out, GeneratedOrg.array(state.collection("workloads").all()));
            System.out.printf("workloads as JSON: %.1f MB%n", out.count / 1048576.0);
        }
        // Keep the state reachable until after the measurement.
        System.out.println("rule sets in draft: " + state.policy().draft().count(PolicyType.RULE_SETS));
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
