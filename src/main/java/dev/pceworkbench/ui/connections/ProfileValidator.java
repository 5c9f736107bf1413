package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.ProxyMode;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.ui.connections.ProfileEditorViewModel.Field;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules a profile form must satisfy before it can be saved, checked or connected, as one
 * message per offending field (in form order). The address rules are those of
 * {@link ConnectionSettings#baseUri()}, so whatever passes here is an address the client accepts.
 * Files are checked for existence and readability, and PEM keys for encryption, so a missing
 * passphrase is reported here rather than at connect time.
 */
final class ProfileValidator {
    /** Files larger than this are not opened just to look for PEM markers. */
    private static final long MAX_INSPECTED_FILE = 5L * 1024 * 1024;

    private ProfileValidator() {
    }

    static Map<Field, String> validate(ProfileEditorViewModel e) {
        Map<Field, String> m = new LinkedHashMap<>();
        if (blank(e.nameProperty().get())) {
            m.put(Field.NAME, "Enter a name for the profile");
        }
        if (e.isEmbeddedDemo()) {
            // The demo's address, key and CA are set up by the app; only the name is the user's.
            return m;
        }
        target(e, m);
        if (blank(e.orgIdProperty().get())) {
            m.put(Field.ORG_ID, "Enter the org id (shown with the API key in the PCE console)");
        } else if (parsePositive(e.orgIdProperty().get()) <= 0) {
            m.put(Field.ORG_ID, "The org id must be a positive whole number");
        }
        boolean apiKey = e.credentialTypeProperty().get() == CredentialType.API_KEY;
        if (blank(e.usernameProperty().get())) {
            m.put(Field.USERNAME, apiKey ? "Enter the API key's authentication user name (api_…)"
                    : "Enter the user's email (or user name)");
        }
        if (e.secretProperty().get() == null || e.secretProperty().get().isEmpty()) {
            m.put(Field.SECRET, apiKey ? "Enter the API key's secret" : "Enter the user's password");
        }
        proxy(e, m);
        if (!blank(e.caBundlePathProperty().get())) {
            String p = fileProblem(e.caBundlePathProperty().get(), "CA bundle");
            if (p == null && !contains(e.caBundlePathProperty().get(), "-----BEGIN CERTIFICATE-----", true)) {
                p = "The CA bundle must be a PEM file with -----BEGIN CERTIFICATE----- blocks";
            }
            put(m, Field.CA_BUNDLE, p);
        }
        clientCertificate(e, m);
        return m;
    }

    private static void target(ProfileEditorViewModel e, Map<Field, String> m) {
        String target = e.targetProperty().get();
        boolean urlHasPort = false;
        if (blank(target)) {
            m.put(Field.TARGET, "Enter the PCE's address: a host name such as pce.example.com, or a URL");
        } else {
            try {
                ConnectionSettings.of(target, 0, 1, new Credentials.ApiKey("-", "-")).baseUri();
                String t = target.trim().toLowerCase(Locale.ROOT);
                urlHasPort = t.contains("://") && new URI(target.trim()).getPort() > 0;
            } catch (java.net.URISyntaxException ex) {
                m.put(Field.TARGET, "'" + target.trim() + "' is not a host name or URL");
            } catch (IllegalArgumentException ex) {
                String msg = ex.getMessage() == null ? "" : ex.getMessage();
                m.put(Field.TARGET, msg.startsWith("The PCE") || msg.startsWith("'") ? msg
                        : "'" + target.trim() + "' is not a host name or URL (" + msg + ")");
            }
        }
        String port = e.portProperty().get();
        if (blank(port)) {
            if (!urlHasPort) {
                m.put(Field.PORT, "Enter the port (PCEs usually listen on 8443)");
            }
        } else if (!validPort(port)) {
            m.put(Field.PORT, "The port must be a number from 1 to 65535");
        }
    }

    private static void proxy(ProfileEditorViewModel e, Map<Field, String> m) {
        if (e.proxyModeProperty().get() != ProxyMode.MANUAL) {
            return;
        }
        String host = e.proxyHostProperty().get();
        if (blank(host)) {
            m.put(Field.PROXY_HOST, "Enter the proxy's host name or IP address");
        } else if (host.contains("://") || host.trim().contains(" ") || host.contains("/")) {
            m.put(Field.PROXY_HOST, "Enter only the proxy's host name or IP address (no scheme, port or path)");
        }
        String port = e.proxyPortProperty().get();
        if (blank(port)) {
            m.put(Field.PROXY_PORT, "Enter the proxy's port (often 3128 or 8080)");
        } else if (!validPort(port)) {
            m.put(Field.PROXY_PORT, "The proxy port must be a number from 1 to 65535");
        }
        String password = e.proxyPasswordProperty().get();
        if (password != null && !password.isEmpty() && blank(e.proxyUsernameProperty().get())) {
            m.put(Field.PROXY_USERNAME, "Enter the proxy user name that goes with the password");
        }
    }

    private static void clientCertificate(ProfileEditorViewModel e, Map<Field, String> m) {
        ClientCertType type = e.clientCertTypeProperty().get();
        if (type == ClientCertType.NONE) {
            return;
        }
        String what = switch (type) {
            case PEM_PAIR -> "client certificate and key (PEM)";
            case CERT_AND_KEY -> "client certificate";
            case PKCS12 -> "PKCS#12 (.p12/.pfx)";
            case NONE -> "";
        };
        String cert = e.clientCertPathProperty().get();
        String certProblem = blank(cert) ? "Choose the " + what + " file" : fileProblem(cert, what);
        put(m, Field.CLIENT_CERT, certProblem);
        String key = e.clientKeyPathProperty().get();
        String keyProblem = null;
        if (type == ClientCertType.CERT_AND_KEY) {
            keyProblem = blank(key) ? "Choose the client private key file" : fileProblem(key, "client key");
            put(m, Field.CLIENT_KEY, keyProblem);
        }
        String passphrase = e.clientKeyPassphraseProperty().get();
        if (passphrase != null && !passphrase.isEmpty()) {
            return;
        }
        boolean needed = switch (type) {
            // PKCS#12 files are practically always password-protected; an empty password is an oversight.
            case PKCS12 -> true;
            case PEM_PAIR -> certProblem == null && encryptedKey(cert);
            case CERT_AND_KEY -> keyProblem == null && encryptedKey(key);
            case NONE -> false;
        };
        if (needed) {
            m.put(Field.CLIENT_KEY_PASSPHRASE, type == ClientCertType.PKCS12 ? "Enter the PKCS#12 file's password"
                    : "The private key is encrypted: enter its passphrase");
        }
    }

    /** What is wrong with a file the profile needs, or null when it exists and can be read. */
    static String fileProblem(String path, String what) {
        Path p;
        try {
            p = Path.of(path.trim());
        } catch (InvalidPathException ex) {
            return "'" + path + "' is not a valid file path";
        }
        if (!Files.exists(p)) {
            return "The " + what + " file " + p + " does not exist";
        }
        if (Files.isDirectory(p)) {
            return p + " is a folder, not a " + what + " file";
        }
        if (!Files.isReadable(p)) {
            return "The " + what + " file " + p + " cannot be read: check its permissions";
        }
        return null;
    }

    private static boolean encryptedKey(String path) {
        return contains(path, "ENCRYPTED PRIVATE KEY", false) || contains(path, "Proc-Type: 4,ENCRYPTED", false);
    }

    /**
     * Whether a readable file contains {@code marker}; {@code ifUnknown} for files too large to
     * inspect or unreadable ones (those are left to the client, which names the problem itself).
     */
    private static boolean contains(String path, String marker, boolean ifUnknown) {
        try {
            Path p = Path.of(path.trim());
            if (Files.size(p) > MAX_INSPECTED_FILE) {
                return ifUnknown;
            }
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException | InvalidPathException ex) {
            return ifUnknown;
        }
    }

    static boolean validPort(String s) {
        int p = parsePositive(s);
        return p >= 1 && p <= 65535;
    }

    /** The number in {@code s}, or -1 when it is not a plain non-negative whole number. */
    static int parsePositive(String s) {
        if (s == null || !s.trim().matches("\\d{1,9}")) {
            return -1;
        }
        return Integer.parseInt(s.trim());
    }

    private static void put(Map<Field, String> m, Field f, String problem) {
        if (problem != null) {
            m.put(f, problem);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
