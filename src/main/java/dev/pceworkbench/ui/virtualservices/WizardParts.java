package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.ui.common.ChipStyles;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.names.Name;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Small pieces the virtual-service views share: label chips (the workbench's chip style classes,
 * so they follow the theme), a wizard's page header listing every page with the current one
 * marked, the page's "why not yet" line, and form rows.
 */
final class WizardParts {
    private WizardParts() {
    }

    /** A chip for a label name, styled like the rule sets' chips. */
    static Label chip(Name n) {
        Label l = new Label(n.display());
        l.getStyleClass().addAll(ChipStyles.classes(n));
        l.setMinWidth(0);
        l.setMaxWidth(220);
        l.setTooltip(new Tooltip(n.display()));
        return l;
    }

    static FlowPane chips(List<Name> names) {
        FlowPane box = new FlowPane(4, 3);
        box.setAlignment(Pos.CENTER_LEFT);
        names.forEach(n -> box.getChildren().add(chip(n)));
        return box;
    }

    /** The pages of a wizard in a row, the current one in bold and accented. */
    static <P extends Enum<P>> HBox header(P[] pages, java.util.function.Function<P, String> title, ObservableValue<P> current) {
        HBox box = new HBox(14);
        box.setAlignment(Pos.CENTER_LEFT);
        for (P p : pages) {
            Label l = new Label((p.ordinal() + 1) + ". " + title.apply(p));
            l.setId("page-" + p.name());
            Runnable style = () -> {
                boolean on = current.getValue() == p;
                l.getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
                l.getStyleClass().addAll(on ? List.of(Styles.ACCENT, Styles.TEXT_BOLD) : List.of(Styles.TEXT_MUTED));
            };
            current.addListener((o, a, b) -> style.run());
            style.run();
            box.getChildren().add(l);
        }
        return box;
    }

    /** "Why this page is not yet valid", in the warning colour, hidden while empty. */
    static Label problem(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.WARNING);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.getValue() != null && !text.getValue().isEmpty(), text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    static void row(GridPane g, String label, Node field, String hint) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(field);
        g.add(l, 0, r);
        if (hint == null) {
            g.add(field, 1, r);
        } else {
            Label h = new Label(hint);
            h.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            h.setWrapText(true);
            g.add(new VBox(2, field, h), 1, r);
        }
    }

    static VBox page(Node... children) {
        VBox v = new VBox(10, children);
        v.setPadding(new Insets(8, 0, 8, 0));
        return v;
    }

    /** List cells that wrap their text within the list's width (no horizontal scrolling to read a line). */
    static void wrapping(javafx.scene.control.ListView<String> list) {
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
    }
}
