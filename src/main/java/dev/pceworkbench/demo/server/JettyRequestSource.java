package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.RequestSource;
import org.eclipse.jetty.server.Request;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/** A Jetty request as the API layer ({@code ApiRequest}) reads it; answers are written by {@link DemoHttpHandler}. */
final class JettyRequestSource implements RequestSource {
    private final Request request;
    private InputStream body;

    JettyRequestSource(Request request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    /** The raw query of a request URI that must be valid as a whole (else 400 {@code invalid_uri}). */
    @Override
    public String rawQuery() {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        try {
            return new URI(path + (query == null ? "" : "?" + query)).getRawQuery();
        } catch (URISyntaxException e) {
            throw new PceApiException(400, "invalid_uri", "The request URI is not valid: " + e.getReason());
        }
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public synchronized InputStream body() {
        if (body == null) {
            body = Request.asInputStream(request);
        }
        return body;
    }

    @Override
    public InetAddress remoteAddress() {
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress i
                ? i.getAddress() : new InetSocketAddress(0).getAddress();
    }
}
