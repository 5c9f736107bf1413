package dev.pceworkbench.demo.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their API keys. Passwords and secrets are kept only as salted SHA-256 digests, never
 * in clear, and compared in constant time.
 */
public final class Users {
    /** A user who can sign in with email and password. */
    public record User(long id, String username, String fullName, byte[] salt, byte[] passwordHash) {
    }

    /** An API key: {@code authUsername} is the Basic-auth user name, the secret is stored hashed. */
    public record ApiKey(String keyId, String authUsername, long userId, String name, String description,
                         String createdAt, byte[] salt, byte[] secretHash) {
        public String href() {
            return "/users/" + userId + "/api_keys/" + keyId;
        }
    }

    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<String, ApiKey> keysByUsername = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public synchronized User addUser(long id, String username, String fullName, String password) {
        byte[] salt = salt();
        User u = new User(id, username, fullName, salt, hash(salt, password));
        users.put(id, u);
        return u;
    }

    public synchronized Optional<User> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized List<User> all() {
        return new ArrayList<>(users.values());
    }

    /** Creates an API key for a user; returns it with its one-time clear secret. */
    public synchronized Map.Entry<ApiKey, String> createKey(long userId, String name, String description, String createdAt) {
        String keyId = hex(random, 10);
        String authUsername = "api_" + hex(random, 7);
        String secret = hex(random, 32);
        byte[] salt = salt();
        ApiKey key = new ApiKey(keyId, authUsername, userId, name, description, createdAt, salt, hash(salt, secret));
        keysByUsername.put(authUsername, key);
        return Map.entry(key, secret);
    }

    /** Registers a key with a known secret (the demo's printed credentials). */
    public synchronized ApiKey addKey(long userId, String keyId, String authUsername, String secret, String name, String createdAt) {
        byte[] salt = salt();
        ApiKey key = new ApiKey(keyId, authUsername, userId, name, "", createdAt, salt, hash(salt, secret));
        keysByUsername.put(authUsername, key);
        return key;
    }

    public synchronized List<ApiKey> keysOf(long userId) {
        return keysByUsername.values().stream().filter(k -> k.userId() == userId).toList();
    }

    public synchronized boolean deleteKey(long userId, String keyId) {
        return keysByUsername.values().removeIf(k -> k.userId() == userId && k.keyId().equals(keyId));
    }

    /** The user behind a Basic-auth pair, by API key or by email and password. */
    public synchronized Optional<Map.Entry<User, String>> authenticate(String username, String password) {
        ApiKey key = keysByUsername.get(username);
        if (key != null) {
            if (MessageDigest.isEqual(key.secretHash(), hash(key.salt(), password))) {
                return Optional.ofNullable(users.get(key.userId())).map(u -> Map.entry(u, key.authUsername()));
            }
            return Optional.empty();
        }
        for (User u : users.values()) {
            if (u.username().equalsIgnoreCase(username)) {
                return MessageDigest.isEqual(u.passwordHash(), hash(u.salt(), password))
                        ? Optional.of(Map.entry(u, u.username())) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private byte[] salt() {
        byte[] s = new byte[16];
        random.nextBytes(s);
        return s;
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(SecureRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
