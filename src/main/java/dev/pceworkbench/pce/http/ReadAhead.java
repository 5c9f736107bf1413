package dev.pceworkbench.pce.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a body on a second thread while the caller parses it: the network, TLS and gzip work of
 * a large download overlaps the JSON parsing instead of adding to it, so a 144 MB collection takes
 * about as long as the slower of the two, not their sum. Chunks pass through a bounded queue (a
 * few MB in flight at most); a failure on the reading side (a broken connection, a cancellation)
 * reaches the parser at the point it happened, and the parser finishing or failing stops the
 * reader. {@link #close()} waits for the reading thread to end, so the body is never read after
 * the caller's response is closed.
 */
final class ReadAhead extends InputStream {
    private static final int CHUNK = 256 * 1024;
    private static final int QUEUE = 16;
    private static final Object EOF = new Object();

    private final InputStream source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    /** Chunks the parser has read, for the reader to fill again: a body allocates a few dozen, not one per 256 KB. */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile boolean stopped;
    private byte[] current;
    private int pos;
    private int limit;
    private boolean ended;

    private ReadAhead(InputStream source) {
        this.source = source;
        this.reader = new Thread(this::pump, "pce-read-ahead");
        reader.setDaemon(true);
    }

    /** Starts reading {@code source} ahead of the returned stream's reader. */
    static ReadAhead start(InputStream source) {
        ReadAhead r = new ReadAhead(source);
        r.reader.start();
        return r;
    }

    private void pump() {
        try {
            while (!stopped) {
                byte[] buf = spare.poll();
                if (buf == null) {
                    buf = new byte[CHUNK];
                }
                int n = 0;
                while (n < CHUNK) {
                    int r = source.read(buf, n, CHUNK - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                if (n > 0 && !put(n == CHUNK ? buf : java.util.Arrays.copyOf(buf, n))) {
                    return;
                }
                if (n < CHUNK) {
                    put(EOF);
                    return;
                }
            }
        } catch (IOException e) {
            put(e);
        } catch (RuntimeException | Error e) {
            put(e);
        }
    }

    /** Hands {@code item} over unless the parser has stopped; false when it has. */
    private boolean put(Object item) {
        try {
            while (!stopped) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Makes the next chunk current; false at the end of the body. */
    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the body");
        }
        if (item == EOF) {
            ended = true;
            return false;
        }
        if (item instanceof IOException e) {
            ended = true;
            throw e;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (item instanceof Error e) {
            ended = true;
            throw e;
        }
        if (current != null && current.length == CHUNK) {
            spare.offer(current);
        }
        current = (byte[]) item;
        pos = 0;
        limit = current.length;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= limit && !next()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= limit && !next()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    /** Stops the reading thread and waits for it, so nothing reads the body once this returns. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
