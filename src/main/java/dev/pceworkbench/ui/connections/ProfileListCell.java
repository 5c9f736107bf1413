package dev.pceworkbench.ui.connections;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.connection.ConnectionProfile;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A profile in the list: a flask for the embedded demo PCE, a cloud for a real PCE, and a green
 * "active" badge on the profile of the active connection.
 */
final class ProfileListCell extends ListCell<ConnectionProfile> {
    static final String ACTIVE_BADGE = "active-profile-badge";

    private final ConnectionsViewModel model;

    ProfileListCell(ConnectionsViewModel model) {
        this.model = model;
        // Cells as wide as the list, never wider: long names end in "…" instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ConnectionProfile p, boolean empty) {
        super.updateItem(p, empty);
        if (empty || p == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        FontIcon kind = new FontIcon(p.embeddedDemo() ? Material2MZ.SCIENCE : Material2AL.CLOUD_QUEUE);
        Label name = new Label(p.name(), kind);
        name.setGraphicTextGap(8);
        name.setMinWidth(0);
        // A long name wraps onto a second line rather than ending in "…"; the tooltip has it too.
        name.setWrapText(true);
        name.setTooltip(new javafx.scene.control.Tooltip(p.name()));
        HBox row = new HBox(6, name);
        row.setMinWidth(0);
        row.setAlignment(Pos.CENTER_LEFT);
        if (model.isActive(p)) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label badge = new Label("active", new FontIcon(Material2AL.CHECK_CIRCLE));
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.getStyleClass().addAll(ACTIVE_BADGE, Styles.SUCCESS, Styles.TEXT_SMALL);
            row.getChildren().addAll(gap, badge);
            name.getStyleClass().add(Styles.TEXT_BOLD);
        }
        setText(null);
        setGraphic(row);
        setAccessibleText(p.name() + (p.embeddedDemo() ? ", embedded demo PCE" : "") + (model.isActive(p) ? ", active" : ""));
    }
}
