package dev.pceworkbench.demo.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Duration;

/**
 * The demo PCE's HTTP(S) server, on embedded Jetty: HTTP/1.1, optionally over TLS with the demo's
 * certificate (and client certificates required for mTLS); an idle timeout that closes connections
 * that send or read nothing (half-sent TLS records or headers, unread answers, idle keep-alives);
 * a cap on open connections per client address; and a bounded thread pool that idle connections do
 * not occupy.
 */
public final class DemoServer implements AutoCloseable {
    private static final int MAX_THREADS = 48;
    /** Jetty's start and stop notices are noise in the app's log; held so the level sticks. */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static {
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Server server;
    private final ServerConnector connector;

    private DemoServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * @param tls           the server's TLS context, or null for plain HTTP
     * @param needClientCert whether clients must present a certificate (mTLS)
     */
    public static DemoServer start(String host, int port, SSLContext tls, boolean needClientCert, Duration idleTimeout,
                                   int maxConnectionsPerClient, Handler handler) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("demo-pce");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);

        ServerConnector connector;
        HttpConnectionFactory h1;
        if (tls != null) {
            // No check that the Host names the certificate: clients that skip verification, or reach
            // the server by another name, are answered as by a PCE behind its own certificate.
            http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ssl.setNeedClientAuth(needClientCert);
            ssl.setSniRequired(false);
            h1 = new HttpConnectionFactory(http);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
        } else {
            h1 = new HttpConnectionFactory(http);
            connector = new ServerConnector(server, 1, 1, h1);
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setAcceptQueueSize(128);
        connector.addBean(new ClientConnectionLimit(maxConnectionsPerClient));
        server.addConnector(connector);
        server.setErrorHandler(new PceErrorHandler());
        // As a real PCE: any JSON answer (lists, objects, job datafiles; GET, POST and PUT alike) is
        // gzipped for a client that sends Accept-Encoding: gzip (OkHttp does by default); small
        // answers go as they are.
        GzipHandler gzip = new GzipHandler();
        gzip.setIncludedMethods("GET", "POST", "PUT");
        gzip.setMinGzipSize(1024);
        gzip.setHandler(handler);
        server.setHandler(gzip);
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("The demo PCE could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new DemoServer(server, connector);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Already failing to start; the first error is the one to report.
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }
}
