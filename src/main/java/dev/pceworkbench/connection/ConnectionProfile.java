package dev.pceworkbench.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A saved PCE connection as the user edits it: everything but secrets. The API secret, user
 * password, proxy password and certificate passphrases live in a {@link SecretStore} under
 * {@link #secretKey(SecretKind)}; this record is what goes into the profiles file.
 *
 * @param id              stable identifier (a UUID), also the key for the profile's secrets
 * @param target          FQDN or URL of the PCE
 * @param credentialType  API key or username/password
 * @param username        the API key's {@code auth_username} or the user's email
 * @param proxyMode       none, system (and environment) or manual
 * @param tlsVerify       certificate and host-name verification (on unless the user turns it off)
 * @param caBundlePath    an extra CA bundle (PEM), or null
 * @param clientCertType  none, PEM pair, certificate + key, or PKCS#12
 * @param embeddedDemo    true for the built-in "Demo PCE (embedded)" profile, which starts the
 *                        demo server in-process and trusts its generated CA
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionProfile(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("target") String target,
        @JsonProperty("port") int port,
        @JsonProperty("org_id") int orgId,
        @JsonProperty("credential_type") CredentialType credentialType,
        @JsonProperty("username") String username,
        @JsonProperty("proxy_mode") ProxyMode proxyMode,
        @JsonProperty("proxy_host") String proxyHost,
        @JsonProperty("proxy_port") int proxyPort,
        @JsonProperty("proxy_username") String proxyUsername,
        @JsonProperty("tls_verify") boolean tlsVerify,
        @JsonProperty("ca_bundle_path") String caBundlePath,
        @JsonProperty("client_cert_type") ClientCertType clientCertType,
        @JsonProperty("client_cert_path") String clientCertPath,
        @JsonProperty("client_key_path") String clientKeyPath,
        @JsonProperty("embedded_demo") boolean embeddedDemo) {

    /** How the profile authenticates. */
    public enum CredentialType { API_KEY, USER_PASSWORD }

    /** Which proxy the profile uses. */
    public enum ProxyMode { NONE, SYSTEM, MANUAL }

    /** The client certificate format, if any. */
    public enum ClientCertType { NONE, PEM_PAIR, CERT_AND_KEY, PKCS12 }

    /** The secrets a profile may have, each stored apart from the profile. */
    public enum SecretKind { API_SECRET, PASSWORD, PROXY_PASSWORD, CLIENT_KEY_PASSPHRASE }

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        target = withoutCredentials(target);
        credentialType = credentialType == null ? CredentialType.API_KEY : credentialType;
        proxyMode = proxyMode == null ? ProxyMode.NONE : proxyMode;
        clientCertType = clientCertType == null ? ClientCertType.NONE : clientCertType;
    }

    /**
     * {@code target} without a user name or secret inside it ({@code https://key:SECRET@host}):
     * the form refuses such an address, and one already saved that way (by an older version, or
     * edited by hand) is never written back, to the profiles file or to an export.
     */
    static String withoutCredentials(String target) {
        if (target == null) {
            return null;
        }
        int scheme = target.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = target.length();
        for (char c : new char[]{'/', '?', '#'}) {
            int i = target.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = target.lastIndexOf('@', end - 1);
        return at < start ? target : target.substring(0, start) + target.substring(at + 1);
    }

    /** The key of one of this profile's secrets in the secret store. */
    public String secretKey(SecretKind kind) {
        return id + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The secret that authenticates to the PCE. */
    public SecretKind credentialSecretKind() {
        return credentialType == CredentialType.API_KEY ? SecretKind.API_SECRET : SecretKind.PASSWORD;
    }
}
