package dev.pceworkbench.pce.http;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceConnectionException;
import dev.pceworkbench.pce.ProxySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.pceworkbench.pce.http.PceTestSupport.productVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS to the demo PCE through a real forwarding proxy: environment and manual proxies, proxy
 * authentication answered on a 407, NO_PROXY, and the environment overriding a manual proxy.
 */
class ProxyTest {
    static DemoPce pce;
    static String target;

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        target = "127.0.0.1:" + pce.port();
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    /** Builds a client with the proxy settings and environment, does one GET, returns the client description. */
    private static HttpClientFactory.Built call(ProxySettings proxy, Map<String, String> env) throws IOException {
        ConnectionSettings s = PceTestSupport.trusting(pce).withProxy(proxy);
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, env, null);
        try {
            assertEquals("23.2.10", productVersion(b.client(), s).get("version").asText());
            return b;
        } finally {
            PceTestSupport.shutdown(b.client());
        }
    }

    @Test
    void systemModeTunnelsThroughHttpsProxyFromTheEnvironment() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.start()) {
            HttpClientFactory.Built b = call(ProxySettings.system(), Map.of("HTTPS_PROXY", proxy.url()));
            assertEquals(1, proxy.tunnels());
            assertEquals(List.of(target), proxy.targets());
            assertTrue(b.proxyDescription().contains("127.0.0.1:" + proxy.port()) && b.proxyDescription().contains("HTTPS_PROXY"),
                    b.proxyDescription());
        }
    }

    @Test
    void httpProxyVariableDoesNotApplyToHttpsTargets() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.start()) {
            HttpClientFactory.Built b = call(ProxySettings.system(), Map.of("HTTP_PROXY", proxy.url()));
            assertEquals(0, proxy.tunnels());
            assertTrue(b.proxy().isDirect());
        }
    }

    @Test
    void manualProxyWithAuthenticationAnswersThe407() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.requiringAuth("alice", "pa:ss w0rd")) {
            HttpClientFactory.Built b = call(ProxySettings.manual("127.0.0.1", proxy.port(), "alice", "pa:ss w0rd")
                    .withEnvironmentOverrides(false), Map.of());
            assertEquals(1, proxy.challenges(), "the first CONNECT went without credentials and got a 407");
            assertEquals(1, proxy.tunnels());
            assertEquals(List.of(target), proxy.targets());
            assertTrue(b.proxyDescription().contains("user alice") && !b.proxyDescription().contains("pa:ss"), b.proxyDescription());
        }
    }

    @Test
    void proxyCredentialsInTheEnvironmentUrlAreUsed() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.requiringAuth("bob", "p@ss")) {
            call(ProxySettings.system(), Map.of("https_proxy", "http://bob:p%40ss@127.0.0.1:" + proxy.port()));
            assertEquals(1, proxy.challenges());
            assertEquals(1, proxy.tunnels());
        }
    }

    @Test
    void wrongOrMissingProxyCredentialsFailAsProxyErrors() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.requiringAuth("alice", "right")) {
            for (ProxySettings p : List.of(ProxySettings.manual("127.0.0.1", proxy.port(), "alice", "wrong"),
                    ProxySettings.manual("127.0.0.1", proxy.port(), null, null))) {
                ConnectionSettings s = PceTestSupport.trusting(pce).withProxy(p.withEnvironmentOverrides(false));
                HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of(), null);
                IOException e = assertThrows(IOException.class, () -> productVersion(b.client(), s));
                assertEquals(PceConnectionException.Kind.PROXY, ConnectionFailures.kind(e), e.toString());
                assertTrue(ConnectionFailures.explain(e, target).contains("proxy"), ConnectionFailures.explain(e, target));
                PceTestSupport.shutdown(b.client());
            }
            assertEquals(0, proxy.tunnels());
            assertTrue(proxy.challenges() >= 2);
        }
    }

    @Test
    void noProxyBypassesTheProxy() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.start()) {
            for (String noProxy : List.of("localhost,127.0.0.1", "*", "example.com, 127.0.0.1:" + pce.port(), "127.0.0.0/8")) {
                HttpClientFactory.Built b = call(ProxySettings.system(), Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", noProxy));
                assertTrue(b.proxy().isDirect(), noProxy);
                assertTrue(b.proxyDescription().contains("NO_PROXY matches 127.0.0.1"), b.proxyDescription());
            }
            assertEquals(0, proxy.tunnels());
            // A NO_PROXY entry for another port or host does not bypass.
            call(ProxySettings.system(), Map.of("HTTPS_PROXY", proxy.url(), "no_proxy", "127.0.0.1:1,other.example"));
            assertEquals(1, proxy.tunnels());
        }
    }

    @Test
    void environmentOverridesAManualProxyOnlyWhenAsked() throws IOException {
        try (TestForwardProxy manual = TestForwardProxy.start(); TestForwardProxy fromEnv = TestForwardProxy.start()) {
            Map<String, String> env = Map.of("HTTPS_PROXY", fromEnv.url());
            ProxySettings p = ProxySettings.manual("127.0.0.1", manual.port(), null, null);

            HttpClientFactory.Built b = call(p.withEnvironmentOverrides(true), env);
            assertEquals(1, fromEnv.tunnels());
            assertEquals(0, manual.tunnels());
            assertTrue(b.proxyDescription().contains("HTTPS_PROXY"), b.proxyDescription());

            b = call(p.withEnvironmentOverrides(false), env);
            assertEquals(1, manual.tunnels());
            assertEquals(1, fromEnv.tunnels());
            assertTrue(b.proxyDescription().contains("manual settings"), b.proxyDescription());

            // With overrides on but nothing in the environment, the manual proxy is used.
            call(p.withEnvironmentOverrides(true), Map.of());
            assertEquals(2, manual.tunnels());
        }
    }

    @Test
    void noneIgnoresTheEnvironment() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.start()) {
            HttpClientFactory.Built b = call(ProxySettings.none(), Map.of("HTTPS_PROXY", proxy.url(), "ALL_PROXY", proxy.url()));
            assertEquals(0, proxy.tunnels());
            assertTrue(b.proxy().isDirect());
        }
    }
}
