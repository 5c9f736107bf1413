package dev.pceworkbench.demo.http;

import dev.pceworkbench.pce.json.PartFailure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip stream written from pieces rendered and compressed on every core, as {@code pigz} does:
 * each piece is deflated on its own (raw deflate, ended with a sync flush so the next piece starts
 * on a byte boundary; the last one ends the stream), and the pieces are written in order between
 * one gzip header and one trailer (the CRC-32 and length of the whole text). The result is an
 * ordinary single-member gzip file that any inflater reads; it is a little larger than one
 * deflate over the whole text would make (no match reaches back into the previous piece).
 */
final class ParallelGzip {
    /** Pieces being rendered or waiting to be written, per core: bounds the memory a write holds. */
    private static final int WINDOW_PER_THREAD = 2;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = pool();
    /** The gzip header {@link java.util.zip.GZIPOutputStream} writes: deflate, no name, no time. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};

    private ParallelGzip() {
    }

    private static ExecutorService pool() {
        ThreadPoolExecutor p = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "demo-pce-datafile-pieces");
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Renders piece {@code index} of the text (pieces concatenated in order make the whole text). */
    @FunctionalInterface
    interface Piece {
        void render(int index, OutputStream out) throws IOException;
    }

    /** What the pieces came to. */
    record Written(long length, long compressedLength) {
    }

    /**
     * Writes the gzip stream of {@code pieces} pieces (at least one) to {@code out}, rendering and compressing
     * them on the pool; {@code out} is written (and {@code piece} may be called) only until the
     * first failure, which is thrown.
     */
    static Written write(OutputStream out, int pieces, int level, Piece piece) throws IOException {
        if (pieces < 1) {
            throw new IllegalArgumentException("A gzip stream of pieces needs at least one piece, not " + pieces);
        }
        out.write(HEADER);
        long compressed = HEADER.length;
        CRC32 crc = new CRC32();
        long length = 0;
        ArrayDeque<Future<Compressed>> queue = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < pieces || !queue.isEmpty()) {
                while (next < pieces && queue.size() < THREADS * WINDOW_PER_THREAD) {
                    int index = next++;
                    boolean last = index == pieces - 1;
                    queue.add(POOL.submit(() -> compress(index, last, level, piece)));
                }
                Compressed c = queue.poll().get();
                crc.update(c.text, 0, c.textLength);
                length += c.textLength;
                out.write(c.deflated);
                compressed += c.deflated.length;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a datafile");
        } catch (ExecutionException e) {
            throw PartFailure.rethrow(e, "Cannot write a datafile");
        } finally {
            for (Future<Compressed> f : queue) {
                f.cancel(true);
            }
        }
        byte[] trailer = new byte[8];
        littleEndian(trailer, 0, (int) crc.getValue());
        littleEndian(trailer, 4, (int) length); // ISIZE: the length modulo 2^32
        out.write(trailer);
        return new Written(length, compressed + trailer.length);
    }

    private record Compressed(byte[] text, int textLength, byte[] deflated) {
    }

    private static Compressed compress(int index, boolean last, int level, Piece piece) throws IOException {
        Buffer text = new Buffer();
        piece.render(index, text);
        return new Compressed(text.bytes(), text.size(), deflate(text.bytes(), text.size(), last, level));
    }

    /**
     * Raw deflate of {@code text[0, length)}: ended with a sync flush (an empty stored block, on a
     * byte boundary), or, for the last piece, with the final block.
     */
    static byte[] deflate(byte[] text, int length, boolean last, int level) {
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(text, 0, length);
            if (last) {
                d.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 8));
            byte[] buf = new byte[64 * 1024];
            while (true) {
                int n = d.deflate(buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
                if (last ? d.finished() : n < buf.length) {
                    return out.toByteArray();
                }
            }
        } finally {
            d.end();
        }
    }

    private static void littleEndian(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** A byte buffer whose array is handed on without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
