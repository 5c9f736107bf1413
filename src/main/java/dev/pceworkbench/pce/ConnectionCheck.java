package dev.pceworkbench.pce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.ConnectionDiagnosis.Status;
import dev.pceworkbench.pce.ConnectionDiagnosis.Step;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.http.ApiProbe;
import dev.pceworkbench.pce.http.ApiProbe.Answer;
import dev.pceworkbench.pce.http.CertificateFiles;
import dev.pceworkbench.pce.http.ConnectionFailures;
import dev.pceworkbench.pce.http.EffectiveProxy;
import dev.pceworkbench.pce.http.HttpClientFactory;
import dev.pceworkbench.pce.http.ProxyResolver;
import dev.pceworkbench.pce.http.ProxyTunnel;
import dev.pceworkbench.pce.http.TlsProbe;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Diagnoses a PCE connection step by step instead of answering yes or no: resolves the host (or the
 * proxy), opens TCP, asks the proxy for a tunnel, performs the TLS handshake while recording the
 * presented chain, authenticates with {@code GET /api/v2/product_version}, reads the org's labels
 * and reports the PCE version. Every step says what happened and, when it fails, what to change;
 * after a failure the remaining steps are skipped. A {@link CancellationToken} stops the check and
 * closes its socket or call. The environment (for proxy variables) can be injected for tests.
 */
public final class ConnectionCheck {
    private static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private final Map<String, String> environment;
    private final ProxySelector jvmSelector;

    /** A check honouring the process environment and the JVM's proxy selector. */
    public ConnectionCheck() {
        this(System.getenv(), ProxySelector.getDefault());
    }

    /** A check honouring the given environment variables (and the JVM's proxy selector). */
    public ConnectionCheck(Map<String, String> environment) {
        this(environment, ProxySelector.getDefault());
    }

    public ConnectionCheck(Map<String, String> environment, ProxySelector jvmSelector) {
        this.environment = environment == null ? Map.of() : Map.copyOf(environment);
        this.jvmSelector = jvmSelector;
    }

    public ConnectionDiagnosis run(ConnectionSettings s) {
        return run(s, CancellationToken.none(), step -> { });
    }

    public ConnectionDiagnosis run(ConnectionSettings s, CancellationToken cancel) {
        return run(s, cancel, step -> { });
    }

    /**
     * Runs the check.
     *
     * @param cancel cancels the check; the socket or HTTP call in flight is closed
     * @param onStep called with each step as it completes (on the calling thread)
     */
    public ConnectionDiagnosis run(ConnectionSettings s, CancellationToken cancel, Consumer<Step> onStep) {
        Run run = new Run(this, cancel == null ? CancellationToken.none() : cancel, onStep);
        AutoCloseable registration = run.cancel().onCancel(run::closeCurrent);
        try {
            run.execute(s);
        } catch (RuntimeException e) {
            run.failCurrent("Unexpected error: " + e);
        } finally {
            run.closeCurrent();
            if (run.client != null) {
                run.client.dispatcher().executorService().shutdown();
                run.client.connectionPool().evictAll();
            }
            try {
                registration.close();
            } catch (Exception ignored) {
                // Removing the callback does not fail.
            }
        }
        run.skipMissing();
        return new ConnectionDiagnosis(run.steps(), run.version, run.longVersion, run.insecure, run.proxyDescription,
                run.cancelled());
    }

    /** The state of one check. */
    private static final class Run extends ConnectionDiagnosis.Recorder {
        volatile Socket socket;
        OkHttpClient client;
        String version;
        String longVersion;
        boolean insecure;
        String proxyDescription;
        JsonNode productVersion;
        private final ConnectionCheck check;

        Run(ConnectionCheck check, CancellationToken cancel, Consumer<Step> onStep) {
            super(cancel, onStep);
            this.check = check;
        }

        void closeCurrent() {
            Socket sock = socket;
            if (sock != null) {
                try {
                    sock.close();
                } catch (IOException ignored) {
                    // Closing is best effort.
                }
            }
        }

        void execute(ConnectionSettings s) {
            URI base;
            HttpClientFactory.Built built;
            if (!begin(StepName.SETTINGS)) {
                return;
            }
            try {
                base = s.baseUri();
                built = HttpClientFactory.build(s, null, check.environment, check.jvmSelector);
            } catch (PceConfigurationException | IllegalArgumentException e) {
                record(StepName.SETTINGS, Status.FAILED, e.getMessage(), List.of());
                return;
            }
            client = built.client();
            insecure = built.insecure();
            proxyDescription = built.proxyDescription();
            settingsStep(s, base, built);

            EffectiveProxy proxy = built.proxy();
            String host = ProxyResolver.stripBrackets(base.getHost());
            int port = base.getPort();
            InetAddress[] addresses = dns(host, proxy);
            tcp(addresses, proxy, host, port, s);
            proxyStep(proxy, base, host, port, s);
            tls(base, host, port, built, s);
            authentication(s);
            orgAccess(s);
            versionStep();
        }

        private void settingsStep(ConnectionSettings s, URI base, HttpClientFactory.Built built) {
            List<String> details = new ArrayList<>();
            details.add("PCE: " + base + ", org " + s.orgId());
            details.add("Credentials: '" + s.credentials().username() + "' ("
                    + (s.credentials() instanceof Credentials.ApiKey ? "API key" : "user and password") + ")");
            details.add("Proxy: " + built.proxyDescription());
            details.add("TLS: " + (base.getScheme().equals("https") ? built.tlsDescription() : "none (plain HTTP)"));
            Status status = Status.OK;
            String message = "The settings are complete";
            if (built.tls().clientIdentity() != null) {
                X509Certificate c = built.tls().clientIdentity().certificate();
                details.add("Client certificate: " + CertificateFiles.describe(c));
                Date now = new Date();
                if (now.after(c.getNotAfter())) {
                    status = Status.WARNING;
                    message = "The client certificate expired on " + CertificateFiles.date(c.getNotAfter())
                            + ": the PCE will likely refuse it; ask for a new one";
                } else if (c.getNotAfter().getTime() - now.getTime() < EXPIRY_WARNING.toMillis()) {
                    status = Status.WARNING;
                    message = "The client certificate expires on " + CertificateFiles.date(c.getNotAfter()) + ": ask for a new one soon";
                }
            }
            record(StepName.SETTINGS, status, message, details);
        }

        private InetAddress[] dns(String host, EffectiveProxy proxy) {
            if (!begin(StepName.DNS)) {
                return null;
            }
            String name = proxy.isDirect() ? host : proxy.host();
            List<String> details = new ArrayList<>();
            try {
                InetAddress[] found = InetAddress.getAllByName(name);
                details.add(name + " → " + String.join(", ", Arrays.stream(found).map(InetAddress::getHostAddress).toList()));
                boolean literal = found.length == 1 && found[0].getHostAddress().equalsIgnoreCase(name);
                String message = literal ? name + " is an IP address: nothing to resolve" : "'" + name + "' resolves to "
                        + found[0].getHostAddress() + (found.length > 1 ? " (and " + (found.length - 1) + " more)" : "");
                if (!proxy.isDirect()) {
                    message = "Proxy: " + message + "; the proxy resolves the PCE's name";
                    try {
                        details.add(host + " → " + InetAddress.getByName(host).getHostAddress() + " (locally; not used)");
                    } catch (UnknownHostException e) {
                        details.add(host + " does not resolve locally, which is fine behind a proxy");
                    }
                }
                record(StepName.DNS, Status.OK, message, details);
                return found;
            } catch (UnknownHostException e) {
                String message = proxy.isDirect() ? ConnectionFailures.explain(e, host)
                        : "The proxy host name '" + name + "' (" + proxy.description() + ") could not be resolved: check the "
                        + "proxy settings or the proxy environment variables";
                record(StepName.DNS, Status.FAILED, message, List.of("Error: " + e));
                return null;
            }
        }

        private void tcp(InetAddress[] addresses, EffectiveProxy proxy, String host, int port, ConnectionSettings s) {
            if (!begin(StepName.TCP)) {
                return;
            }
            int targetPort = proxy.isDirect() ? port : proxy.port();
            String what = proxy.isDirect() ? host + ":" + port : "the proxy " + proxy.host() + ":" + proxy.port();
            List<String> details = new ArrayList<>();
            IOException last = null;
            for (InetAddress a : addresses) {
                Socket sock = new Socket();
                socket = sock;
                long t = System.nanoTime();
                try {
                    sock.connect(new InetSocketAddress(a, targetPort), (int) Math.max(1, s.connectTimeout().toMillis()));
                    details.add("Connected to " + a.getHostAddress() + ":" + targetPort + " in "
                            + Duration.ofNanos(System.nanoTime() - t).toMillis() + " ms");
                    record(StepName.TCP, Status.OK, "Connected to " + what + " (" + a.getHostAddress() + ")", details);
                    return;
                } catch (IOException e) {
                    last = e;
                    details.add(a.getHostAddress() + ":" + targetPort + ": " + e.getMessage());
                    closeCurrent();
                    if (cancelled()) {
                        break;
                    }
                }
            }
            String message = ConnectionFailures.explain(last, (proxy.isDirect() ? host : proxy.host()) + ":" + targetPort);
            record(StepName.TCP, Status.FAILED, proxy.isDirect() ? message : "Cannot connect to the proxy: " + message, details);
        }

        private void proxyStep(EffectiveProxy proxy, URI base, String host, int port, ConnectionSettings s) {
            if (!begin(StepName.PROXY)) {
                return;
            }
            if (proxy.isDirect()) {
                record(StepName.PROXY, Status.SKIPPED, "No proxy: the connection is " + proxy.description(), List.of());
                return;
            }
            List<String> details = new ArrayList<>(List.of("Proxy: " + proxy.description()));
            try {
                if (proxy.proxy().type() == java.net.Proxy.Type.SOCKS) {
                    closeCurrent();
                    Socket sock = new Socket(proxy.proxy());
                    socket = sock;
                    sock.connect(InetSocketAddress.createUnresolved(host, port), (int) Math.max(1, s.connectTimeout().toMillis()));
                    record(StepName.PROXY, Status.OK, "The SOCKS proxy connected to " + host + ":" + port, details);
                    return;
                }
                if (!base.getScheme().equals("https")) {
                    record(StepName.PROXY, Status.OK, "Plain-HTTP requests are forwarded by the proxy (no tunnel needed)", details);
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(s.readTimeout().toMillis(), 30_000)));
                ProxyTunnel.Answer a = ProxyTunnel.connect(socket, host, port, proxy);
                details.add("Proxy answered: " + a.statusLine());
                a.proxyAuthenticate().forEach(c -> details.add("Proxy-Authenticate: " + c));
                record(StepName.PROXY, a.tunnelOpen() ? Status.OK : Status.FAILED, a.message(), details);
            } catch (IOException e) {
                details.add("Error: " + e);
                record(StepName.PROXY, Status.FAILED, "The proxy did not open a tunnel to " + host + ":" + port + ": "
                        + ConnectionFailures.explain(e, proxy.host() + ":" + proxy.port()), details);
            }
        }

        private void tls(URI base, String host, int port, HttpClientFactory.Built built, ConnectionSettings s) {
            if (!begin(StepName.TLS)) {
                return;
            }
            if (!base.getScheme().equals("https")) {
                closeCurrent();
                record(StepName.TLS, Status.WARNING, "The PCE address uses plain HTTP: the credentials and all data travel "
                        + "unencrypted; PCEs serve HTTPS (usually on port 8443): use an https:// address", List.of());
                return;
            }
            int timeout = (int) Math.max(1, Math.min(s.readTimeout().toMillis(), 30_000));
            TlsProbe.Outcome o = TlsProbe.handshake(socket, host, port, built.tls(), timeout);
            closeCurrent();
            if (o.ok() && built.insecure()) {
                record(StepName.TLS, Status.WARNING, "TLS works, but certificate verification is OFF: anyone on the network "
                        + "path could impersonate the PCE and capture the credentials; add the PCE's CA bundle and turn "
                        + "verification on", o.details());
            } else {
                record(StepName.TLS, o.ok() ? Status.OK : Status.FAILED, o.message(), o.details());
            }
        }

        private void authentication(ConnectionSettings s) {
            if (!begin(StepName.AUTHENTICATION)) {
                return;
            }
            String user = s.credentials().username();
            Answer a = get(s, "/product_version", StepName.AUTHENTICATION);
            if (a == null) {
                return;
            }
            List<String> details = a.details();
            if (a.status() == 200 && a.json() != null && a.json().isObject()) {
                productVersion = a.json();
                version = ApiProbe.text(a.json(), "version");
                longVersion = ApiProbe.text(a.json(), "long_display");
                record(StepName.AUTHENTICATION, Status.OK, "The PCE accepted the credentials of '" + user + "'", details);
            } else if (a.status() == 401) {
                record(StepName.AUTHENTICATION, Status.FAILED, "The PCE rejected the credentials of '" + user + "' (HTTP 401: "
                        + a.pceMessage() + "): check the API key's authentication user name (api_…) and its secret, or the "
                        + "user's email and password", details);
            } else if (a.status() == 403) {
                record(StepName.AUTHENTICATION, Status.FAILED, "The PCE refused '" + user + "' (HTTP 403: " + a.pceMessage()
                        + "): the user or API key may be disabled, or lack any role", details);
            } else if (a.status() == 407) {
                record(StepName.AUTHENTICATION, Status.FAILED, "The proxy requires authentication (HTTP 407): enter the proxy "
                        + "user name and password in the proxy settings", details);
            } else if (a.status() == 200) {
                record(StepName.AUTHENTICATION, Status.FAILED, "The server answered, but not like a PCE (no JSON version "
                        + "object): check that the address is the PCE's API address, not a portal or another service", details);
            } else {
                record(StepName.AUTHENTICATION, Status.FAILED, "The server answered HTTP " + a.status() + " (" + a.pceMessage()
                        + ") to GET /api/v2/product_version: check that the address is a PCE"
                        + (a.status() >= 500 ? ", or retry later: the PCE reports an error" : ""), details);
            }
        }

        private void orgAccess(ConnectionSettings s) {
            if (!begin(StepName.ORG_ACCESS)) {
                return;
            }
            int org = s.orgId();
            Answer a = get(s, s.orgPrefix() + "/labels?max_results=1", StepName.ORG_ACCESS);
            if (a == null) {
                return;
            }
            if (a.status() == 200) {
                record(StepName.ORG_ACCESS, Status.OK, "Org " + org + " is accessible: its labels can be read", a.details());
            } else if (a.status() == 401) {
                // Some PCEs answer product_version without credentials: a 401 here is still about the credentials.
                record(StepName.ORG_ACCESS, Status.FAILED, "The PCE rejected the credentials of '" + s.credentials().username()
                        + "' (HTTP 401: " + a.pceMessage() + "): check the API key's user name and secret, or the email and "
                        + "password", a.details());
            } else if (a.status() == 404 || a.status() == 403) {
                record(StepName.ORG_ACCESS, Status.FAILED, "Org " + org + (a.status() == 404
                        ? " does not exist on this PCE or is not the org of these credentials"
                        : " cannot be read with these credentials") + " (HTTP " + a.status() + ": " + a.pceMessage()
                        + "): check the org id, shown with the API key in the PCE console (user menu → My API Keys)"
                        + (a.status() == 403 ? ", and that the user has a role that can read labels" : ""), a.details());
            } else {
                record(StepName.ORG_ACCESS, Status.FAILED, "Reading org " + org + "'s labels failed with HTTP " + a.status()
                        + " (" + a.pceMessage() + ")", a.details());
            }
        }

        private void versionStep() {
            if (!begin(StepName.PCE_VERSION)) {
                return;
            }
            if (version == null || version.isBlank()) {
                record(StepName.PCE_VERSION, Status.WARNING, "The PCE did not report its version",
                        productVersion == null ? List.of() : List.of("product_version: " + productVersion));
                return;
            }
            List<String> details = new ArrayList<>();
            for (String f : List.of("version", "long_display", "build", "release_info")) {
                String v = ApiProbe.text(productVersion, f);
                if (v != null && !v.isBlank()) {
                    details.add(f + ": " + v);
                }
            }
            record(StepName.PCE_VERSION, Status.OK, "PCE version " + version
                    + (longVersion == null || longVersion.equals(version) ? "" : " (" + longVersion + ")"), details);
        }

        /** GET under /api/v2; on an I/O failure records the step as failed and returns null. */
        private Answer get(ConnectionSettings s, String path, StepName step) {
            try {
                return ApiProbe.get(client, s, path, cancel());
            } catch (IOException e) {
                URI base = s.baseUri();
                String where = ProxyResolver.stripBrackets(base.getHost()) + ":" + base.getPort();
                String hint = base.getScheme().equals("http") ? " (if the PCE serves HTTPS on this port, use an https:// address)" : "";
                record(step, Status.FAILED, ConnectionFailures.explain(e, where) + hint, List.of("GET /api/v2" + path, "Error: " + e));
                return null;
            }
        }
    }
}
