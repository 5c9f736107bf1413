package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.ChipStyles;
import dev.pceworkbench.ui.common.SuggestionField;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * The query builder's controls, bound to {@link QueryForm}: for sources and destinations a picker
 * with suggestions, where to add (an include row, a new row, the excludes) and the filters as chips
 * with a remove button each; services to include and exclude; decisions; the time range; max
 * results; AND or OR between the two sides. Each field shows its own error under it.
 */
final class QueryFormView {
    private final QueryForm form;
    private final Runnable run;

    QueryFormView(QueryForm form, Runnable run) {
        this.form = form;
        this.run = run;
    }

    Node build() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        g.addRow(0, new Label("Sources"), side(form.sources(), "sources"));
        g.addRow(1, new Label("Destinations"), side(form.destinations(), "destinations"));
        g.addRow(2, new Label("Services"), services());
        g.addRow(3, new Label("Options"), options());
        VBox box = new VBox(4, g, ViewParts.errorLabel("timeError", form.errorProperty(QueryForm.Field.TIME)),
                ViewParts.errorLabel("maxResultsError", form.errorProperty(QueryForm.Field.MAX_RESULTS)));
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    private Node side(EndpointsForm side, String id) {
        TextField text = field(id + "Field", "Label, label group, workload, IP list, IP or CIDR, broadcast, multicast",
                side.textProperty());
        SuggestionField.bind(text, side::suggest, side::addPicked, side::addTyped);
        HBox.setHgrow(text, Priority.ALWAYS);
        ChoiceBox<EndpointsForm.Target> target = new ChoiceBox<>(side.targets());
        target.setId(id + "Target");
        target.valueProperty().bindBidirectional(side.targetProperty());
        target.setTooltip(new Tooltip("Filters of one include row must all match (AND); any row may (OR); "
                + "an excluded one leaves its flows out"));
        Button add = ViewParts.button(id + "Add", "Add", Material2AL.ADD, "Add this filter", side::addTyped);
        HBox picker = new HBox(6, text, target, add);
        picker.setAlignment(Pos.CENTER_LEFT);
        FlowPane chips = new FlowPane(6, 4);
        chips.setId(id + "Chips");
        Runnable redraw = () -> drawChips(chips, side);
        side.rows().addListener((ListChangeListener<List<EndpointFilter>>) c -> redraw.run());
        side.excludes().addListener((ListChangeListener<EndpointFilter>) c -> redraw.run());
        // Rows are lists of their own: a change inside one redraws too.
        side.rows().addListener((ListChangeListener<javafx.collections.ObservableList<EndpointFilter>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> r.addListener((ListChangeListener<EndpointFilter>) x -> redraw.run()));
            }
        });
        redraw.run();
        chips.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(side.rows())
                .or(javafx.beans.binding.Bindings.isNotEmpty(side.excludes())));
        chips.managedProperty().bind(chips.visibleProperty());
        return new VBox(3, picker, chips, ViewParts.errorLabel(id + "Error", side.errorProperty()));
    }

    private static void drawChips(FlowPane pane, EndpointsForm side) {
        pane.getChildren().clear();
        for (int i = 0; i < side.rows().size(); i++) {
            if (i > 0) {
                pane.getChildren().add(muted("OR"));
            }
            List<EndpointFilter> row = side.rows().get(i);
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) {
                    pane.getChildren().add(muted("AND"));
                }
                pane.getChildren().add(chip(row.get(j), side, false));
            }
        }
        if (!side.excludes().isEmpty()) {
            pane.getChildren().add(muted(side.rows().isEmpty() ? "Anything but" : "— but not"));
            side.excludes().forEach(f -> pane.getChildren().add(chip(f, side, true)));
        }
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Node chip(EndpointFilter f, EndpointsForm side, boolean excluded) {
        Label l = new Label(f.text());
        l.getStyleClass().addAll(ChipStyles.classes(excluded ? f.name().exclude() : f.name()));
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (excluded) {
            l.setText("not " + f.text());
        }
        Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.setTooltip(new Tooltip("Remove " + f.text()));
        remove.setAccessibleText("Remove " + f.text());
        remove.setOnAction(e -> side.remove(f));
        HBox h = new HBox(0, l, remove);
        h.getStyleClass().add("traffic-filter-chip");
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node services() {
        TextField include = field("servicesInclude", "Any: or 443/tcp, 8000-8080/udp, icmp, process sshd",
                form.servicesIncludeProperty());
        TextField exclude = field("servicesExclude", "None: or ports and processes to leave out",
                form.servicesExcludeProperty());
        include.setOnAction(e -> run.run());
        exclude.setOnAction(e -> run.run());
        VBox in = new VBox(3, include, ViewParts.errorLabel("servicesIncludeError",
                form.errorProperty(QueryForm.Field.SERVICES_INCLUDE)));
        VBox out = new VBox(3, exclude, ViewParts.errorLabel("servicesExcludeError",
                form.errorProperty(QueryForm.Field.SERVICES_EXCLUDE)));
        HBox.setHgrow(in, Priority.ALWAYS);
        HBox.setHgrow(out, Priority.ALWAYS);
        Label but = new Label("but not");
        HBox h = new HBox(8, in, but, out);
        h.setAlignment(Pos.TOP_LEFT);
        return h;
    }

    private Node options() {
        FlowPane p = new FlowPane(12, 6);
        p.setAlignment(Pos.CENTER_LEFT);
        HBox decisions = new HBox(8, new Label("Decisions"));
        decisions.setAlignment(Pos.CENTER_LEFT);
        QueryForm.DECISIONS.forEach((k, word) -> {
            CheckBox c = new CheckBox(word);
            c.setId("decision-" + k);
            c.setMinWidth(Region.USE_PREF_SIZE);
            c.selectedProperty().bindBidirectional(form.decisionProperty(k));
            decisions.getChildren().add(c);
        });
        ChoiceBox<TimePreset> preset = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(TimePreset.values()));
        preset.setId("timePreset");
        preset.valueProperty().bindBidirectional(form.presetProperty());
        TextField start = field("customStart", "2026-12-01 or 2026-12-01 14:30", form.customStartProperty());
        TextField end = field("customEnd", "empty: now", form.customEndProperty());
        start.setPrefColumnCount(12);
        end.setPrefColumnCount(10);
        HBox custom = new HBox(6, start, new Label("to"), end);
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.visibleProperty().bind(form.presetProperty().isEqualTo(TimePreset.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());
        HBox time = new HBox(6, new Label("Time"), preset, custom);
        time.setAlignment(Pos.CENTER_LEFT);
        TextField max = field("maxResults", "1-200000", form.maxResultsProperty());
        max.setPrefColumnCount(7);
        max.setOnAction(e -> run.run());
        HBox maxBox = new HBox(6, new Label("Max results"), max);
        maxBox.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup op = new ToggleGroup();
        RadioButton and = new RadioButton("Sources AND destinations");
        and.setId("opAnd");
        RadioButton or = new RadioButton("OR");
        or.setId("opOr");
        or.setTooltip(new Tooltip("A flow matching the sources or the destinations"));
        and.setToggleGroup(op);
        or.setToggleGroup(op);
        (form.eitherProperty().get() ? or : and).setSelected(true);
        or.selectedProperty().addListener((o, a, b) -> form.eitherProperty().set(b));
        form.eitherProperty().addListener((o, a, b) -> (b ? or : and).setSelected(true));
        HBox opBox = new HBox(8, and, or);
        opBox.setAlignment(Pos.CENTER_LEFT);
        p.getChildren().addAll(decisions, time, maxBox, opBox);
        return p;
    }

    private static TextField field(String id, String prompt, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }
}
