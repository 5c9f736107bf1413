package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A demo PCE of its own (tests here edit its draft) and a client for it, as the other demo tests set them up. */
final class RuleSetsFixture implements AutoCloseable {
    final DemoPce pce;
    final PceClient client;

    RuleSetsFixture() throws IOException {
        // The JDK server otherwise leaves Nagle on: each small response then waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                        new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())), RetryPolicy.defaults(),
                new RequestLimiter(0), Duration.ofMinutes(2));
    }

    Optional<PceClient> clientOpt() {
        return Optional.of(client);
    }

    /** The first chip among {@code names}' choices of {@code kind} with {@code key} and {@code text}. */
    static Chip choice(ActorNames names, Chip.Kind kind, String key, String text) {
        return names.choices().stream().filter(c -> c.kind() == kind && (key == null || key.equals(c.key()))
                        && (text == null || text.equals(c.text()))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + key + " " + text));
    }

    /** One label of each of the five dimensions of the demo (role, app, env, loc, bu). */
    static List<Chip> fiveLabels(ActorNames names) {
        return List.of("role", "app", "env", "loc", "bu").stream()
                .map(k -> names.choices().stream().filter(c -> c.kind() == Chip.Kind.LABEL && k.equals(c.key()))
                        .findFirst().orElseThrow(() -> new AssertionError("no label of " + k)))
                .toList();
    }

    @Override
    public void close() {
        pce.close();
    }
}
