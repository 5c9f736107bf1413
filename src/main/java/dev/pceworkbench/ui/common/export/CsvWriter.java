package dev.pceworkbench.ui.common.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it (CRLF line ends; a cell holding a comma, a double quote or a
 * line break is quoted, with its quotes doubled) in UTF-8, and neutralises spreadsheet formula
 * injection as OWASP advises: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab, a carriage return or NUL is read by Excel, LibreOffice and Google Sheets as a formula, so it
 * gets a leading {@code '} (shown as text, never evaluated) and is quoted. Files start with a UTF-8
 * byte order mark, without which Excel reads UTF-8 CSV as the local code page.
 */
public final class CsvWriter implements Closeable {
    private static final char BOM = '\uFEFF';
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer to {@code file} (created or replaced), starting with the byte order mark. */
    public static CsvWriter open(Path file) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        w.write(BOM);
        return new CsvWriter(w);
    }

    public void row(String... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    public void row(List<String> cells) throws IOException {
        if (cells.size() == 1 && (cells.get(0) == null || cells.get(0).isEmpty())) {
            out.write("\"\"\r\n"); // an empty line would read back as no row at all
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One cell as written: neutralised, then quoted when needed; null is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = neutralise(value);
        boolean quote = v.length() != value.length() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** {@code value} with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\0' -> "'" + value;
            default -> value;
        };
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
