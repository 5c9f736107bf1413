package dev.pceworkbench.ui.rulesets;

import atlantafx.base.theme.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The pieces the rule, rule set and iptables rule forms share: title, sections, check boxes, Save / Cancel, the scroll pane. */
final class FormParts {
    private FormParts() {
    }

    /** The form's title; the form sets its text when an edit starts. */
    static Label title(String id) {
        Label title = new Label();
        title.setId(id);
        title.getStyleClass().add(Styles.TITLE_4);
        return title;
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    static CheckBox check(String id, String text, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    /** Save: disabled while the form has a problem or a save is under way. */
    static Button save(String text, String id, FormMessages messages, RuleSetsViewModel vm) {
        Button save = new Button(text);
        save.setId(id);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(messages.validProperty().not().or(vm.savingProperty()));
        save.setOnAction(e -> vm.edits().save());
        return save;
    }

    static Button cancel(RuleSetsViewModel vm) {
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.edits().cancel());
        return cancel;
    }

    /** The form's fields in a scroll pane that fits the width. */
    static ScrollPane scrolling(VBox box, String id) {
        box.setPadding(new Insets(12));
        ScrollPane root = new ScrollPane(box);
        root.setId(id);
        root.setFitToWidth(true);
        return root;
    }
}
