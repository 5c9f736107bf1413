package dev.pceworkbench.demo.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The request side of a Jetty request seen through the JDK's {@link HttpExchange}, which the API
 * layer ({@code ApiRequest}) reads: method, URI, headers, body, addresses. Answers are written by
 * {@link DemoHttpHandler} through Jetty, so the response side is not available here.
 */
final class JettyExchange extends HttpExchange {
    private final Request request;
    private final Headers headers = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream body;

    JettyExchange(Request request) {
        this.request = request;
        for (HttpField f : request.getHeaders()) {
            headers.add(f.getName(), f.getValue());
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return headers;
    }

    @Override
    public Headers getResponseHeaders() {
        throw new UnsupportedOperationException("answers are written by DemoHttpHandler");
    }

    @Override
    public URI getRequestURI() {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        try {
            return new URI(path + (query == null ? "" : "?" + query));
        } catch (java.net.URISyntaxException e) {
            throw new dev.pceworkbench.demo.http.PceApiException(400, "invalid_uri",
                    "The request URI is not valid: " + e.getReason());
        }
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("no JDK HTTP context behind a Jetty request");
    }

    @Override
    public void close() {
        // Jetty ends the exchange when the handler's callback completes.
    }

    @Override
    public synchronized InputStream getRequestBody() {
        if (body == null) {
            body = Request.asInputStream(request);
        }
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        throw new UnsupportedOperationException("answers are written by DemoHttpHandler");
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
        throw new UnsupportedOperationException("answers are written by DemoHttpHandler");
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return -1;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    private static InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : new InetSocketAddress(0);
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("answers are written by DemoHttpHandler");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
