package dev.pceworkbench.connection;

import java.util.Optional;

/**
 * Where the workbench keeps secrets (API secrets, passwords, passphrases): the OS keychain where
 * one is available, else memory for this session only. Secrets never go to the profiles file or
 * to logs.
 */
public interface SecretStore {
    Optional<String> get(String key);

    void put(String key, String secret);

    void delete(String key);

    /** True when secrets survive a restart (an OS keychain); false when they last only this session. */
    boolean persistent();

    /** For the user: "GNOME Keyring (Secret Service)", "macOS Keychain", "this session only"... */
    String description();
}
