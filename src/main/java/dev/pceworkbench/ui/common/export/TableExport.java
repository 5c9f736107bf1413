package dev.pceworkbench.ui.common.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes rows of a table to a CSV or JSON file: the CSV with one column per {@link Column} (through
 * {@link CsvWriter}, so formula-like cells are neutralised), the JSON as an array of objects written
 * by the caller. Both are written to a temporary file next to the target and moved over it at the
 * end, so a cancelled or failed export never leaves a half-written file under the chosen name.
 * Checks the token every thousand rows; call it from a background task.
 */
public final class TableExport {
    /** One CSV column: its header and the cell text of a row. */
    public record Column<T>(String header, Function<T, String> value) {
    }

    /** Writes one item as a JSON value. */
    @FunctionalInterface
    public interface JsonItem<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private TableExport() {
    }

    public static <T> void csv(Path file, List<Column<T>> columns, List<T> rows, CancellationToken token) throws IOException {
        Path tmp = temp(file);
        try {
            try (CsvWriter w = CsvWriter.open(tmp)) {
                w.row(columns.stream().map(Column::header).toList());
                List<String> cells = new ArrayList<>(columns.size());
                for (int i = 0; i < rows.size(); i++) {
                    if (i % 1000 == 0) {
                        token.throwIfCancelled("Export");
                    }
                    cells.clear();
                    for (Column<T> c : columns) {
                        cells.add(c.value().apply(rows.get(i)));
                    }
                    w.row(cells);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A pretty-printed JSON array of {@code items}, UTF-8. */
    public static <T> void json(Path file, List<T> items, JsonItem<T> writer, CancellationToken token) throws IOException {
        Path tmp = temp(file);
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator g = PceJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (int i = 0; i < items.size(); i++) {
                    if (i % 1000 == 0) {
                        token.throwIfCancelled("Export");
                    }
                    writer.write(g, items.get(i));
                }
                g.writeEndArray();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path temp(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".part");
    }
}
