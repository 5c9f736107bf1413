package dev.pceworkbench.connection;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.ProxySettings;
import dev.pceworkbench.pce.TlsSettings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns profiles into live connections: resolves a profile's secrets from the {@link SecretStore}
 * into {@link ConnectionSettings} (starting the embedded demo PCE for the demo profile), opens a
 * {@link PceClient} and reads the PCE version, and holds the active connection as an observable
 * property. {@link #open} does I/O and belongs in a background task; {@link #activate} is for the
 * UI thread.
 */
public final class ConnectionManager implements AutoCloseable {
    private final SecretStore secrets;
    private final EmbeddedDemo demo;
    private final ReadOnlyObjectWrapper<ActiveConnection> active = new ReadOnlyObjectWrapper<>(this, "active");

    public ConnectionManager(SecretStore secrets, EmbeddedDemo demo) {
        this.secrets = secrets;
        this.demo = demo;
    }

    public ReadOnlyObjectProperty<ActiveConnection> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Optional<ActiveConnection> active() {
        return Optional.ofNullable(active.get());
    }

    public SecretStore secrets() {
        return secrets;
    }

    public EmbeddedDemo demo() {
        return demo;
    }

    /**
     * The settings a profile stands for, with its secrets. The embedded demo profile gets the
     * running demo's URL, API key and CA. A missing secret is a clear configuration error.
     */
    public ConnectionSettings settingsFor(ConnectionProfile p) {
        if (p.embeddedDemo()) {
            DemoPce pce = demo.pce();
            return ConnectionSettings.of(pce.baseUrl(), 0, pce.credentials().orgId(),
                            new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                    .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem()));
        }
        String secret = secrets.get(p.secretKey(p.credentialSecretKind())).orElseThrow(() ->
                new PceConfigurationException("No " + (p.credentialType() == ConnectionProfile.CredentialType.API_KEY
                        ? "API secret" : "password") + " is stored for profile '" + p.name() + "'"
                        + (secrets.persistent() ? "" : " (secrets are kept for this session only)") + ": enter it in the profile"));
        Credentials creds = p.credentialType() == ConnectionProfile.CredentialType.API_KEY
                ? new Credentials.ApiKey(p.username(), secret) : new Credentials.UserPassword(p.username(), secret);
        ProxySettings proxy = switch (p.proxyMode()) {
            case NONE -> ProxySettings.none();
            case SYSTEM -> ProxySettings.system();
            case MANUAL -> ProxySettings.manual(p.proxyHost(), p.proxyPort(), blankToNull(p.proxyUsername()),
                    secrets.get(p.secretKey(ConnectionProfile.SecretKind.PROXY_PASSWORD)).orElse(null));
        };
        TlsSettings tls = p.tlsVerify() ? TlsSettings.verifying() : TlsSettings.insecure();
        if (p.caBundlePath() != null && !p.caBundlePath().isBlank()) {
            tls = tls.withCaBundleFile(Path.of(p.caBundlePath()));
        }
        char[] passphrase = secrets.get(p.secretKey(ConnectionProfile.SecretKind.CLIENT_KEY_PASSPHRASE))
                .map(String::toCharArray).orElse(null);
        tls = switch (p.clientCertType()) {
            case NONE -> tls;
            case PEM_PAIR -> tls.withClientCertificate(new TlsSettings.ClientCertificate.PemBundle(Path.of(p.clientCertPath()), passphrase));
            case CERT_AND_KEY -> tls.withClientCertificate(new TlsSettings.ClientCertificate.CertificateAndKey(
                    Path.of(p.clientCertPath()), Path.of(p.clientKeyPath()), passphrase));
            case PKCS12 -> tls.withClientCertificate(new TlsSettings.ClientCertificate.Pkcs12(Path.of(p.clientCertPath()), passphrase));
        };
        return ConnectionSettings.of(p.target(), p.port(), p.orgId(), creds).withProxy(proxy).withTls(tls);
    }

    /** Opens a client for the profile and reads the PCE's version (I/O: run in a background task). */
    public ActiveConnection open(ConnectionProfile p, CancellationToken token) {
        PceClient client = PceClient.connect(settingsFor(p));
        String version = client.productVersion(token).version();
        return new ActiveConnection(p, client, version, client.insecure());
    }

    /** Makes {@code connection} the active one (UI thread). */
    public void activate(ActiveConnection connection) {
        active.set(connection);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void close() {
        demo.close();
    }
}
