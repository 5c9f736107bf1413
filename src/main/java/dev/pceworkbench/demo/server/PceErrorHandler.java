package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.http.PceApiException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Errors the HTTP layer answers by itself (a malformed request line, headers too large, a failure
 * after an answer began) in the PCE's shape, {@code [{"token": ..., "message": ...}]}, never with
 * a stack trace or class names.
 */
final class PceErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String token = code >= 500 ? "internal_server_error"
                : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String text = code >= 500 ? "The demo PCE failed to handle the request"
                : "The request was refused: " + reason;
        byte[] body = DemoHttpHandler.errorBody(List.of(new PceApiException.ErrorItem(token, text)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
