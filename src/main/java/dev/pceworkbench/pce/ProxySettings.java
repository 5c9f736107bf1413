package dev.pceworkbench.pce;

/**
 * Which proxy the client uses. {@code NONE}: connect directly, whatever the environment says.
 * {@code SYSTEM}: {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} from the environment,
 * else the JVM's system proxy settings. {@code MANUAL}: the given HTTP proxy (CONNECT tunnels for
 * HTTPS), with optional proxy authentication; as in the illumio library, proxy variables in the
 * environment override a manual proxy unless {@code environmentOverrides} is false. Passwords
 * never appear in {@link #toString()}.
 */
public record ProxySettings(Mode mode, String host, int port, String username, String password,
                            boolean environmentOverrides) {
    /** Proxy modes. */
    public enum Mode { NONE, SYSTEM, MANUAL }

    public static ProxySettings none() {
        return new ProxySettings(Mode.NONE, null, 0, null, null, false);
    }

    public static ProxySettings system() {
        return new ProxySettings(Mode.SYSTEM, null, 0, null, null, true);
    }

    public static ProxySettings manual(String host, int port, String username, String password) {
        return new ProxySettings(Mode.MANUAL, host, port, username, password, true);
    }

    public ProxySettings withEnvironmentOverrides(boolean overrides) {
        return new ProxySettings(mode, host, port, username, password, overrides);
    }

    public boolean hasAuthentication() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return switch (mode) {
            case NONE -> "ProxySettings[none]";
            case SYSTEM -> "ProxySettings[system]";
            case MANUAL -> "ProxySettings[" + host + ":" + port + (hasAuthentication() ? ", user=" + username + ", password=***" : "")
                    + (environmentOverrides ? ", environment overrides" : "") + "]";
        };
    }
}
