package dev.pceworkbench.ui.connections;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.ProxyMode;
import dev.pceworkbench.ui.connections.ProfileEditorViewModel.Field;
import dev.pceworkbench.ui.common.ValidationDecorations;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Map;

/**
 * Builds the profile form, grouped as Connection, Credentials, Proxy and TLS, bound to the
 * {@link ProfileEditorViewModel}: text fields bind both ways to its properties, fields that do not
 * apply (the manual proxy's host with no proxy, the key file of a PKCS#12 certificate, everything
 * but the name of the embedded demo) are disabled, and each validated field is decorated with the
 * view model's message.
 */
final class ProfileForm {
    private final ConnectionsViewModel model;
    private final ProfileEditorViewModel editor;
    private final ValidationDecorations<Field> validation;

    ProfileForm(ConnectionsViewModel model) {
        this.model = model;
        this.editor = model.editor();
        this.validation = new ValidationDecorations<>(editor.errors(), editor::messageProperty);
    }

    Node build() {
        ObservableBooleanValue demo = editor.embeddedDemoProperty();
        Label embeddedNote = new Label("The embedded demo PCE runs inside the workbench: its address, API key and CA "
                + "are set up automatically. Only the name can be changed.", new FontIcon(Material2MZ.SCIENCE));
        embeddedNote.setId("embeddedNote");
        embeddedNote.setWrapText(true);
        embeddedNote.getStyleClass().add(Styles.ACCENT);
        showIf(embeddedNote, demo);

        VBox form = new VBox(14, connection(), embeddedNote, disabledIf(credentials(), demo), disabledIf(proxy(), demo),
                disabledIf(tls(), demo));
        form.setPadding(new Insets(12));
        return form;
    }

    private Node connection() {
        GridPane g = grid();
        row(g, 0, "Name", text("nameField", editor.nameProperty(), Field.NAME, "Production PCE"));
        TextField target = text("targetField", editor.targetProperty(), Field.TARGET, "pce.example.com or https://pce.example.com:8443");
        row(g, 1, "PCE address", disabledIf(target, editor.embeddedDemoProperty()));
        TextField port = text("portField", editor.portProperty(), Field.PORT, "8443");
        port.setPrefColumnCount(6);
        TextField org = text("orgField", editor.orgIdProperty(), Field.ORG_ID, "1");
        org.setPrefColumnCount(6);
        HBox portAndOrg = new HBox(8, port, new Label("Org id"), org);
        portAndOrg.setAlignment(Pos.CENTER_LEFT);
        row(g, 2, "Port", disabledIf(portAndOrg, editor.embeddedDemoProperty()));
        return section("Connection", Material2AL.CLOUD_QUEUE, g);
    }

    private Node credentials() {
        GridPane g = grid();
        ComboBox<CredentialType> type = choice("credentialTypeChoice", editor.credentialTypeProperty(), CredentialType.values(),
                Map.of(CredentialType.API_KEY, "API key and secret", CredentialType.USER_PASSWORD, "User name (email) and password"));
        row(g, 0, "Authenticate with", type);
        row(g, 1, editor.usernameLabelProperty(), text("usernameField", editor.usernameProperty(), Field.USERNAME, "api_1a2b3c4d5e6f7"));
        row(g, 2, editor.secretLabelProperty(), password("secretField", editor.secretProperty(), Field.SECRET));
        Label note = new Label();
        note.setId("secretsNote");
        note.setWrapText(true);
        note.textProperty().bind(model.storageStatus().secretsNoteBinding());
        Tooltip where = new Tooltip();
        where.textProperty().bind(Bindings.concat("Secret store: ", model.storageStatus().secretStoreDescriptionProperty()));
        note.setTooltip(where);
        // The secret store answers after the form is built: the icon and style follow it.
        Runnable style = () -> {
            boolean persistent = model.storageStatus().secretsPersistentProperty().get();
            note.setGraphic(new FontIcon(persistent ? Material2AL.LOCK : Material2MZ.WARNING));
            note.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.WARNING);
            note.getStyleClass().add(persistent ? Styles.TEXT_MUTED : Styles.WARNING);
        };
        style.run();
        model.storageStatus().secretsPersistentProperty().addListener((o, a, b) -> style.run());
        g.add(note, 1, 3);
        return section("Credentials", Material2MZ.VPN_KEY, g);
    }

    private Node proxy() {
        GridPane g = grid();
        ComboBox<ProxyMode> mode = choice("proxyModeChoice", editor.proxyModeProperty(), ProxyMode.values(),
                Map.of(ProxyMode.NONE, "No proxy (direct)", ProxyMode.SYSTEM, "System / environment (HTTPS_PROXY)",
                        ProxyMode.MANUAL, "Manual"));
        row(g, 0, "Proxy", mode);
        ObservableBooleanValue notManual = editor.manualProxyProperty().not();
        TextField host = text("proxyHostField", editor.proxyHostProperty(), Field.PROXY_HOST, "proxy.example.com");
        TextField port = text("proxyPortField", editor.proxyPortProperty(), Field.PROXY_PORT, "3128");
        port.setPrefColumnCount(6);
        HBox hostPort = new HBox(8, host, new Label("Port"), port);
        hostPort.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        row(g, 1, "Host", disabledIf(hostPort, notManual));
        row(g, 2, "User", disabledIf(text("proxyUserField", editor.proxyUsernameProperty(), Field.PROXY_USERNAME,
                "optional"), notManual));
        row(g, 3, "Password", disabledIf(password("proxyPasswordField", editor.proxyPasswordProperty(), null), notManual));
        return section("Proxy", Material2MZ.SETTINGS_ETHERNET, g);
    }

    private Node tls() {
        GridPane g = grid();
        CheckBox verify = new CheckBox("Verify the PCE's certificate and host name (recommended)");
        verify.setId("tlsVerifyCheck");
        verify.selectedProperty().bindBidirectional(editor.tlsVerifyProperty());
        g.add(verify, 1, 0);
        Label warning = new Label();
        warning.setId("tlsWarning");
        warning.setWrapText(true);
        warning.setGraphic(new FontIcon(Material2MZ.WARNING));
        warning.getStyleClass().add("insecure-warning");
        warning.textProperty().bind(editor.tlsWarningProperty());
        showIf(warning, Bindings.isNotEmpty(editor.tlsWarningProperty()));
        g.add(warning, 1, 1);
        TextField ca = text("caBundleField", editor.caBundlePathProperty(), Field.CA_BUNDLE, "PEM file with the PCE's CA (optional)");
        row(g, 2, "CA bundle", withBrowse(ca, "caBundleBrowse", model::chooseCaBundle));
        ComboBox<ClientCertType> certType = choice("clientCertTypeChoice", editor.clientCertTypeProperty(), ClientCertType.values(),
                Map.of(ClientCertType.NONE, "None", ClientCertType.PEM_PAIR, "PEM file with certificate and key",
                        ClientCertType.CERT_AND_KEY, "Certificate file + key file", ClientCertType.PKCS12, "PKCS#12 (.p12 / .pfx)"));
        row(g, 3, "Client certificate", certType);
        ObservableBooleanValue noCert = editor.clientCertificateProperty().not();
        TextField cert = text("clientCertField", editor.clientCertPathProperty(), Field.CLIENT_CERT, "certificate file");
        row(g, 4, "Certificate file", disabledIf(withBrowse(cert, "clientCertBrowse", model::chooseClientCertificate), noCert));
        TextField key = text("clientKeyField", editor.clientKeyPathProperty(), Field.CLIENT_KEY, "private key file (PEM)");
        row(g, 5, "Key file", disabledIf(withBrowse(key, "clientKeyBrowse", model::chooseClientKey),
                editor.separateClientKeyProperty().not()));
        row(g, 6, "Passphrase", disabledIf(password("clientKeyPassphraseField", editor.clientKeyPassphraseProperty(),
                Field.CLIENT_KEY_PASSPHRASE), noCert));
        return section("TLS", Material2AL.LOCK, g);
    }

    // --- small builders -------------------------------------------------------------------------

    private TextField text(String id, Property<String> value, Field field, String prompt) {
        return bind(new TextField(), id, value, field, prompt);
    }

    private PasswordField password(String id, Property<String> value, Field field) {
        return bind(new PasswordField(), id, value, field, null);
    }

    private <T extends TextInputControl> T bind(T control, String id, Property<String> value, Field field, String prompt) {
        control.setId(id);
        control.textProperty().bindBidirectional(value);
        if (prompt != null) {
            control.setPromptText(prompt);
        }
        if (field != null) {
            validation.register(control, field);
        }
        return control;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, Property<E> value, E[] values, Map<E, String> labels) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : labels.getOrDefault(e, e.name());
            }

            @Override
            public E fromString(String s) {
                return box.getItems().stream().filter(e -> toString(e).equals(s)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Node withBrowse(TextField field, String id, Runnable browse) {
        Button b = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        b.setId(id);
        b.setOnAction(e -> browse.run());
        b.setAccessibleText("Browse…");
        HBox box = new HBox(6, field, b);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, fields);
        return g;
    }

    private static void row(GridPane g, int row, String label, Node field) {
        g.addRow(row, new Label(label), field);
    }

    private static void row(GridPane g, int row, ObservableStringValue label, Node field) {
        Label l = new Label();
        l.textProperty().bind(label);
        g.addRow(row, l, field);
    }

    private static Node section(String title, Ikon icon, Node content) {
        Label header = new Label(title, new FontIcon(icon));
        header.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, header, content);
    }

    private static <N extends Node> N disabledIf(N node, ObservableBooleanValue condition) {
        node.disableProperty().bind(condition);
        return node;
    }

    private static void showIf(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
