package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a large JSON array (a job's datafile: hundreds of MB) into typed elements on every core:
 * a byte-level scan, much cheaper than parsing, cuts the array into batches of whole elements as
 * the bytes arrive, and the batches are parsed in parallel and put back in order. The scan is
 * strict about the array's own syntax (one comma between elements, nothing after the closing
 * bracket but whitespace, no early end), so a malformed or truncated document fails as it would in
 * a single parser; the elements themselves are checked by the parser.
 */
public final class ParallelArrayReader {
    /** A batch is handed to a parser once it holds this many bytes of whole elements. */
    static final int BATCH_BYTES = 1 << 20;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService PARSERS = parsers();

    private ParallelArrayReader() {
    }

    private static ExecutorService parsers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
            Thread t = new RepeatedObjects.ParseThread(r, "pce-json-parse");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Reads the array in {@code in} into elements of {@code type} (with the shared {@link PceJson}
     * mapper), in document order.
     *
     * @param what names the document in error messages (such as "the job result at /orgs/1/datafiles/x")
     */
    public static <T> List<T> read(InputStream in, Class<T> type, String what) throws IOException {
        return read(in, type, what, null);
    }

    /** Told, on the reading thread, how many elements have been cut into batches so far. */
    @FunctionalInterface
    public interface Elements {
        /** May throw (such as on cancellation) to stop the read. */
        void seen(long elements) throws IOException;
    }

    /**
     * {@link #read(InputStream, Class, String)}, telling {@code elements} (when not null) the number
     * of elements handed to the parsers after each batch, for progress and cancellation.
     */
    public static <T> List<T> read(InputStream in, Class<T> type, String what, Elements elements) throws IOException {
        ObjectReader reader = PceJson.mapper().readerFor(type);
        Scanner s = new Scanner(in, what);
        List<Future<List<T>>> parts = new ArrayList<>();
        // Bounds the batches in memory: a few per parser, however fast the bytes come.
        Semaphore inFlight = new Semaphore(THREADS * 2);
        // A parsed batch's buffer goes back here for the next batch: a read allocates a handful of
        // buffers, not a fresh, repeatedly grown one (each several times a large-object allocation)
        // per MB of JSON.
        Buffers buffers = new Buffers(THREADS * 2 + 1);
        RepeatedObjects.Table repeated = new RepeatedObjects.Table();
        try {
            s.expectArrayStart();
            Batch b = new Batch(buffers.take());
            long seen = 0;
            boolean first = true;
            while (true) {
                s.skipWhitespace();
                int c = s.peek();
                if (first && c == ']') {
                    s.next();
                    break;
                }
                if (!first) {
                    if (c == ']') {
                        s.next();
                        break;
                    }
                    if (c != ',') {
                        throw s.malformed("expected ',' or ']' between elements");
                    }
                    s.next();
                    s.skipWhitespace();
                }
                first = false;
                b.startElement();
                s.copyElement(b);
                if (b.size >= BATCH_BYTES) {
                    seen += b.count;
                    parts.add(submit(b, reader, what, inFlight, buffers, repeated));
                    b = new Batch(buffers.take());
                    if (elements != null) {
                        elements.seen(seen);
                    }
                }
            }
            s.expectEnd();
            if (b.count > 0) {
                seen += b.count;
                parts.add(submit(b, reader, what, inFlight, buffers, repeated));
                if (elements != null) {
                    elements.seen(seen);
                }
            }
            List<T> out = new ArrayList<>();
            for (Future<List<T>> f : parts) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + what);
        } catch (ExecutionException e) {
            throw PartFailure.rethrow(e, "Cannot read " + what);
        } finally {
            for (Future<List<T>> f : parts) {
                f.cancel(false);
            }
        }
    }

    private static <T> Future<List<T>> submit(Batch b, ObjectReader reader, String what, Semaphore inFlight,
                                              Buffers buffers, RepeatedObjects.Table repeated)
            throws InterruptedException {
        inFlight.acquire();
        byte[] bytes = b.bytes;
        int len = b.size;
        int count = b.count;
        try {
            return PARSERS.submit(() -> {
                try (JsonParser p = parser(reader, bytes, len)) {
                    // Objects the document repeats byte for byte are read once (RepeatedObjects).
                    return RepeatedObjects.during(p, bytes, len, repeated, () -> {
                        List<T> out = new ArrayList<>(count);
                        // Elements separated by spaces, without the brackets: read them one by one.
                        for (int i = 0; i < count; i++) {
                            JsonToken t = p.nextToken();
                            if (t == null) {
                                throw new IOException(what + " ended early");
                            }
                            out.add(reader.readValue(p));
                        }
                        return out;
                    });
                } finally {
                    buffers.give(bytes);
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** A parser over a batch: one that can step over known objects when the mapper's factory makes them. */
    private static JsonParser parser(ObjectReader reader, byte[] bytes, int len) throws IOException {
        return reader.getFactory() instanceof BatchJsonFactory f && f.makesBatchParsers() ? f.batchParser(bytes, len)
                : reader.getFactory().createParser(bytes, 0, len);
    }

    /**
     * The batch buffers of one read, reused once parsed. Each starts a little above
     * {@link #BATCH_BYTES} (a batch is cut after the element that crosses it); a larger element grows
     * its batch's buffer, which is then reused at that size.
     */
    private static final class Buffers {
        private final java.util.concurrent.ArrayBlockingQueue<byte[]> free;

        Buffers(int capacity) {
            free = new java.util.concurrent.ArrayBlockingQueue<>(capacity);
        }

        byte[] take() {
            byte[] b = free.poll();
            return b != null ? b : new byte[BATCH_BYTES + BATCH_BYTES / 4];
        }

        void give(byte[] b) {
            free.offer(b);
        }
    }

    /** Whole elements, separated by single spaces (JSON whitespace), as a parser reads them in a row. */
    private static final class Batch {
        byte[] bytes;
        int size;
        int count;

        Batch(byte[] bytes) {
            this.bytes = bytes;
        }

        void startElement() {
            if (count > 0) {
                add((byte) ' ');
            }
            count++;
        }

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        void add(byte[] src, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(src, off, bytes, size, len);
            size += len;
        }
    }

    /** The byte-level scan over the stream. */
    private static final class Scanner {
        private final InputStream in;
        private final String what;
        private final byte[] buf = new byte[256 * 1024];
        private int pos;
        private int limit;
        private long offset;

        Scanner(InputStream in, String what) {
            this.in = in;
            this.what = what;
        }

        private boolean fill() throws IOException {
            offset += limit;
            pos = 0;
            limit = 0;
            while (limit == 0) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return false;
                }
                limit = n;
            }
            return true;
        }

        /** The next byte without consuming it; -1 at the end. */
        int peek() throws IOException {
            if (pos >= limit && !fill()) {
                return -1;
            }
            return buf[pos] & 0xff;
        }

        void next() {
            pos++;
        }

        void skipWhitespace() throws IOException {
            while (true) {
                int c = peek();
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        void expectArrayStart() throws IOException {
            skipWhitespace();
            if (peek() != '[') {
                throw new IOException(what + " is not a JSON array");
            }
            pos++;
        }

        void expectEnd() throws IOException {
            skipWhitespace();
            if (peek() != -1) {
                throw malformed("unexpected content after the array");
            }
        }

        IOException malformed(String why) {
            return new IOException(what + " is not valid JSON at byte " + (offset + pos) + ": " + why);
        }

        /** Copies one element (object, array, string or scalar) into {@code b}. */
        void copyElement(Batch b) throws IOException {
            int c = peek();
            if (c == -1) {
                throw new IOException(what + " ended early");
            }
            if (c == ']' || c == ',' || c == '}' || c == ':') {
                throw malformed("expected an element, found '" + (char) c + "'");
            }
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            boolean scalar = c != '{' && c != '[' && c != '"';
            while (true) {
                if (pos >= limit) {
                    if (!fill()) {
                        if (scalar && depth == 0) {
                            return; // the array's end is checked by the caller
                        }
                        throw new IOException(what + " ended early");
                    }
                }
                int start = pos;
                while (pos < limit) {
                    byte x = buf[pos];
                    if (inString) {
                        if (!escaped && x != '\\' && x != '"') {
                            // The bulk of a document is string contents: skip it in a tight loop.
                            int i = pos + 1;
                            while (i < limit && buf[i] != '"' && buf[i] != '\\') {
                                i++;
                            }
                            pos = i;
                            continue;
                        }
                        if (escaped) {
                            escaped = false;
                        } else if (x == '\\') {
                            escaped = true;
                        } else if (x == '"') {
                            inString = false;
                            if (depth == 0) {
                                pos++;
                                b.add(buf, start, pos - start);
                                return;
                            }
                        }
                    } else if (x == '"') {
                        inString = true;
                    } else if (x == '{' || x == '[') {
                        depth++;
                    } else if (x == '}' || x == ']') {
                        if (depth == 0) {
                            // The end of the array after a scalar element.
                            b.add(buf, start, pos - start);
                            return;
                        }
                        depth--;
                        if (depth == 0) {
                            pos++;
                            b.add(buf, start, pos - start);
                            return;
                        }
                    } else if (depth == 0 && (x == ',' || x == ' ' || x == '\n' || x == '\r' || x == '\t')) {
                        b.add(buf, start, pos - start);
                        return;
                    }
                    pos++;
                }
                b.add(buf, start, pos - start);
            }
        }
    }
}
