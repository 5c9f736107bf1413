package dev.pceworkbench.ui.common.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV leniently, for files people made by hand or saved from a spreadsheet: RFC 4180 quoting
 * (doubled quotes, line breaks inside quotes), CRLF, LF or CR line ends, a UTF-8 byte order mark,
 * and a comma, semicolon or tab separator (whichever the first line uses most, outside quotes).
 * Blank lines are skipped. Each row keeps the line it started on, so errors can point at it.
 */
public final class CsvReader {
    /** One record: the (1-based) line it starts on and its cells. */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at {@code i}, trimmed; empty when the row is shorter. */
        public String cell(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i).trim() : "";
        }
    }

    /** The text is not CSV we can read (an opening quote never closed). */
    public static final class CsvFormatException extends IOException {
        public CsvFormatException(String message) {
            super(message);
        }
    }

    private CsvReader() {
    }

    public static List<Row> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<Row> parse(String text) throws CsvFormatException {
        String s = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        char sep = separator(s);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
            } else if (c == sep) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                addRow(rows, rowLine, cells, wasQuoted);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException("Line " + quoteLine + ": a quoted cell is never closed. Add the closing \" "
                    + "(a quote inside a quoted cell is written as \"\").");
        }
        if (!cell.isEmpty() || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            addRow(rows, rowLine, cells, wasQuoted);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells, boolean lastQuoted) {
        boolean blank = cells.size() == 1 && cells.get(0).isEmpty() && !lastQuoted;
        if (!blank) {
            rows.add(new Row(line, cells));
        }
    }

    /** The separator the first line uses most outside quotes: comma, semicolon or tab (comma by default). */
    static char separator(String s) {
        int[] counts = new int[3];
        char[] seps = {',', ';', '\t'};
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < seps.length; k++) {
                    if (c == seps[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < seps.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return seps[best];
    }
}
