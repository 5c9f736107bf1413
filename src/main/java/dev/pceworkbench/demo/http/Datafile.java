package dev.pceworkbench.demo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pceworkbench.pce.json.PceJson;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * A JSON document written once and served many times, as a real PCE serves a job's datafile or a
 * traffic query's download: rendered when the job completes, stored gzip-compressed in a file of
 * the state's spool directory, then sent as it is (with {@code Content-Encoding: gzip}) to clients
 * that accept gzip and inflated on the fly for the others, with both lengths known in advance.
 * Immutable once written; {@link #discard()} deletes the file (a download already under way keeps
 * reading the file it opened).
 */
public final class Datafile {
    /**
     * Fast compression: the job's time is the client's wait, and JSON this repetitive still shrinks
     * about tenfold at the lowest level.
     */
    static final int LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long length;
    private final long compressedLength;

    private Datafile(Path file, long length, long compressedLength) {
        this.file = file;
        this.length = length;
        this.compressedLength = compressedLength;
    }

    /** Writes elements {@code [from, to)} of a JSON array, each as a root-level value of the generator. */
    @FunctionalInterface
    public interface Elements {
        void write(JsonGenerator generator, int from, int to) throws IOException;
    }

    /**
     * The most pieces {@link #writeArray} cuts an array into (an array of fewer elements: one piece
     * per element, and one for an empty array).
     */
    static final int PIECES = 64;

    /**
     * Renders the JSON array of {@code count} elements written by {@code elements} into a new file
     * of {@code dir}, compressed: the document one generator would write for the whole array,
     * rendered and compressed in pieces (runs of elements) on every core, so that a large job's
     * datafile is ready sooner. {@code elements} is called from several threads at once, each on its own
     * generator and range; whatever it reads must stay unchanged until this returns (a caller
     * holding the state's read lock keeps it so for all of them).
     *
     * @param name a name for the file, unique in {@code dir} (such as the job's uuid)
     */
    public static Datafile writeArray(Path dir, String name, int count, Elements elements) throws IOException {
        Path f = newFile(dir, name);
        int pieces = Math.max(1, Math.min(count, PIECES));
        ParallelGzip.Written w;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), BUFFER)) {
            w = ParallelGzip.write(out, pieces, LEVEL, (index, text) -> {
                int from = (int) ((long) count * index / pieces);
                int to = (int) ((long) count * (index + 1) / pieces);
                text.write(index == 0 ? '[' : ',');
                // The elements as root-level values separated as in an array: the same bytes the
                // array's generator writes for them.
                try (JsonGenerator g = PceJson.mapper().getFactory().createGenerator(text)) {
                    g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString(","));
                    elements.write(g, from, to);
                }
                if (index == pieces - 1) {
                    text.write(']');
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(f);
            throw e;
        }
        return new Datafile(f, w.length(), w.compressedLength());
    }

    /** Where the datafile named {@code name} goes, its directory made. */
    private static Path newFile(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve("datafile-" + name + ".json.gz");
    }

    /** The document's size in bytes, uncompressed. */
    public long length() {
        return length;
    }

    /** The size of the gzip stream, as sent to clients that accept gzip. */
    public long compressedLength() {
        return compressedLength;
    }

    /** The gzip file; open it before {@link #discard()} runs to read it whole. */
    public Path gzipFile() {
        return file;
    }

    /** The uncompressed document, inflated as it is read. */
    public InputStream openPlain() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            return new GZIPInputStream(in, BUFFER);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The uncompressed document whole (for answers that must be altered, such as injected faults). */
    public byte[] readAll() throws IOException {
        try (InputStream in = openPlain()) {
            return in.readAllBytes();
        }
    }

    /** Deletes the file; later downloads of this datafile must not be attempted. */
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // In the spool directory, removed when the server stops.
        }
    }

    /** Whether a client's {@code Accept-Encoding} header takes gzip (a q of 0 refuses it). */
    public static boolean acceptsGzip(java.util.List<String> acceptEncoding) {
        boolean star = false;
        for (String header : acceptEncoding) {
            for (String part : header.split(",")) {
                String[] p = part.trim().split(";");
                String coding = p[0].trim().toLowerCase(java.util.Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                    if (param.startsWith("q=")) {
                        try {
                            refused = Double.parseDouble(param.substring(2)) <= 0;
                        } catch (NumberFormatException e) {
                            refused = true;
                        }
                    }
                }
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    return !refused;
                }
                if (coding.equals("*")) {
                    star = !refused;
                }
            }
        }
        return star;
    }
}
