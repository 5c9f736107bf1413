package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.ProxySettings;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proxy decision rules, without sockets: variable precedence, URL parsing, NO_PROXY matching. */
class ProxyResolverTest {
    static final URI PCE = URI.create("https://pce.example.com:8443");

    private static EffectiveProxy system(Map<String, String> env) {
        return ProxyResolver.resolve(ProxySettings.system(), PCE, env, null);
    }

    @Test
    void lowerCaseVariablesWinAndAllProxyIsTheFallback() {
        EffectiveProxy p = system(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));
        assertEquals("lower", p.host());
        assertEquals("https_proxy", p.source());
        assertEquals("all", system(Map.of("ALL_PROXY", "all:3128")).host());
        assertEquals(3128, system(Map.of("ALL_PROXY", "all:3128")).port());
        assertTrue(system(Map.of("HTTPS_PROXY", "  ")).isDirect(), "blank means unset");
    }

    @Test
    void proxyUrlsAreParsedLikeRequestsDoes() {
        EffectiveProxy p = system(Map.of("HTTPS_PROXY", "http://us%40er:p%3Ass@proxy.corp:3128/"));
        assertEquals("us@er", p.username());
        assertEquals("p:ss", p.password());
        assertEquals("proxy.corp", p.host());
        assertEquals(3128, p.port());
        assertFalse(p.toString().contains("p:ss"));
        assertEquals(80, system(Map.of("HTTPS_PROXY", "proxy.corp")).port());
        assertEquals(Proxy.Type.SOCKS, system(Map.of("HTTPS_PROXY", "socks5://s:1080")).proxy().type());
        assertEquals("::1", system(Map.of("HTTPS_PROXY", "http://[::1]:8080")).host());
        assertThrows(PceConfigurationException.class, () -> system(Map.of("HTTPS_PROXY", "ftp://x:1")));
        assertThrows(PceConfigurationException.class, () -> system(Map.of("HTTPS_PROXY", "http://x:notaport")));
    }

    @Test
    void noProxyMatchesHostsSuffixesPortsAndCidrs() {
        assertTrue(ProxyResolver.bypasses("example.com", "pce.example.com", 8443));
        assertTrue(ProxyResolver.bypasses(".example.com", "pce.example.com", 8443));
        assertTrue(ProxyResolver.bypasses("*.example.com", "pce.example.com", 8443));
        assertTrue(ProxyResolver.bypasses("EXAMPLE.COM", "pce.example.com.", 8443));
        assertFalse(ProxyResolver.bypasses("example.com", "badexample.com", 8443));
        assertTrue(ProxyResolver.bypasses("a.org, pce.example.com:8443", "pce.example.com", 8443));
        assertFalse(ProxyResolver.bypasses("pce.example.com:443", "pce.example.com", 8443));
        assertTrue(ProxyResolver.bypasses("10.0.0.0/8", "10.1.2.3", 8443));
        assertFalse(ProxyResolver.bypasses("10.0.0.0/8", "11.1.2.3", 8443));
        assertTrue(ProxyResolver.bypasses("[::1]", "[::1]", 8443));
        assertTrue(ProxyResolver.bypasses("*", "anything", 1));
        assertFalse(ProxyResolver.bypasses("", "pce.example.com", 8443));
    }

    @Test
    void noProxyOnlyMattersWhenTheEnvironmentNamesAProxy() {
        EffectiveProxy p = system(Map.of("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "example.com"));
        assertTrue(p.isDirect());
        assertEquals("direct (no_proxy matches pce.example.com)", p.description());
        assertTrue(system(Map.of("NO_PROXY", "other.org")).isDirect());
        assertNull(ProxyResolver.fromEnvironment("https", "pce.example.com", 8443, Map.of("NO_PROXY", "*")));
    }

    @Test
    void systemModeFallsBackToTheJvmSelector() {
        Proxy jvm = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm-proxy", 8080));
        ProxySelector selector = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(jvm);
            }

            @Override
            public void connectFailed(URI uri, java.net.SocketAddress sa, java.io.IOException ioe) {
            }
        };
        EffectiveProxy p = ProxyResolver.resolve(ProxySettings.system(), PCE, Map.of(), selector);
        assertEquals("jvm-proxy", p.host());
        assertEquals("the system proxy settings", p.source());
        EffectiveProxy env = ProxyResolver.resolve(ProxySettings.system(), PCE, Map.of("HTTPS_PROXY", "http://e:1"), selector);
        assertEquals("e", env.host());
    }

    @Test
    void manualProxyNeedsAHostAndAPort() {
        assertThrows(PceConfigurationException.class,
                () -> ProxyResolver.resolve(ProxySettings.manual(" ", 3128, null, null), PCE, Map.of(), null));
        assertThrows(PceConfigurationException.class,
                () -> ProxyResolver.resolve(ProxySettings.manual("proxy", 0, null, null), PCE, Map.of(), null));
        // Overrides on, but the environment only has NO_PROXY: the manual proxy stays.
        EffectiveProxy p = ProxyResolver.resolve(ProxySettings.manual("proxy", 3128, "u", "p"), PCE,
                Map.of("NO_PROXY", "example.com"), null);
        assertEquals("proxy", p.host());
        assertEquals("manual settings", p.source());
    }
}
