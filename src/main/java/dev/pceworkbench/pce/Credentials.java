package dev.pceworkbench.pce;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the client authenticates to the PCE: HTTP Basic with an API key (its {@code auth_username}
 * such as {@code api_1a2b3c} and its secret) or with a user's email and password. The secret never
 * appears in {@link #toString()}.
 */
public sealed interface Credentials {
    /** The Basic-auth user name. */
    String username();

    /** The value of the {@code Authorization} header. */
    default String basicHeader() {
        String pair = username() + ":" + secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret or password; callers must not log it. */
    String secret();

    /** An API key: {@code auth_username} and secret, as {@code POST /users/{id}/api_keys} returns them. */
    record ApiKey(String username, String secret) implements Credentials {
        public ApiKey {
            Objects.requireNonNull(username, "API key user name");
            Objects.requireNonNull(secret, "API key secret");
        }

        @Override
        public String toString() {
            return "ApiKey[" + username + ", secret=***]";
        }
    }

    /** A user's email (or user name) and password. */
    record UserPassword(String username, String secret) implements Credentials {
        public UserPassword {
            Objects.requireNonNull(username, "user name");
            Objects.requireNonNull(secret, "password");
        }

        @Override
        public String toString() {
            return "UserPassword[" + username + ", password=***]";
        }
    }
}
