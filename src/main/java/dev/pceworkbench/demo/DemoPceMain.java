package dev.pceworkbench.demo;

import dev.pceworkbench.demo.api.ApiVariants;
import dev.pceworkbench.demo.data.DataGenerator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo PCE in the foreground until SIGINT/SIGTERM:
 * {@code ./mvnw -q exec:java@demo-pce -Dexec.args="--port 18443 --scale small --state-dir DIR"}.
 * Prints the URL and writes {@code DIR/ca.pem}, {@code DIR/credentials.json} and, with
 * {@code --mtls}, {@code DIR/client.pem}.
 */
public final class DemoPceMain {
    private DemoPceMain() {
    }

    static final String USAGE = """
            Usage: demo-pce [options]
              --port N            TCP port (default 18443; 0 picks a free port)
              --bind ADDRESS      address to listen on (default 127.0.0.1)
              --scale small|large data set size (default small)
              --seed N            data generator seed (default 1)
              --state-dir DIR     write ca.pem, credentials.json (and client.pem) there (default ./demo-pce-state)
              --http              plain HTTP instead of HTTPS
              --mtls              require a client certificate signed by the demo CA (writes client.pem)
              --faults SPEC       inject faults, e.g. latency=200,http429=3,http5xx=0.05,drop=1,jobfail=1,malformed=0.01,truncate=1
              --rate-limit N      requests per minute per credential (default 500; 0 = unlimited)
              --job-seconds S     how long async jobs and traffic queries take (default 0.3)
              --retry-after N     Retry-After seconds the server asks job pollers to wait (default 1)
              --idle-timeout S    close connections idle (or half-sent, or unread) for S seconds (default 30)
              --variants SPEC     answer shapes of other PCE versions, e.g. dependencies=by_type,object_counts=integer
              --help              this text
            """;

    /** Parses the command line into options; throws IllegalArgumentException with a clear message. */
    static DemoPceOptions parse(String[] args) {
        DemoPceOptions o = DemoPceOptions.defaults().withPort(18443).withStateDir(Path.of("demo-pce-state"));
        String bind = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> o = o.withPort(intArg(args, ++i, a));
                case "--bind" -> bind = arg(args, ++i, a);
                case "--scale" -> o = o.withScale(scale(arg(args, ++i, a)));
                case "--seed" -> o = o.withSeed(Long.parseLong(arg(args, ++i, a)));
                case "--state-dir" -> o = o.withStateDir(Path.of(arg(args, ++i, a)));
                case "--http" -> o = o.withHttps(false);
                case "--mtls" -> o = o.withMtls(true);
                case "--faults" -> o = o.withFaults(arg(args, ++i, a));
                case "--rate-limit" -> o = o.withRateLimit(intArg(args, ++i, a));
                case "--job-seconds" -> {
                    Duration d = Duration.ofMillis((long) (Double.parseDouble(arg(args, ++i, a)) * 1000));
                    o = o.withJobTiming(d, o.retryAfterSeconds()).withTrafficQueryDuration(d);
                }
                case "--retry-after" -> o = o.withJobTiming(o.jobDuration(), intArg(args, ++i, a));
                case "--idle-timeout" -> o = o.withLimits(o.limits().withIdleTimeout(Duration.ofSeconds(intArg(args, ++i, a))));
                case "--variants" -> ApiVariants.parse(arg(args, ++i, a)); // checked here, applied once started
                default -> throw new IllegalArgumentException("Unknown option '" + a + "'");
            }
        }
        if (o.mtls() && !o.https()) {
            throw new IllegalArgumentException("--mtls needs HTTPS; drop --http");
        }
        return o.withBindAddress(bind);
    }

    private static DataGenerator.Scale scale(String s) {
        try {
            return DataGenerator.Scale.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scale must be small or large, not '" + s + "'");
        }
    }

    /** The value of {@code --variants}, or null. */
    static String variantsSpec(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--variants")) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String arg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String name) {
        String v = arg(args, i, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + v + "'");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        DemoPceOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo-pce: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        DemoPce pce = DemoPce.start(options);
        ApiVariants variants = ApiVariants.parse(variantsSpec(args));
        pce.variants().dependencies(variants.dependencies()).objectCounts(variants.objectCounts());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pce.close();
            stopped.countDown();
        }, "demo-pce-shutdown"));
        PrintStream out = System.out;
        out.printf("Demo PCE listening on %s (org %d, %s data set, seed %d, started in %d ms)%n", pce.baseUrl(),
                DemoPce.ORG_ID, options.scale().name().toLowerCase(Locale.ROOT), options.seed(),
                (System.nanoTime() - t0) / 1_000_000);
        out.println("API base: " + pce.baseUrl() + "/api/v2");
        if (options.stateDir() != null) {
            Path dir = options.stateDir().toAbsolutePath();
            out.println("Credentials: " + dir.resolve("credentials.json"));
            if (options.https()) {
                out.println("CA bundle:   " + dir.resolve("ca.pem"));
            }
            if (options.mtls()) {
                out.println("Client cert: " + dir.resolve("client.pem"));
            }
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
        stopped.await();
    }
}
