package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Objects a large document repeats byte for byte, read once per distinct text: a traffic download
 * writes a workload's end of a flow (its address, names, enforcement mode and labels, some 600
 * bytes) the same way in every flow it takes part in. While {@link ParallelArrayReader} parses a
 * batch, an object of a type that asks for it is looked up among the whole objects already read
 * there, by its first bytes and then byte for byte: when one is there, the parser steps over the
 * object (no tokens read, no strings made, no records built) and the record read from those bytes
 * is returned; otherwise the type's own reader reads it as usual, and its bytes are remembered.
 * Equal bytes give an equal, immutable record, so sharing it changes no value.
 *
 * <p>The table of remembered texts lives for one read of one document: it costs memory only while
 * the download is parsed, and a later document starts empty.
 */
public final class RepeatedObjects {
    /**
     * How many of an object's first bytes (at most) find its remembered texts (a flow's end: its
     * address and workload href); the whole text is then compared.
     */
    static final int KEY_BYTES = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final BatchJsonFactory.BatchParser parser;
    private final byte[] bytes;
    private final int length;
    private final Table table;

    private RepeatedObjects(BatchJsonFactory.BatchParser parser, byte[] bytes, int length, Table table) {
        this.parser = parser;
        this.bytes = bytes;
        this.length = length;
        this.table = table;
    }

    /**
     * The repeated objects of the batch {@code p} reads, when {@code p} is a parallel read's batch
     * parser on this thread; null otherwise (any other parser reads objects as usual).
     */
    public static RepeatedObjects of(JsonParser p) {
        if (Thread.currentThread() instanceof ParseThread t) {
            RepeatedObjects r = t.current;
            return r != null && r.parser == p ? r : null;
        }
        return null;
    }

    /**
     * The object at the batch parser (on its START_OBJECT), as {@code reader} reads it from there;
     * the same instance as for the same bytes read before in this document (by any of its parsing
     * threads, as far as the table still holds them). Leaves the parser on the object's END_OBJECT,
     * as a reader does.
     *
     * @param type what {@code reader} makes: objects of different types never share
     */
    public Object read(Class<?> type, Parse<?> reader) throws IOException {
        JsonParser p = parser;
        long at = p.currentTokenLocation().getByteOffset();
        if (at < 0 || at >= length || bytes[(int) at] != '{') {
            return reader.run(); // no exact offset: read as usual
        }
        int start = (int) at;
        long key = hash(bytes, start, keyEnd(bytes, start, length));
        // Bytes equal to a whole object read before are that object: a JSON value ends where its
        // own bytes say, whatever follows.
        Table.Entry known = table.find(key, type, bytes, start, length);
        if (known != null) {
            parser.skipObjectTo(start, start + known.text().length, known.newlines(),
                    known.lastNewline() < 0 ? -1 : start + known.lastNewline());
            return known.value();
        }
        JsonStreamContext enclosing = p.getParsingContext().getParent();
        Object value = reader.run();
        long after = p.currentLocation().getByteOffset();
        // Remembered only when the parser is where the object's bytes say it ends, back in the
        // context the object is in.
        if (value != null && p.hasToken(JsonToken.END_OBJECT) && p.getParsingContext() == enclosing
                && after > start && after <= length && bytes[(int) after - 1] == '}') {
            table.put(key, type, Arrays.copyOfRange(bytes, start, (int) after), value);
        }
        return value;
    }

    /**
     * Where the bytes that find an object's texts end: after its first {@link #KEY_BYTES} bytes, or
     * after its first '}' if that comes sooner (a short object's key is its own bytes, never the
     * document's next ones; the first '}' is the object's last byte or before it).
     */
    static int keyEnd(byte[] bytes, int start, int limit) {
        int max = Math.min(limit, start + KEY_BYTES);
        int i = start;
        while (i < max && bytes[i] != '}') {
            i++;
        }
        return i < max ? i + 1 : max;
    }

    /** A 64-bit hash of {@code bytes[start, end)}, eight bytes at a time. */
    static long hash(byte[] bytes, int start, int end) {
        long h = end - start;
        int i = start;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < end; i++) {
            h = (h ^ bytes[i]) * 0x9E3779B97F4A7C15L;
        }
        return h ^ (h >>> 32);
    }

    /**
     * Runs {@code parse} on this parsing thread with {@code p} (reading {@code bytes[0, length)}) as
     * its batch parser, remembering texts in {@code table}; as it is when {@code p} is not a batch
     * parser that can step over objects.
     */
    static <T> T during(JsonParser p, byte[] bytes, int length, Table table, Parse<T> parse)
            throws IOException {
        if (!(Thread.currentThread() instanceof ParseThread thread)
                || !(p instanceof BatchJsonFactory.BatchParser batch) || !batch.canStep()) {
            return parse.run();
        }
        RepeatedObjects previous = thread.current;
        thread.current = new RepeatedObjects(batch, bytes, length, table);
        try {
            return parse.run();
        } finally {
            thread.current = previous;
        }
    }

    /** A read on the current parser (a batch, or one object of it). */
    @FunctionalInterface
    public interface Parse<T> {
        T run() throws IOException;
    }

    /** A parallel read's parsing thread, which knows the batch it parses (cheaper than a thread-local). */
    static final class ParseThread extends Thread {
        private RepeatedObjects current;

        ParseThread(Runnable r, String name) {
            super(r, name);
        }
    }

    /**
     * One document's remembered texts and their records, shared by its parsing threads, found by
     * the hash of their first bytes ({@link #keyEnd}): two slots per hash (the same start may
     * begin a few texts, such as a workload seen in two enforcement modes; a later text takes the
     * older slot over), made on first use. At most {@link #MOST_BYTES} of text are kept: later
     * texts are read but not remembered (a download whose ends never repeat costs a copy of each
     * end's bytes up to there, and no more). Threads share it without locks: an entry is immutable
     * (final fields, its text copied before it is made), so a thread sees a whole entry or none,
     * and a lost race costs a miss; the byte count is racy and only steers.
     */
    static final class Table {
        private static final int BITS = 18;
        static final long MOST_BYTES = 64L << 20;
        private Entry[] slots;
        private long kept;

        /** A remembered text, with its line breaks (count, and offset of the last; -1 for none). */
        record Entry(long key, Class<?> type, byte[] text, Object value, int newlines, int lastNewline) {
        }

        /** The remembered text that {@code bytes} hold from {@code start} (before {@code limit}), or null. */
        Entry find(long key, Class<?> type, byte[] bytes, int start, int limit) {
            Entry[] all = slots;
            if (all == null) {
                return null;
            }
            int slot = slot(key);
            Entry e = all[slot];
            if (e != null && matches(e, key, type, bytes, start, limit)) {
                return e;
            }
            e = all[slot ^ 1];
            if (e != null && matches(e, key, type, bytes, start, limit)) {
                return e;
            }
            return null;
        }

        private static boolean matches(Entry e, long key, Class<?> type, byte[] bytes, int start, int limit) {
            int n = e.text.length;
            return e.key == key && e.type == type && start + n <= limit
                    && Arrays.equals(e.text, 0, n, bytes, start, start + n);
        }

        void put(long key, Class<?> type, byte[] text, Object value) {
            if (kept + text.length > MOST_BYTES) {
                return;
            }
            kept += text.length;
            int newlines = 0;
            int last = -1;
            for (int i = 0; i < text.length; i++) {
                if (text[i] == '\n') {
                    newlines++;
                    last = i;
                }
            }
            Entry[] all = slots;
            if (all == null) {
                all = new Entry[1 << BITS];
                slots = all;
            }
            int slot = slot(key);
            // The first slot keeps the newer text; the one it held moves to the second.
            all[slot ^ 1] = all[slot];
            all[slot] = new Entry(key, type, text, value, newlines, last);
        }

        private static int slot(long key) {
            return (int) (key >>> (64 - BITS));
        }
    }
}
