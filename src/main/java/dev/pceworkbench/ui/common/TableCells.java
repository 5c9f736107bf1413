package dev.pceworkbench.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;

import java.util.List;
import java.util.function.Function;

/**
 * Table columns that stay readable at a laptop's size: every text cell carries a tooltip with its
 * full text (so a cut cell can always be read), long-text columns wrap onto several lines, headers
 * never shrink below their own width, and {@link #fitToContent} sizes columns to what they show
 * (between a minimum and a maximum) whenever the rows change.
 */
public final class TableCells {
    /** Room for the sort arrow and the cell padding beside a header's text. */
    private static final double HEADER_PADDING = 34;
    private static final double CELL_PADDING = 22;

    private TableCells() {
    }

    /** A text column whose cells show a tooltip with the full text; {@code wrap} lets long texts take several lines. */
    public static <T> TableColumn<T, String> column(String header, Function<T, String> text, boolean wrap) {
        TableColumn<T, String> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setCellFactory(wrap ? wrapping() : tooltipped());
        c.setMinWidth(headerWidth(header));
        return c;
    }

    /** Cells on one line, with the full text in a tooltip. */
    public static <T> Callback<TableColumn<T, String>, TableCell<T, String>> tooltipped() {
        return c -> new TextCell<>(false);
    }

    /** Cells that wrap their text onto as many lines as it needs, with the full text in a tooltip. */
    public static <T> Callback<TableColumn<T, String>, TableCell<T, String>> wrapping() {
        return c -> new TextCell<>(true);
    }

    private static final class TextCell<T> extends TableCell<T, String> {
        private final Tooltip tip = new Tooltip();

        TextCell(boolean wrap) {
            setWrapText(wrap);
            if (wrap) {
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }
            tip.setWrapText(true);
            tip.setMaxWidth(600);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.isEmpty()) {
                setText(null);
                setTooltip(null);
            } else {
                setText(item);
                tip.setText(item);
                setTooltip(tip);
            }
        }
    }

    /** The width a header needs to be read in full (its text, the sort arrow and padding). */
    public static double headerWidth(String header) {
        return Math.ceil(textWidth(header, true) + HEADER_PADDING);
    }

    /** The width of {@code s} in the theme's font (AtlantaFX draws 14px text; headers are bold). */
    private static double textWidth(String s, boolean bold) {
        Text t = new Text(s);
        double size = Math.max(14, Font.getDefault().getSize());
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? javafx.scene.text.FontWeight.BOLD
                : javafx.scene.text.FontWeight.NORMAL, size));
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Sizes each column of {@code table} to its widest text among the first rows (header included),
     * kept between the column's minimum width and {@code max}, now and whenever the rows change.
     * Columns with their own cell graphics (chips) keep their widths.
     */
    public static <T> void fitToContent(TableView<T> table, double max, List<TableColumn<T, ?>> columns) {
        Runnable fit = () -> {
            for (TableColumn<T, ?> c : columns) {
                double w = headerWidth(c.getText());
                int n = Math.min(table.getItems().size(), 300);
                for (int i = 0; i < n; i++) {
                    Object v = c.getCellData(i);
                    if (v != null) {
                        w = Math.max(w, textWidth(v.toString(), false) + CELL_PADDING);
                    }
                }
                c.setPrefWidth(Math.max(c.getMinWidth(), Math.min(max, Math.ceil(w))));
            }
        };
        table.getItems().addListener((ListChangeListener<T>) ch -> fit.run());
        fit.run();
    }
}
