package dev.pceworkbench.demo.server;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an answer is rendered before it is sent: in memory up to a threshold, then in a temporary
 * file. Rendering happens under the state's read lock and is quick; sending, which may be as slow as
 * the client reads, happens afterwards without the lock.
 */
final class Spool extends OutputStream {
    private static final int IN_MEMORY = 1 << 20;
    private final Path dir;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    private Path file;
    private OutputStream fileOut;
    private long size;

    Spool(Path dir) {
        this.dir = dir;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + len > IN_MEMORY) {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "answer-", ".json");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
        size += len;
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    long size() {
        return size;
    }

    /** The rendered bytes when they stayed in memory, else null (see {@link #file()}). */
    byte[] bytes() {
        return memory == null ? null : memory.toByteArray();
    }

    Path file() {
        return file;
    }

    /** Removes the temporary file, if any. */
    void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind goes with the spool directory when the server stops.
            }
        }
    }
}
