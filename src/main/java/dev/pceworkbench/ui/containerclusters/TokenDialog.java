package dev.pceworkbench.ui.containerclusters;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The one time a new cluster's token is on screen: read-only in a field, with a Copy button and
 * the plain warning that it will not be shown again. Closing the dialog empties the field and
 * tells the model, which wipes the token.
 */
final class TokenDialog {
    static final String WARNING = "Copy this token now: it will not be shown again. The PCE gives it only once, "
            + "and Kubelink needs it to pair the cluster.";

    private TokenDialog() {
    }

    static void show(Window owner, TokenReveal reveal, Runnable closed) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Container cluster token");
        d.setHeaderText("Container cluster " + reveal.clusterName() + " created");
        d.getDialogPane().setId("tokenDialog");

        Label warning = new Label(WARNING, new FontIcon(Material2MZ.WARNING));
        warning.setId("tokenWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        warning.setMaxWidth(520);
        TextField field = new TextField(reveal.text());
        field.setId("tokenField");
        field.setEditable(false);
        field.setPrefColumnCount(48);
        HBox.setHgrow(field, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId("tokenCopied");
        Button copy = new Button("Copy", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyTokenButton");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(field.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Copied to the clipboard");
        });
        Node content = new VBox(10, warning, new HBox(8, field, copy), copied);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().lookupButton(ButtonType.CLOSE).setId("closeTokenButton");
        d.setOnHidden(e -> {
            field.clear();
            closed.run();
        });
        d.show();
        field.requestFocus();
        field.selectAll();
    }
}
