package dev.pceworkbench.testing;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legibility check itself finds cut texts, and knows a tooltip with the full text from none. */
@ExtendWith(ApplicationExtension.class)
class LegibilityTest {
    VBox root;

    @Start
    void start(Stage stage) {
        Label fits = new Label("Fits");
        fits.setId("fits");
        Label cut = new Label("A label far too long for a column of eighty pixels");
        cut.setId("cut");
        cut.setMaxWidth(80);
        Label explained = new Label("Another label far too long for eighty pixels");
        explained.setId("explained");
        explained.setMaxWidth(80);
        explained.setTooltip(new Tooltip("Another label far too long for eighty pixels"));
        Label wrapped = new Label("A wrapped label shows all of its words on several lines");
        wrapped.setId("wrapped");
        wrapped.setWrapText(true);
        wrapped.setMaxWidth(80);
        javafx.scene.control.Button icon = new javafx.scene.control.Button("Icon and text",
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.ADD));
        icon.setId("icon");
        root = new VBox(fits, cut, explained, wrapped, icon);
        stage.setScene(new Scene(root, 300, 300));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void findsCutTextsAndTheirTooltips(FxRobot robot) {
        List<Legibility.Cut>[] found = new List[2];
        robot.interact(() -> {
            found[0] = Legibility.cuts(root);
            found[1] = Legibility.unreadable(root);
        });
        assertEquals(List.of("cut", "explained"), found[0].stream().map(c -> c.node().getId()).toList());
        assertEquals(List.of("cut"), found[1].stream().map(c -> c.node().getId()).toList());
        assertTrue(found[1].get(0).shown().length() < found[1].get(0).full().length());
        assertFalse(found[0].stream().anyMatch(c -> c.node().getId().equals("wrapped")), "wrapping is not cutting");
        assertFalse(found[0].stream().anyMatch(c -> c.node().getId().equals("icon")),
                "an icon (a FontIcon is a Text) is not the label's text");
    }
}
