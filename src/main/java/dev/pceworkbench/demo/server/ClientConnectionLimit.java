package dev.pceworkbench.demo.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/** Closes a new connection at once when its client address already holds {@code max} open ones. */
final class ClientConnectionLimit implements Connection.Listener {
    private final int max;
    private final Map<String, Integer> open = new HashMap<>();

    ClientConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        String client = client(connection.getEndPoint());
        if (client == null) {
            return;
        }
        boolean over;
        synchronized (open) {
            int n = open.merge(client, 1, Integer::sum);
            over = max > 0 && n > max;
        }
        if (over) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String client = client(connection.getEndPoint());
        if (client == null) {
            return;
        }
        synchronized (open) {
            open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** The client address of a network connection; null for the TLS layer's inner connections. */
    private static String client(EndPoint endPoint) {
        if (!(endPoint instanceof SocketChannelEndPoint)) {
            return null;
        }
        SocketAddress a = endPoint.getRemoteSocketAddress();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
