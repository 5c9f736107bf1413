package dev.pceworkbench.demo.http;

import java.io.InputStream;
import java.net.InetAddress;

/**
 * What the API layer reads of an HTTP request, whatever server carries it: the method, the raw
 * query, a header, the body (read once) and the caller's address. Answers are written by the
 * server's own handler, never through this.
 */
public interface RequestSource {
    String method();

    /** The query string as sent (still percent-encoded), or null when there is none. */
    String rawQuery();

    /** The first value of the header {@code name} (any case), or null. */
    String header(String name);

    /** The request body; the same stream on every call. */
    InputStream body();

    /** The address the request came from. */
    InetAddress remoteAddress();
}
