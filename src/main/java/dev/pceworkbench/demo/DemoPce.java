package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.api.ApiVariants;
import dev.pceworkbench.demo.api.DemoApi;
import dev.pceworkbench.demo.api.References;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.demo.server.DemoHttpHandler;
import dev.pceworkbench.demo.server.DemoServer;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.server.LoginBrake;
import dev.pceworkbench.demo.server.RateLimiter;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.tls.DemoCertificates;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

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

    public static final String USER_EMAIL = "demo@pce-workbench.example";

    private final DemoPceOptions options;
    private final DemoServer server;
    private final DemoState state;
    private final Faults faults;
    private final ApiVariants variants;
    private final DemoCertificates certificates;
    private final Credentials credentials;
    private final DataGenerator.Summary summary;

    private DemoPce(DemoPceOptions options, DemoServer server, DemoState state, Faults faults,
                    ApiVariants variants, DemoCertificates certificates, Credentials credentials,
                    DataGenerator.Summary summary) {
        this.variants = variants;
        this.options = options;
        this.server = server;
        this.state = state;
        this.faults = faults;
        this.certificates = certificates;
        this.credentials = credentials;
        this.summary = summary;
    }

    /** Generates the data, the certificates and the credentials, and starts serving. */
    public static DemoPce start(DemoPceOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /** As {@link #start(DemoPceOptions)}, on {@code clock} (tests move it to age jobs). */
    public static DemoPce start(DemoPceOptions options, Clock clock) throws IOException {
        DemoState state = new DemoState(ORG_ID, clock, options.seed(), References::policyRefs);
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
        String fqdn = "localhost";
        ApiVariants variants = new ApiVariants();
        DemoPceOptions.Limits limits = options.limits();
        state.jobRetention(new DemoState.JobRetention(limits.jobTtl(), limits.maxJobs()));
        DemoApi api = new DemoApi(state, faults, variants, fqdn, options.jobDuration(), options.retryAfterSeconds(),
                options.trafficQueryDuration());
        DemoHttpHandler handler = new DemoHttpHandler(state, api.router(), faults,
                new RateLimiter(options.rateLimitPerMinute()), new LoginBrake(limits.loginFailuresPerMinute()),
                state.spool());
        DemoServer server;
        try {
            server = DemoServer.start(options.bindAddress(), options.port(),
                    options.https() ? certs.serverContext() : null, options.mtls(), limits.idleTimeout(),
                    limits.maxConnectionsPerClient(), handler);
        } catch (IOException e) {
            state.deleteSpool();
            throw e;
        }

        String host = options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress();
        String url = (options.https() ? "https://" : "http://") + host + ":" + server.port();
        Credentials creds = new Credentials(url, ORG_ID, authUsername, secret, USER_EMAIL, password, 1);
        DemoPce pce = new DemoPce(options, server, state, faults, variants, certs, creds, summary);
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
        return server.port();
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
        server.close();
        state.deleteSpool();
    }
}
