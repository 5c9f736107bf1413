package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.connection.SessionSecretStore;

import java.util.EnumMap;
import java.util.Map;

/**
 * Moves one profile's secrets between the {@link SecretStore} and the form, by kind. Writing puts
 * the secrets the profile uses and deletes the others, so a secret the profile no longer needs
 * (the password after switching to an API key) does not linger in the keychain.
 */
final class ProfileSecrets {
    private ProfileSecrets() {
    }

    static Map<SecretKind, String> read(SecretStore store, ConnectionProfile p) {
        Map<SecretKind, String> out = new EnumMap<>(SecretKind.class);
        if (!p.embeddedDemo()) {
            for (SecretKind k : SecretKind.values()) {
                store.get(p.secretKey(k)).ifPresent(v -> out.put(k, v));
            }
        }
        return out;
    }

    static void write(SecretStore store, ConnectionProfile p, Map<SecretKind, String> secrets) {
        for (SecretKind k : SecretKind.values()) {
            String v = secrets.get(k);
            if (v != null && !v.isEmpty()) {
                store.put(p.secretKey(k), v);
            } else {
                store.delete(p.secretKey(k));
            }
        }
    }

    static void deleteAll(SecretStore store, ConnectionProfile p) {
        for (SecretKind k : SecretKind.values()) {
            store.delete(p.secretKey(k));
        }
    }

    /** A throw-away store holding just the form's secrets, to build settings for a profile not yet saved. */
    static SecretStore draft(ConnectionProfile p, Map<SecretKind, String> secrets) {
        SessionSecretStore s = new SessionSecretStore("the form");
        secrets.forEach((k, v) -> s.put(p.secretKey(k), v));
        return s;
    }
}
