package dev.pceworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.http.HttpClientFactory;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client against the wire (issue 18): per collection of the {@code large} demo PCE, the FLOOR
 * (raw OkHttp: request with {@code Prefer: respond-async}, tight polling, raw download of the
 * datafile, no parsing) beside the CLIENT end to end (count, job, poll, download, parse into
 * records), gzip on and off, warm (median of N in this JVM) and cold (the first load in a fresh
 * child JVM), and the heap the loaded records retain; with gzip on, each load split at the request
 * for its result (the wait for the PCE, then download and parse), floor and client, warm and cold.
 * The floor is fetched cold too, in a fresh child JVM of its own: what any Java client pays on its
 * first load before it parses anything (class loading, TLS, the HTTP client), so that the client's
 * own cold excess can be told from the JVM's.
 * <p>
 * By default it starts the standalone demo PCE in a child JVM with
 * {@code --scale large --rate-limit 0 --job-seconds 0 --retry-after 0}; {@code --connect STATE_DIR}
 * uses one already running (its {@code credentials.json} and {@code ca.pem}). {@code --runs N} sets N
 * (default 5); {@code --only rule_sets|workloads|traffic} measures one collection; {@code --verify} also
 * parses each datafile on one thread with the one-pass record reader and with the reference path,
 * asserts equal records and prints both parse times. Run as the other probes:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.WireSpeedProbe -Dbench.args=}
 * or with {@code java -cp <test class path> dev.pceworkbench.bench.WireSpeedProbe}.
 */
public final class WireSpeedProbe {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int TRAFFIC_FLOWS = 200_000;

    /** One collection: how the floor fetches it and how the client loads it. */
    private enum Collection {
        RULE_SETS("rule_sets (draft)"),
        WORKLOADS("workloads"),
        TRAFFIC("traffic download");

        final String title;

        Collection(String title) {
            this.title = title;
        }
    }

    private record Target(String url, String user, String secret, String caPem) {
    }

    /** @param waitMs from the first request until the result's download was asked for */
    private record Floor(long ms, long bytes, long waitMs) {
    }

    private WireSpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cold")) {
            cold(args);
            return;
        }
        if (args.length > 0 && args[0].equals("--cold-floor")) {
            coldFloor(args);
            return;
        }
        int runs = 5;
        boolean verify = false;
        Path connect = null;
        List<Collection> only = new ArrayList<>(List.of(Collection.values()));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = java.util.Arrays.stream(args[++i].split(",")).map(x -> Collection.valueOf(x.trim().toUpperCase(java.util.Locale.ROOT))).toList();
                case "--connect" -> connect = Path.of(args[++i]);
                case "--verify" -> verify = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Process server = null;
        Path stateDir = connect;
        try {
            if (stateDir == null) {
                stateDir = Files.createTempDirectory("wire-speed-");
                server = startServer(stateDir);
            }
            Target t = target(stateDir);
            System.out.printf("Wire speed probe: %s, %d warm runs per figure, %d cores, client -Xmx%d MB%n",
                    t.url(), runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            for (Collection c : only) {
                System.out.println("load average " + loadAverage());
                measure(t, stateDir, c, runs);
                if (verify) {
                    verify(t, c);
                }
            }
            System.out.println("load average " + loadAverage());
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void measure(Target t, Path stateDir, Collection c, int runs) throws Exception {
        // A fresh pool, retrying a connection the server closed while idle (during the cold runs).
        OkHttpClient raw = HttpClientFactory.build(settings(t), null, System.getenv()).client().newBuilder()
                .connectionPool(new okhttp3.ConnectionPool()).retryOnConnectionFailure(true).build();
        System.out.println();
        System.out.println("== " + c.title);
        // One of each first, unmeasured: JIT and connection warm-up on both sides.
        floor(raw, t, c, "identity");
        load(client(t, true), c);
        List<Long> fid = new ArrayList<>();
        List<Long> fgzRaw = new ArrayList<>();
        List<Long> fgz = new ArrayList<>();
        List<Long> fgzCpu = new ArrayList<>();
        List<Long> fgzWait = new ArrayList<>();
        List<Long> cgzWait = new ArrayList<>();
        List<Long> cgzCpu = new ArrayList<>();
        long plainBytes = 0;
        long gzBytes = 0;
        for (int i = 0; i < runs; i++) {
            Floor a = floor(raw, t, c, "identity");
            fid.add(a.ms());
            plainBytes = a.bytes();
            Floor b = floor(raw, t, c, "gzip");
            fgzRaw.add(b.ms());
            gzBytes = b.bytes();
            long cpu0 = cpuMs();
            Floor g = floor(raw, t, c, null);
            fgz.add(g.ms());
            fgzWait.add(g.waitMs());
            fgzCpu.add(cpuMs() - cpu0);
        }
        raw.connectionPool().evictAll();
        PceClient gzClient = client(t, true);
        PceClient idClient = client(t, false);
        List<Long> cgz = new ArrayList<>();
        List<Long> cid = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long cpu0 = cpuMs();
            items = load(gzClient, c).size();
            cgz.add(ms(t0));
            cgzWait.add((RESULT_ASKED.get() - t0) / 1_000_000);
            cgzCpu.add(cpuMs() - cpu0);
            t0 = System.nanoTime();
            load(idClient, c);
            cid.add(ms(t0));
        }
        long before = Heap.usedAfterGc();
        List<?> kept = load(gzClient, c);
        long retained = Heap.usedAfterGc() - before;
        long[] coldGzRun = coldRun(stateDir, c, "--cold", "true");
        long coldGz = coldGzRun[0];
        long coldId = coldRun(stateDir, c, "--cold", "false")[0];
        long[] coldFloorRun = coldRun(stateDir, c, "--cold-floor");
        System.out.printf("items %,d; datafile %.1f MB JSON, %.1f MB gzipped%n", items, plainBytes / 1e6, gzBytes / 1e6);
        System.out.printf("floor  gzip off (identity)            %6d ms%n", median(fid));
        System.out.printf("floor  gzip on, raw compressed bytes  %6d ms%n", median(fgzRaw));
        System.out.printf("floor  gzip on, inflated by OkHttp    %6d ms%n", median(fgz));
        System.out.printf("floor  gzip on, inflated, cold        %6d ms (%.2fx warm; waits %d ms then %d ms)%n",
                coldFloorRun[0], coldFloorRun[0] / (double) median(fgz), coldFloorRun[1], coldFloorRun[0] - coldFloorRun[1]);
        System.out.printf("client gzip on   warm %6d ms  (%.2fx floor gzip)   cold %6d ms (%.2fx warm)%n",
                median(cgz), median(cgz) / (double) median(fgz), coldGz, coldGz / (double) median(cgz));
        System.out.printf("client gzip off  warm %6d ms  (%.2fx floor identity) cold %6d ms (%.2fx warm)%n",
                median(cid), median(cid) / (double) median(fid), coldId, coldId / (double) median(cid));
        System.out.printf("gzip on, split at the result's download request: floor waits %d ms then %d ms; client waits %d ms"
                        + " then %d ms warm (%.2fx the floor's), cold waits %d ms then %d ms (%.2fx warm)%n",
                median(fgzWait), median(minus(fgz, fgzWait)), median(cgzWait), median(minus(cgz, cgzWait)),
                median(minus(cgz, cgzWait)) / (double) Math.max(1, median(minus(fgz, fgzWait))),
                coldGzRun[1], coldGz - coldGzRun[1], (coldGz - coldGzRun[1]) / (double) Math.max(1, median(minus(cgz, cgzWait))));
        System.out.printf("the client beyond the floor, gzip on: warm %d ms, cold %d ms; with the floor's own cold excess"
                        + " (%d ms: a fresh JVM's classes, TLS, HTTP client) taken out, the client's cold load is %.2fx its warm one%n",
                median(cgz) - median(fgz), coldGz - coldFloorRun[0], coldFloorRun[0] - median(fgz),
                (coldGz - coldFloorRun[0] + median(fgz)) / (double) median(cgz));
        System.out.printf("runs (ms): floor id %s, floor gz raw %s, floor gz %s, client gz %s, client id %s%n",
                fid, fgzRaw, fgz, cgz, cid);
        System.out.printf("cpu of this JVM (all threads, GC included) per load, gzip on: floor %d ms %s, client %d ms %s (%.2fx)%n",
                median(fgzCpu), fgzCpu, median(cgzCpu), cgzCpu, median(cgzCpu) / (double) Math.max(1, median(fgzCpu)));
        System.out.printf("retained heap of the %,d loaded records: %.0f MB%n", kept.size(), retained / 1_048_576.0);
    }

    // ---- the floor: the same job flow, no parsing ----

    /**
     * @param encoding "identity" (no gzip), "gzip" (asked by hand: the compressed bytes are read as
     *                 they come) or null (OkHttp's own gzip: inflated as they come)
     */
    private static Floor floor(OkHttpClient http, Target t, Collection c, String encoding) throws IOException {
        return floor(http, t, c, encoding, null);
    }

    private static Floor floor(OkHttpClient http, Target t, Collection c, String encoding,
                               java.io.OutputStream keep) throws IOException {
        long t0 = System.nanoTime();
        String download;
        if (c == Collection.TRAFFIC) {
            String query;
            try (Response r = http.newCall(request(t, "/orgs/1/traffic_flows/async_queries", encoding)
                    .post(RequestBody.create(trafficQuery(), JSON)).build()).execute()) {
                query = json(r).path("href").asText();
            }
            while (true) {
                try (Response r = http.newCall(request(t, query, encoding).build()).execute()) {
                    JsonNode q = json(r);
                    if (q.path("status").asText().equals("completed")) {
                        download = q.path("result").asText();
                        break;
                    }
                }
            }
        } else {
            String job;
            try (Response r = http.newCall(request(t, path(c), encoding).header("Prefer", "respond-async").build()).execute()) {
                if (r.code() != 202) {
                    throw new IOException("the async request answered " + r.code());
                }
                job = r.header("Location");
            }
            while (true) {
                try (Response r = http.newCall(request(t, job, encoding).build()).execute()) {
                    JsonNode j = json(r);
                    if (j.path("status").asText().equals("done")) {
                        download = j.path("result").path("href").asText();
                        break;
                    }
                }
            }
        }
        long bytes = 0;
        long waitMs = ms(t0);
        try (Response r = http.newCall(request(t, download, encoding).build()).execute(); InputStream in = r.body().byteStream()) {
            if (!r.isSuccessful()) {
                throw new IOException("the download answered " + r.code());
            }
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes += n;
                if (keep != null) {
                    keep.write(buf, 0, n);
                }
            }
        }
        return new Floor(ms(t0), bytes, waitMs);
    }

    private static JsonNode json(Response r) throws IOException {
        if (!r.isSuccessful()) {
            throw new IOException(r.request().method() + " " + r.request().url() + " answered " + r.code() + ": " + r.body().string());
        }
        return PceJson.mapper().readTree(r.body().bytes());
    }

    private static Request.Builder request(Target t, String path, String encoding) {
        Request.Builder b = new Request.Builder().url(t.url() + "/api/v2" + path)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (t.user() + ":" + t.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (encoding != null) {
            b.header("Accept-Encoding", encoding);
        }
        return b;
    }

    private static String path(Collection c) {
        return c == Collection.RULE_SETS ? "/orgs/1/sec_policy/draft/rule_sets" : "/orgs/1/workloads";
    }

    private static byte[] trafficQuery() throws IOException {
        return PceJson.mapper().writeValueAsBytes(TrafficQueryRequest.of("wire-speed", "2000-01-01T00:00:00Z",
                "2100-01-01T00:00:00Z").withMaxResults(TRAFFIC_FLOWS));
    }

    // ---- equivalence and parse cost on the large data ----

    /** CPU time of this JVM so far (every thread, the collector's included): the work, whatever the load. */
    private static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** The system's load average (1, 5, 15 minutes), as the figures depend on it. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Downloads the collection's datafile once and parses it on one thread both ways: the model's
     * one-pass record reader (the client's path) and the reference path (Jackson's record
     * deserializer, any-setter and null watcher); asserts the records are equal and prints both
     * parse times (the second of two runs each).
     */
    private static void verify(Target t, Collection c) throws IOException {
        OkHttpClient raw = HttpClientFactory.build(settings(t), null, System.getenv()).client();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1 << 24);
        floor(raw, t, c, "identity", body);
        byte[] json = body.toByteArray();
        body = null;
        Class<?> type = switch (c) {
            case RULE_SETS -> dev.pceworkbench.pce.model.RuleSet.class;
            case WORKLOADS -> dev.pceworkbench.pce.model.Workload.class;
            case TRAFFIC -> dev.pceworkbench.pce.model.TrafficFlow.class;
        };
        com.fasterxml.jackson.databind.JavaType list = PceJson.mapper().getTypeFactory()
                .constructCollectionType(List.class, type);
        // The attribute ModelDeserializer.REFERENCE (package-private there) selects the reference path.
        com.fasterxml.jackson.databind.ObjectReader reference = PceJson.mapper().readerFor(list)
                .withAttribute("dev.pceworkbench.pce.model.ModelDeserializer.reference", Boolean.TRUE);
        com.fasterxml.jackson.databind.ObjectReader fast = PceJson.mapper().readerFor(list);
        long refMs = 0;
        long fastMs = 0;
        List<?> a = null;
        List<?> b = null;
        for (int i = 0; i < 2; i++) {
            a = null;
            long t0 = System.nanoTime();
            a = reference.readValue(json);
            refMs = ms(t0);
            b = null;
            t0 = System.nanoTime();
            b = fast.readValue(json);
            fastMs = ms(t0);
        }
        if (!a.equals(b)) {
            int at = 0;
            while (at < Math.min(a.size(), b.size()) && a.get(at).equals(b.get(at))) {
                at++;
            }
            throw new IllegalStateException(c.title + ": the one-pass reader differs from the reference at element "
                    + at + " of " + a.size() + "/" + b.size());
        }
        System.out.printf("verify: %,d records from %.1f MB equal both ways; one thread: reference %d ms, one-pass %d ms (%.2fx)%n",
                b.size(), json.length / 1e6, refMs, fastMs, refMs / (double) fastMs);
        // What any reader built on Jackson's tokenizer pays at least: every token, strings decoded, no records.
        long tokenMs = 0;
        long tokens = 0;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            tokens = 0;
            try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
                for (com.fasterxml.jackson.core.JsonToken k; (k = p.nextToken()) != null; tokens++) {
                    if (k == com.fasterxml.jackson.core.JsonToken.VALUE_STRING || k == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        p.getTextLength();
                    }
                }
            }
            tokenMs = ms(t0);
        }
        System.out.printf("verify: Jackson's tokens alone (%,d, strings decoded, no records), one thread: %d ms (one-pass reader %.2fx that)%n",
                tokens, tokenMs, fastMs / (double) Math.max(1, tokenMs));
    }

    // ---- the client, end to end ----

    private static List<?> load(PceClient client, Collection c) throws IOException {
        return switch (c) {
            case RULE_SETS -> client.ruleSets().list("draft", Map.of());
            case WORKLOADS -> client.workloads().list();
            case TRAFFIC -> client.traffic().run(PceJson.mapper().readTree(trafficQuery()), CancellationToken.none(),
                    Progress.Listener.NONE);
        };
    }

    /**
     * When the client last asked for a job's datafile or a traffic query's download (nanoTime): the
     * end of its wait for the PCE and the start of download and parse.
     */
    private static final java.util.concurrent.atomic.AtomicLong RESULT_ASKED = new java.util.concurrent.atomic.AtomicLong();

    /** The client as {@code PceClient.connect} makes it, noting when the result is asked for; gzip off on request. */
    private static PceClient client(Target t, boolean gzip) {
        ConnectionSettings s = settings(t);
        OkHttpClient.Builder b = HttpClientFactory.build(s, null, System.getenv()).client().newBuilder()
                .addInterceptor(chain -> {
                    String path = chain.request().url().encodedPath();
                    if (path.contains("/datafiles/") || path.endsWith("/download")) {
                        RESULT_ASKED.set(System.nanoTime());
                    }
                    return chain.proceed(chain.request());
                });
        if (!gzip) {
            b.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "identity").build()));
        }
        return PceClient.withHttpClient(s, b.build(), RetryPolicy.defaults(), new RequestLimiter(0), Duration.ofMinutes(30));
    }

    private static List<Long> minus(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) - b.get(i));
        }
        return out;
    }

    private static ConnectionSettings settings(Target t) {
        return ConnectionSettings.of(t.url(), 0, 1, new Credentials.ApiKey(t.user(), t.secret()))
                .withTls(TlsSettings.verifying().withCaBundlePem(t.caPem()))
                .withRequestsPerMinute(0);
    }

    /**
     * The first load in a fresh JVM: spawns this class with {@code --cold} (the client; {@code more}:
     * gzip on or off) or {@code --cold-floor} (the floor, gzip inflated by OkHttp) and reads the time
     * it prints.
     *
     * @return the whole load and the part before the result's download was asked for (ms)
     */
    private static long[] coldRun(Path stateDir, Collection c, String mode, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx3g"));
        command.addAll(vmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                WireSpeedProbe.class.getName(), mode, stateDir.toString(), c.name()));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("cold ")) {
                    last = line;
                } else {
                    System.out.println("  [cold] " + line);
                }
            }
        }
        p.waitFor();
        if (last == null) {
            throw new IllegalStateException("the cold run printed no time");
        }
        String[] f = last.substring(5).trim().split("\\s+");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    /** In the child JVM: client creation and one load, timed from the start of main. */
    private static void cold(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Target t = target(Path.of(args[1]));
        List<?> loaded = load(client(t, Boolean.parseBoolean(args[3])), Collection.valueOf(args[2]));
        long took = ms(t0);
        if (loaded.isEmpty()) {
            throw new IllegalStateException("nothing loaded");
        }
        System.out.println("cold " + took + " " + (RESULT_ASKED.get() - t0) / 1_000_000);
    }

    /**
     * In the child JVM: the floor's HTTP client made and one fetch (gzip inflated by OkHttp), timed
     * from the start of main. What a fresh JVM costs before any parsing: class loading, TLS, the
     * HTTP client, the job's small answers.
     */
    private static void coldFloor(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Target t = target(Path.of(args[1]));
        OkHttpClient raw = HttpClientFactory.build(settings(t), null, System.getenv()).client();
        Floor f = floor(raw, t, Collection.valueOf(args[2]), null);
        long took = ms(t0);
        if (f.bytes() == 0) {
            throw new IllegalStateException("nothing downloaded");
        }
        System.out.println("cold " + took + " " + (took - (f.ms() - f.waitMs())));
    }

    // ---- the server ----

    private static Process startServer(Path stateDir) throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                "dev.pceworkbench.demo.DemoPceMain", "--port", "0", "--scale", "large", "--rate-limit", "0",
                "--job-seconds", "0", "--retry-after", "0", "--state-dir", stateDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            System.out.println("[demo] " + line);
            if (line.startsWith("Stop with")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // Keep the child's output pipe from filling.
                        }
                    } catch (IOException ignored) {
                        // The server stopped.
                    }
                }, "demo-output");
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new IllegalStateException("the demo PCE did not start");
    }

    private static Target target(Path stateDir) throws IOException {
        JsonNode c = PceJson.mapper().readTree(stateDir.resolve("credentials.json").toFile());
        return new Target(c.path("url").asText(), c.path("auth_username").asText(), c.path("secret").asText(),
                Files.readString(stateDir.resolve("ca.pem")));
    }

    /** The probe's own {@code -XX:} flags, so that the cold child runs the JVM the warm runs ran on. */
    private static List<String> vmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:"))
                .toList();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
