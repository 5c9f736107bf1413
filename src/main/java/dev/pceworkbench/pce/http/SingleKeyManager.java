package dev.pceworkbench.pce.http;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key manager holding one private key and its certificate chain in memory (no keystore), offered
 * for every handshake whose key type the key suits, whatever issuers the peer lists (as curl and
 * Python's requests do: the peer, not this side, decides whether it accepts the certificate). It
 * answers both roles: the client identity of a PCE connection, and the embedded demo PCE's server
 * certificate.
 */
public final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "key";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    /** @param chain the key's certificate first, then the certificates that issued it */
    public SingleKeyManager(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A key needs its certificate");
        }
        this.key = key;
        this.chain = chain.toArray(new X509Certificate[0]);
    }

    /** Whether the key can answer a request for {@code keyType} ("RSA", "EC", "EC_EC", "RSASSA-PSS", ...). */
    boolean suits(String keyType) {
        String alg = key.getAlgorithm();
        String kt = keyType == null ? "" : keyType;
        int underscore = kt.indexOf('_');
        String base = underscore > 0 ? kt.substring(0, underscore) : kt;
        return base.equalsIgnoreCase(alg) || (alg.equals("EdDSA") && (base.equals("Ed25519") || base.equals("Ed448")));
    }

    private String choose(String... keyTypes) {
        if (keyTypes != null) {
            for (String kt : keyTypes) {
                if (suits(kt)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return suits(keyType) ? new String[]{ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return suits(keyType) ? new String[]{ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }
}
