package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads certificates from CA bundles (PEM files or PEM text with one or more certificates, or a
 * single DER certificate) with the JDK's X.509 parser, and describes certificates for
 * people: subject and issuer common names, expiry. Failures are {@link PceConfigurationException}s
 * naming the file and the reason.
 */
public final class CertificateFiles {
    private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
    /** One PEM block: its label, and what lies between its BEGIN and END lines. */
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);
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

    /**
     * Every certificate in PEM text, in order; other PEM objects (keys, parameters, "TRUSTED
     * CERTIFICATE" blocks) are skipped. Read with the JDK's own X.509 parser: a trust bundle needs
     * no Bouncy Castle (whose signed jars cost a noticeable part of a second to load and verify).
     */
    static List<X509Certificate> readPemCertificates(String pem, String source) {
        List<X509Certificate> out = new ArrayList<>();
        int begins = 0;
        for (int i = pem.indexOf(BEGIN_CERTIFICATE); i >= 0; i = pem.indexOf(BEGIN_CERTIFICATE, i + 1)) {
            begins++;
        }
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Matcher m = PEM_BLOCK.matcher(pem);
            while (m.find()) {
                if (!m.group(1).equals("CERTIFICATE")) {
                    continue;
                }
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(m.group(2).trim());
                } catch (IllegalArgumentException e) {
                    throw new PceConfigurationException(source + " is not valid PEM: certificate " + (out.size() + 1)
                            + " is not Base64 (" + e.getMessage() + ")", e);
                }
                try {
                    out.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    throw new PceConfigurationException(source + " holds a certificate that cannot be read (certificate "
                            + (out.size() + 1) + "): " + reason(e), e);
                }
            }
        } catch (CertificateException e) {
            throw new PceConfigurationException("This JVM cannot read X.509 certificates: " + reason(e), e);
        }
        if (out.size() < begins) {
            throw new PceConfigurationException(source + " is not valid PEM: a " + BEGIN_CERTIFICATE
                    + " line has no matching -----END CERTIFICATE----- line");
        }
        return out;
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
