package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.ProxyMode;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.pce.ConnectionSettings;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The profile form's state: one property per field (numbers as text, so that a half-typed port
 * can be shown and explained), the profile's secrets while they are being edited, and the
 * validation result (a message per field and {@code valid}), recomputed on every change. It knows
 * nothing of stores or controls: {@link ConnectionsViewModel} loads it from a profile and its
 * secrets and turns it back into a {@link ConnectionProfile} plus secrets.
 */
public final class ProfileEditorViewModel {
    /** The form's validated fields. */
    public enum Field {
        NAME, TARGET, PORT, ORG_ID, USERNAME, SECRET, PROXY_HOST, PROXY_PORT, PROXY_USERNAME, CA_BUNDLE, CLIENT_CERT,
        CLIENT_KEY, CLIENT_KEY_PASSPHRASE
    }

    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id");
    private final ReadOnlyBooleanWrapper embeddedDemo = new ReadOnlyBooleanWrapper(this, "embeddedDemo");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty orgId = new SimpleStringProperty(this, "orgId", "");
    private final ObjectProperty<CredentialType> credentialType = new SimpleObjectProperty<>(this, "credentialType", CredentialType.API_KEY);
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final ObjectProperty<ProxyMode> proxyMode = new SimpleObjectProperty<>(this, "proxyMode", ProxyMode.NONE);
    private final StringProperty proxyHost = new SimpleStringProperty(this, "proxyHost", "");
    private final StringProperty proxyPort = new SimpleStringProperty(this, "proxyPort", "");
    private final StringProperty proxyUsername = new SimpleStringProperty(this, "proxyUsername", "");
    private final StringProperty proxyPassword = new SimpleStringProperty(this, "proxyPassword", "");
    private final BooleanProperty tlsVerify = new SimpleBooleanProperty(this, "tlsVerify", true);
    private final StringProperty caBundlePath = new SimpleStringProperty(this, "caBundlePath", "");
    private final ObjectProperty<ClientCertType> clientCertType = new SimpleObjectProperty<>(this, "clientCertType", ClientCertType.NONE);
    private final StringProperty clientCertPath = new SimpleStringProperty(this, "clientCertPath", "");
    private final StringProperty clientKeyPath = new SimpleStringProperty(this, "clientKeyPath", "");
    private final StringProperty clientKeyPassphrase = new SimpleStringProperty(this, "clientKeyPassphrase", "");

    private final ObservableMap<Field, String> errors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ObservableMap<Field, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final Map<Field, ReadOnlyStringWrapper> messages = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final StringBinding tlsWarning = Bindings.createStringBinding(() -> tlsVerify.get() ? ""
            : "Certificate verification is OFF: anyone on the network path could impersonate the PCE and capture the "
            + "credentials. Add the PCE's CA bundle instead.", tlsVerify);
    private final StringBinding usernameLabel = Bindings.createStringBinding(() -> credentialType.get() == CredentialType.API_KEY
            ? "API key user name" : "Email", credentialType);
    private final StringBinding secretLabel = Bindings.createStringBinding(() -> credentialType.get() == CredentialType.API_KEY
            ? "API secret" : "Password", credentialType);
    private final Set<Field> revealed = EnumSet.noneOf(Field.class);
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary", "");
    private ConnectionProfile original;
    private boolean loading;

    public ProfileEditorViewModel() {
        for (Field f : Field.values()) {
            messages.put(f, new ReadOnlyStringWrapper(this, "message" + f, ""));
        }
        Observable[] all = {name, target, port, orgId, credentialType, username, secret, proxyMode, proxyHost, proxyPort,
                proxyUsername, proxyPassword, tlsVerify, caBundlePath, clientCertType, clientCertPath, clientKeyPath,
                clientKeyPassphrase, embeddedDemo};
        for (Observable o : all) {
            o.addListener(x -> {
                if (!loading) {
                    dirty.set(true);
                    validate();
                }
            });
        }
        // A field's message shows once the user has edited it (or asked to save, check or connect):
        // a blank new profile does not greet the user with a column of errors.
        Map<Field, Observable> edits = Map.ofEntries(Map.entry(Field.NAME, name), Map.entry(Field.TARGET, target),
                Map.entry(Field.PORT, port), Map.entry(Field.ORG_ID, orgId), Map.entry(Field.USERNAME, username),
                Map.entry(Field.SECRET, secret), Map.entry(Field.PROXY_HOST, proxyHost),
                Map.entry(Field.PROXY_PORT, proxyPort), Map.entry(Field.PROXY_USERNAME, proxyUsername),
                Map.entry(Field.CA_BUNDLE, caBundlePath), Map.entry(Field.CLIENT_CERT, clientCertPath),
                Map.entry(Field.CLIENT_KEY, clientKeyPath), Map.entry(Field.CLIENT_KEY_PASSPHRASE, clientKeyPassphrase));
        edits.forEach((f, o) -> o.addListener(x -> {
            if (!loading && revealed.add(f)) {
                showMessages();
            }
        }));
        proxyPassword.addListener(x -> {
            if (!loading && revealed.add(Field.PROXY_USERNAME)) {
                showMessages();
            }
        });
        loadNew();
    }

    /** Shows {@code p} with its {@code secrets}; the form is clean afterwards. */
    public void load(ConnectionProfile p, Map<SecretKind, String> secrets) {
        revealed.addAll(EnumSet.allOf(Field.class));
        fill(p, secrets);
        saved.set(true);
        dirty.set(false);
    }

    /** A blank profile with the usual defaults (port 8443, org 1, API key, verified TLS), not yet saved. */
    public void loadNew() {
        revealed.clear();
        fill(new ConnectionProfile(UUID.randomUUID().toString(), "New profile", "", ConnectionSettings.DEFAULT_PORT, 1,
                CredentialType.API_KEY, "", ProxyMode.NONE, "", 0, "", true, "", ClientCertType.NONE, "", "", false), Map.of());
        saved.set(false);
        dirty.set(false);
    }

    /** An unsaved profile pre-filled from {@code p} and {@code secrets} (a duplicate); it counts as changed. */
    public void loadDraft(ConnectionProfile p, Map<SecretKind, String> secrets) {
        revealed.addAll(EnumSet.allOf(Field.class));
        fill(p, secrets);
        saved.set(false);
        dirty.set(true);
    }

    private void fill(ConnectionProfile p, Map<SecretKind, String> s) {
        loading = true;
        try {
            original = p;
            id.set(p.id());
            embeddedDemo.set(p.embeddedDemo());
            name.set(text(p.name()));
            target.set(text(p.target()));
            port.set(p.port() > 0 ? Integer.toString(p.port()) : "");
            orgId.set(p.orgId() > 0 ? Integer.toString(p.orgId()) : "");
            credentialType.set(p.credentialType());
            username.set(text(p.username()));
            secret.set(text(s.get(p.credentialSecretKind())));
            proxyMode.set(p.proxyMode());
            proxyHost.set(text(p.proxyHost()));
            proxyPort.set(p.proxyPort() > 0 ? Integer.toString(p.proxyPort()) : "");
            proxyUsername.set(text(p.proxyUsername()));
            proxyPassword.set(text(s.get(SecretKind.PROXY_PASSWORD)));
            tlsVerify.set(p.tlsVerify());
            caBundlePath.set(text(p.caBundlePath()));
            clientCertType.set(p.clientCertType());
            clientCertPath.set(text(p.clientCertPath()));
            clientKeyPath.set(text(p.clientKeyPath()));
            clientKeyPassphrase.set(text(s.get(SecretKind.CLIENT_KEY_PASSPHRASE)));
        } finally {
            loading = false;
        }
        validate();
    }

    /** The profile as the form says (no secrets). The embedded demo keeps its fixed settings; only its name changes. */
    public ConnectionProfile toProfile() {
        if (embeddedDemo.get()) {
            return renamed(original, name.get().trim());
        }
        ClientCertType cert = clientCertType.get();
        return new ConnectionProfile(id.get(), name.get().trim(), target.get().trim(), number(port.get()),
                number(orgId.get()), credentialType.get(), username.get().trim(), proxyMode.get(),
                proxyMode.get() == ProxyMode.MANUAL ? proxyHost.get().trim() : null,
                proxyMode.get() == ProxyMode.MANUAL ? number(proxyPort.get()) : 0,
                proxyMode.get() == ProxyMode.MANUAL ? blankToNull(proxyUsername.get()) : null,
                tlsVerify.get(), blankToNull(caBundlePath.get()), cert,
                cert == ClientCertType.NONE ? null : blankToNull(clientCertPath.get()),
                cert == ClientCertType.CERT_AND_KEY ? blankToNull(clientKeyPath.get()) : null, false);
    }

    /** The secrets the current settings use (blank ones left out), by kind. */
    public Map<SecretKind, String> secrets() {
        Map<SecretKind, String> out = new EnumMap<>(SecretKind.class);
        if (embeddedDemo.get()) {
            return out;
        }
        putIfSet(out, credentialType.get() == CredentialType.API_KEY ? SecretKind.API_SECRET : SecretKind.PASSWORD, secret.get());
        if (proxyMode.get() == ProxyMode.MANUAL) {
            putIfSet(out, SecretKind.PROXY_PASSWORD, proxyPassword.get());
        }
        if (clientCertType.get() != ClientCertType.NONE) {
            putIfSet(out, SecretKind.CLIENT_KEY_PASSPHRASE, clientKeyPassphrase.get());
        }
        return out;
    }

    /**
     * After a successful save of {@code p} with {@code secrets} (which ran in the background): the
     * form matches what is stored, unless it no longer holds exactly that.
     */
    void markSaved(ConnectionProfile p, Map<SecretKind, String> secrets) {
        boolean same = p.equals(toProfile()) && secrets.equals(secrets());
        original = p;
        saved.set(true);
        dirty.set(!same);
    }

    private void validate() {
        Map<Field, String> found = ProfileValidator.validate(this);
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        showMessages();
        valid.set(found.isEmpty());
    }

    private void showMessages() {
        List<String> shown = new ArrayList<>();
        for (Field f : Field.values()) {
            String m = revealed.contains(f) ? errors.getOrDefault(f, "") : "";
            messages.get(f).set(m);
            if (!m.isEmpty()) {
                shown.add(m);
            }
        }
        problemSummary.set(shown.isEmpty() ? "" : shown.size() == 1 ? shown.get(0)
                : shown.get(0) + " (and " + (shown.size() - 1) + " more)");
    }

    /**
     * Shows every field's message, edited or not: the user asked to save, check or connect, so
     * what stands in the way must be visible.
     */
    public void revealAllMessages() {
        revealed.addAll(EnumSet.allOf(Field.class));
        showMessages();
    }

    // --- state -------------------------------------------------------------------------------

    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty embeddedDemoProperty() {
        return embeddedDemo.getReadOnlyProperty();
    }

    public boolean isEmbeddedDemo() {
        return embeddedDemo.get();
    }

    /** False for a new or duplicated profile until it is saved. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** True when the form differs from what was loaded or last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The validation message of each invalid field (read-only; recomputed on every change). */
    public ObservableMap<Field, String> errors() {
        return errorsView;
    }

    /**
     * The first problem shown on the form, with how many more are shown ("… (and 2 more)"), or
     * empty: like the fields, quiet until they are edited or a save, check or connect is asked for.
     */
    public ReadOnlyStringProperty problemSummaryBinding() {
        return problemSummary.getReadOnlyProperty();
    }

    /** The field's validation message, empty when the field is fine. */
    public ReadOnlyStringProperty messageProperty(Field f) {
        return messages.get(f).getReadOnlyProperty();
    }

    public String message(Field f) {
        return messages.get(f).get();
    }

    /** The warning to show while TLS verification is off; empty while it is on. */
    public StringBinding tlsWarningProperty() {
        return tlsWarning;
    }

    public StringBinding usernameLabelProperty() {
        return usernameLabel;
    }

    public StringBinding secretLabelProperty() {
        return secretLabel;
    }

    public BooleanBinding manualProxyProperty() {
        return proxyMode.isEqualTo(ProxyMode.MANUAL);
    }

    public BooleanBinding clientCertificateProperty() {
        return clientCertType.isNotEqualTo(ClientCertType.NONE);
    }

    public BooleanBinding separateClientKeyProperty() {
        return clientCertType.isEqualTo(ClientCertType.CERT_AND_KEY);
    }

    // --- fields ------------------------------------------------------------------------------

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty orgIdProperty() {
        return orgId;
    }

    public ObjectProperty<CredentialType> credentialTypeProperty() {
        return credentialType;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The API secret or the password (by credential type). */
    public StringProperty secretProperty() {
        return secret;
    }

    public ObjectProperty<ProxyMode> proxyModeProperty() {
        return proxyMode;
    }

    public StringProperty proxyHostProperty() {
        return proxyHost;
    }

    public StringProperty proxyPortProperty() {
        return proxyPort;
    }

    public StringProperty proxyUsernameProperty() {
        return proxyUsername;
    }

    public StringProperty proxyPasswordProperty() {
        return proxyPassword;
    }

    public BooleanProperty tlsVerifyProperty() {
        return tlsVerify;
    }

    public StringProperty caBundlePathProperty() {
        return caBundlePath;
    }

    public ObjectProperty<ClientCertType> clientCertTypeProperty() {
        return clientCertType;
    }

    public StringProperty clientCertPathProperty() {
        return clientCertPath;
    }

    public StringProperty clientKeyPathProperty() {
        return clientKeyPath;
    }

    public StringProperty clientKeyPassphraseProperty() {
        return clientKeyPassphrase;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int number(String s) {
        return Math.max(0, ProfileValidator.parsePositive(s));
    }

    private static void putIfSet(Map<SecretKind, String> out, SecretKind kind, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(kind, value);
        }
    }

    private static ConnectionProfile renamed(ConnectionProfile p, String newName) {
        return new ConnectionProfile(p.id(), newName, p.target(), p.port(), p.orgId(), p.credentialType(), p.username(),
                p.proxyMode(), p.proxyHost(), p.proxyPort(), p.proxyUsername(), p.tlsVerify(), p.caBundlePath(),
                p.clientCertType(), p.clientCertPath(), p.clientKeyPath(), p.embeddedDemo());
    }
}
