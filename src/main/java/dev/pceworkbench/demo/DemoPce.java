package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.pceworkbench.demo.api.ApiVariants;
import dev.pceworkbench.demo.api.DemoApi;
import dev.pceworkbench.demo.api.References;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.demo.server.DemoHttpHandler;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.server.RateLimiter;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.tls.DemoCertificates;
import dev.pceworkbench.pce.json.PceJson;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded demo PCE: a real HTTP(S) server speaking the PCE REST API v2 over a generated,
 * deterministic organisation. Start it with {@link #start}, read its {@link #baseUrl()},
 * {@link #credentials()} and {@link #caPem()}, and close it when done. Used by the app's default
 * profile, by the integration tests and by the standalone {@code DemoPceMain}.
 */
public final class DemoPce implements AutoCloseable {
    /** What a client needs to connect; also written as {@code credentials.json}. */
    public record Credentials(String url, int orgId, String authUsername, String secret, String userEmail,
                              String userPassword, long userId) {
    }

    public static final int ORG_ID = 1;

    static {
        // The JDK server leaves Nagle's algorithm on, which delays every small answer by ~40 ms
        // (delayed ACKs on the client side); a PCE answers at once. Read once, before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    public static final String USER_EMAIL = "demo@pce-workbench.example";

    private final DemoPceOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final DemoState state;
    private final Faults faults;
    private final ApiVariants variants;
    private final DemoCertificates certificates;
    private final Credentials credentials;
    private final DataGenerator.Summary summary;

    private DemoPce(DemoPceOptions options, HttpServer server, ExecutorService executor, DemoState state, Faults faults,
                    ApiVariants variants, DemoCertificates certificates, Credentials credentials,
                    DataGenerator.Summary summary) {
        this.variants = variants;
        this.options = options;
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.faults = faults;
        this.certificates = certificates;
        this.credentials = credentials;
        this.summary = summary;
    }

    /** Generates the data, the certificates and the credentials, and starts serving. */
    public static DemoPce start(DemoPceOptions options) throws IOException {
        DemoState state = new DemoState(ORG_ID, Clock.systemUTC(), options.seed(), References::policyRefs);
        DataGenerator.Summary summary = DataGenerator.generate(state, options.scale(), options.seed());

        SecureRandom random = new SecureRandom();
        String password = HexFormat.of().formatHex(random.generateSeed(12));
        String secret = HexFormat.of().formatHex(random.generateSeed(32));
        String keyId = HexFormat.of().formatHex(random.generateSeed(10));
        String authUsername = "api_" + HexFormat.of().formatHex(random.generateSeed(7));
        state.users().addUser(1, USER_EMAIL, "Demo Administrator", password);
        state.users().addKey(1, keyId, authUsername, secret, "PCE Workbench demo key", state.timestamp());

        Faults faults = Faults.parse(options.faults(), options.seed());
        DemoCertificates certs = options.https() ? DemoCertificates.generate(List.of()) : null;
        InetSocketAddress addr = new InetSocketAddress(options.bindAddress(), options.port());
        HttpServer server;
        if (options.https()) {
            HttpsServer https = HttpsServer.create(addr, 64);
            SSLContext ctx = certs.serverContext();
            boolean mtls = options.mtls();
            https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    params.setSSLParameters(DemoCertificates.parameters(ctx, mtls));
                }
            });
            server = https;
        } else {
            server = HttpServer.create(addr, 64);
        }
        String fqdn = "localhost";
        ApiVariants variants = new ApiVariants();
        DemoApi api = new DemoApi(state, faults, variants, fqdn, options.jobDuration(), options.retryAfterSeconds(),
                options.trafficQueryDuration());
        server.createContext("/", new DemoHttpHandler(state, api.router(), faults, new RateLimiter(options.rateLimitPerMinute())));
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "demo-pce-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();

        String host = options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress();
        String url = (options.https() ? "https://" : "http://") + host + ":" + server.getAddress().getPort();
        Credentials creds = new Credentials(url, ORG_ID, authUsername, secret, USER_EMAIL, password, 1);
        DemoPce pce = new DemoPce(options, server, executor, state, faults, variants, certs, creds, summary);
        if (options.stateDir() != null) {
            pce.writeStateDir(options.stateDir());
        }
        return pce;
    }

    private void writeStateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (certificates != null) {
            Files.writeString(dir.resolve("ca.pem"), caPem(), StandardCharsets.US_ASCII);
            if (options.mtls()) {
                writePrivate(dir.resolve("client.pem"), certificates.clientPem());
            }
        }
        ObjectNode c = PceJson.mapper().createObjectNode();
        c.put("url", credentials.url());
        c.put("org_id", credentials.orgId());
        c.put("auth_username", credentials.authUsername());
        c.put("secret", credentials.secret());
        c.put("user_email", credentials.userEmail());
        c.put("user_password", credentials.userPassword());
        c.put("user_href", "/users/" + credentials.userId());
        writePrivate(dir.resolve("credentials.json"),
                PceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(c) + "\n");
    }

    /** Secrets on disk: readable by the owner only (where the file system has POSIX permissions). */
    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** The server's root, e.g. {@code https://127.0.0.1:18443}; the API is under {@code /api/v2}. */
    public String baseUrl() {
        return credentials.url();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The CA that signed the server certificate, as PEM; null over plain HTTP. */
    public String caPem() {
        return certificates == null ? null : certificates.caPem();
    }

    /** The client certificate and key for mTLS, as one PEM; null over plain HTTP. */
    public String clientPem() {
        return certificates == null ? null : certificates.clientPem();
    }

    public DemoCertificates certificates() {
        return certificates;
    }

    public Faults faults() {
        return faults;
    }

    /** The answer shapes that differ between PCE versions; tests switch them at run time. */
    public ApiVariants variants() {
        return variants;
    }

    public DemoState state() {
        return state;
    }

    public DataGenerator.Summary summary() {
        return summary;
    }

    public DemoPceOptions options() {
        return options;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
