package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads certificates from CA bundles (PEM files or PEM text with one or more certificates, or a
 * single DER certificate) with Bouncy Castle's {@link PEMParser}, and describes certificates for
 * people: subject and issuer common names, expiry. Failures are {@link PceConfigurationException}s
 * naming the file and the reason.
 */
public final class CertificateFiles {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CertificateFiles() {
    }

    /** The certificates of a CA bundle file (PEM, or one DER certificate). */
    public static List<X509Certificate> readCaBundle(Path file) {
        byte[] bytes = readFile(file, "CA bundle");
        List<X509Certificate> certs = readPemCertificates(new String(bytes, StandardCharsets.US_ASCII), "CA bundle " + file);
        if (certs.isEmpty() && bytes.length > 0 && bytes[0] == 0x30) {
            certs = readDer(bytes, "CA bundle " + file);
        }
        if (certs.isEmpty()) {
            throw new PceConfigurationException("The CA bundle " + file + " contains no certificate: expected PEM text with "
                    + "-----BEGIN CERTIFICATE----- blocks");
        }
        return certs;
    }

    /** The certificates of CA bundle PEM text pasted into the settings. */
    public static List<X509Certificate> readCaBundlePem(String pem) {
        List<X509Certificate> certs = readPemCertificates(pem, "The pasted CA bundle");
        if (certs.isEmpty()) {
            throw new PceConfigurationException("The pasted CA bundle contains no certificate: expected PEM text with "
                    + "-----BEGIN CERTIFICATE----- blocks");
        }
        return certs;
    }

    /** Every certificate in PEM text, in order; other PEM objects are skipped. */
    static List<X509Certificate> readPemCertificates(String pem, String source) {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(toX509(h, source));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PceConfigurationException(source + " is not valid PEM: " + reason(e), e);
        }
        return out;
    }

    static X509Certificate toX509(X509CertificateHolder h, String source) {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            throw new PceConfigurationException(source + " holds a certificate that cannot be read: " + reason(e), e);
        }
    }

    private static List<X509Certificate> readDer(byte[] der, String source) {
        try {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
            List<X509Certificate> out = new ArrayList<>();
            for (var c : certs) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new PceConfigurationException(source + " is neither PEM nor a DER certificate: " + reason(e), e);
        }
    }

    static byte[] readFile(Path file, String what) {
        if (file == null) {
            throw new PceConfigurationException("No " + what + " file was given");
        }
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PceConfigurationException("The " + what + " file " + file + " does not exist", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new PceConfigurationException("The " + what + " file " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new PceConfigurationException("The " + what + " file " + file + " cannot be read: " + reason(e), e);
        }
    }

    /** The common name of a distinguished name, else the whole name. */
    public static String commonName(X500Principal principal) {
        String dn = principal.getName(X500Principal.RFC2253);
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException ignored) {
            // Fall back to the whole name.
        }
        return dn;
    }

    /** One line: {@code subject 'CN=…' issued by 'CN=…', valid 2025-01-01 00:00 UTC to 2025-02-01 00:00 UTC}. */
    public static String describe(X509Certificate c) {
        return "subject '" + c.getSubjectX500Principal().getName(X500Principal.RFC2253) + "', issued by '"
                + c.getIssuerX500Principal().getName(X500Principal.RFC2253) + "', valid " + DATE.format(c.getNotBefore().toInstant())
                + " to " + DATE.format(c.getNotAfter().toInstant());
    }

    /** The date format used in messages. */
    public static String date(java.util.Date d) {
        return DATE.format(d.toInstant());
    }

    static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
