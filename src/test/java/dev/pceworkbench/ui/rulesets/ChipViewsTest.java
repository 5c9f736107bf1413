package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.ChipStyles;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.ui.common.Themes;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.kordamp.ikonli.javafx.FontIcon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chips are styled by the workbench stylesheet, not inline: their colours are AtlantaFX's
 * looked-up colours, so light and dark give different backgrounds and text; their text is the one
 * vocabulary's, and a chip cut short shows its full text in its tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ChipViewsTest {
    static final Name ROLE_WEB = new Name(ObjectKind.LABEL, "role", "Web", "/orgs/1/labels/1");
    static final Name APP_CRM = new Name(ObjectKind.LABEL, "app", "CRM", "/orgs/1/labels/2");
    HBox root;
    String userAgentBefore;

    @Start
    void start(Stage stage) {
        userAgentBefore = Application.getUserAgentStylesheet();
        Themes.apply(Themes.LIGHT); // the workbench stylesheet is written for AtlantaFX's colours
        root = new HBox(4);
        root.setMaxWidth(160);
        Scene scene = new Scene(root, 160, 80);
        Themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restoreTheme(FxRobot robot) {
        // Leave the other tests of this JVM the theme they had, without the workbench stylesheet on top.
        robot.interact(() -> {
            root.getChildren().clear();
            root.getScene().getStylesheets().clear();
            Application.setUserAgentStylesheet(userAgentBefore);
        });
    }

    private static List<Paint> fills(Label l) {
        assertNotNull(l.getBackground(), "the stylesheet gave the chip a background");
        return l.getBackground().getFills().stream().map(BackgroundFill::getFill).toList();
    }

    private void theme(FxRobot robot, String theme, Label... chips) {
        robot.interact(() -> {
            Themes.apply(theme);
            root.getChildren().setAll(chips);
            root.applyCss();
            root.layout();
        });
    }

    @Test
    void aChipsColourComesFromItsStyleClassesAndFollowsTheTheme(FxRobot robot) {
        Label role = ChipViews.chip(ROLE_WEB, ChipViews.Opener.NONE);
        Label app = ChipViews.chip(APP_CRM, ChipViews.Opener.NONE);
        assertEquals("", role.getStyle(), "no inline style");
        assertEquals(List.of("label", "chip", "chip-label", "chip-dim-0"), role.getStyleClass());
        assertTrue(app.getStyleClass().contains("chip-dim-1"), app.getStyleClass().toString());
        assertEquals("role: Web", role.getText());

        theme(robot, Themes.LIGHT, role, app);
        List<Paint> light = fills(role);
        Paint lightText = role.getTextFill();
        assertEquals(2, light.size(), "the theme's background under the dimension's tint");
        assertNotEquals(light, fills(app), "two dimensions, two colours");

        theme(robot, Themes.DARK, role, app);
        List<Paint> dark = fills(role);
        assertNotEquals(light, dark, "light and dark resolve to different backgrounds");
        assertNotEquals(lightText, role.getTextFill(), "and to the theme's own text colour");
        assertNotEquals(dark, fills(app));
    }

    @Test
    void everyKindHasItsClassAndTheStylesheetColoursIt(FxRobot robot) {
        List<Name> names = List.of(new Name(ObjectKind.LABEL_GROUP, "app", "LG-Data", "/orgs/1/sec_policy/draft/label_groups/1"),
                new Name(ObjectKind.ALL_WORKLOADS, null, "All Workloads", null),
                new Name(ObjectKind.WORKLOAD, null, "web-01", "/orgs/1/workloads/1"),
                new Name(ObjectKind.IP_LIST, null, "Corp", "/orgs/1/sec_policy/draft/ip_lists/1"),
                new Name(ObjectKind.VIRTUAL_SERVICE, null, "VS-DB", "/orgs/1/sec_policy/draft/virtual_services/1"),
                new Name(ObjectKind.USER_GROUP, null, "Admins", "/orgs/1/security_principals/1"),
                new Name(ObjectKind.PORT, null, "443 TCP", null));
        Label[] chips = names.stream().map(n -> ChipViews.chip(n, ChipViews.Opener.NONE)).toArray(Label[]::new);
        assertEquals(List.of("chip-label-group", "chip-all-workloads", "chip-workload", "chip-ip-list", "chip-virtual-service",
                "chip-user-group", "chip-port"), java.util.Arrays.stream(chips).map(c -> c.getStyleClass().get(2)).toList());
        assertTrue(chips[0].getStyleClass().contains("chip-dim-1"), "a label group is tinted by its dimension");
        assertEquals("label group LG-Data", chips[0].getText());
        assertEquals("443 TCP", chips[6].getText());
        theme(robot, Themes.LIGHT, chips);
        for (Label c : chips) {
            assertEquals("", c.getStyle());
            assertEquals(2, fills(c).size(), c.getText());
        }
        Set<List<Paint>> distinct = java.util.Arrays.stream(chips).limit(6).map(ChipViewsTest::fills).collect(Collectors.toSet());
        assertEquals(6, distinct.size(), "groups, All Workloads, workloads, IP lists, virtual services and user groups differ");
    }

    @Test
    void iconsKeepTheirFontAndTakeTheThemesMutedColour(FxRobot robot) {
        Label ipList = ChipViews.chip(new Name(ObjectKind.IP_LIST, null, "Corp", "/orgs/1/sec_policy/draft/ip_lists/1"),
                ChipViews.Opener.NONE);
        FontIcon icon = (FontIcon) ipList.getGraphic();
        theme(robot, Themes.LIGHT, ipList);
        assertEquals("Material Icons", icon.getFont().getFamily(), "the chip's font does not replace the icon's");
        Paint light = icon.getIconColor();
        theme(robot, Themes.DARK, ipList);
        assertEquals("Material Icons", icon.getFont().getFamily());
        assertNotEquals(light, icon.getIconColor());
        assertFalse(icon.getStyle().contains("color"), "no inline colour on the icon either: " + icon.getStyle());
    }

    @Test
    void aChipCutShortShowsItsFullTextInItsTooltip(FxRobot robot) {
        Name longName = new Name(ObjectKind.IP_LIST, null, "IPL-Partner-Networks-Europe-Middle-East-and-Africa-Extranet",
                "/orgs/1/sec_policy/draft/ip_lists/9");
        Label chip = ChipViews.chip(longName, ChipViews.Opener.NONE);
        theme(robot, Themes.LIGHT, chip);
        Text shown = (Text) chip.lookup(".text");
        assertNotNull(shown);
        assertTrue(chip.getWidth() <= ChipViews.MAX_WIDTH, "width " + chip.getWidth());
        assertNotEquals(longName.display(), shown.getText(), "the chip is cut: " + shown.getText());
        assertEquals(longName.display() + "\n" + longName.href(), chip.getTooltip().getText());
    }

    @Test
    void dimensionClassesAreStableAndCoverCustomDimensions() {
        assertEquals(List.of(0, 1, 2, 3), List.of("role", "app", "env", "loc").stream().map(ChipStyles::dimension).toList());
        for (String custom : List.of("bu", "tier", "owner", "zone", "datacenter")) {
            int d = ChipStyles.dimension(custom);
            assertTrue(d >= 4 && d < ChipStyles.DIMENSIONS, custom + " → " + d);
            assertEquals(d, ChipStyles.dimension(custom), "stable");
        }
        assertTrue(IntStream.range(0, 50).mapToObj(i -> ChipStyles.dimension("dim" + i)).collect(Collectors.toSet()).size() == 4,
                "custom dimensions use all four of their classes");
        assertFalse(ChipStyles.classes(new Name(ObjectKind.IP_LIST, null, "Corp", "/x")).stream().anyMatch(c -> c.startsWith("chip-dim")));
        assertTrue(ChipStyles.classes(ROLE_WEB.exclude()).contains("chip-excluded"));
    }
}
