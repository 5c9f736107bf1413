package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.LabelGroup;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The label group editor (new group, or rename and change members of a draft group): name,
 * description, dimension (fixed once the group exists) and tick lists of member labels and
 * sub-groups. Validation follows the PCE: a name, unique among the groups ignoring case, a key,
 * members and sub-groups only of the group's key, no sub-group that already contains this group.
 * Changing the key offers that key's labels and keeps the ticked ones of the old key, flagged, so
 * nothing the user chose disappears silently.
 */
public final class LabelGroupEditorViewModel extends DimensionEditor {
    private final LabelGroup original;
    private final List<LabelRow> labels;
    private final List<LabelGroup> groups;
    private final Set<String> forbiddenSubGroups;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableList<MemberChoice> memberChoices =
            FXCollections.observableArrayList(c -> new Observable[]{c.selectedProperty()});
    private final ObservableList<MemberChoice> subGroupChoices =
            FXCollections.observableArrayList(c -> new Observable[]{c.selectedProperty()});

    /**
     * @param original           the draft group being edited, or null for a new one
     * @param dimensions         the dimensions to choose from
     * @param preset             the dimension to start a new group with, may be null
     * @param labels             every label (member candidates)
     * @param groups             the draft's label groups (sub-group candidates, name uniqueness)
     * @param forbiddenSubGroups groups that contain the edited group (adding one would make a loop)
     */
    LabelGroupEditorViewModel(LabelGroup original, List<DimensionChoice> dimensions, DimensionChoice preset,
                              List<LabelRow> labels, List<LabelGroup> groups, Set<String> forbiddenSubGroups) {
        super(dimensions);
        this.original = original;
        this.labels = labels;
        this.groups = groups;
        this.forbiddenSubGroups = forbiddenSubGroups;
        if (original != null) {
            name.set(original.name());
            description.set(original.description() == null ? "" : original.description());
            startWith(original.key(), original.key());
        } else {
            startWith(preset);
        }
        Set<String> ticked = new HashSet<>();
        if (original != null) {
            original.labels().forEach(h -> ticked.add(h.href()));
            original.subGroups().forEach(h -> ticked.add(Hrefs.toDraft(h.href())));
        }
        rebuildChoices(ticked);
        dimensionProperty().addListener((o, a, b) -> {
            Set<String> keep = new HashSet<>(selectedHrefs(memberChoices));
            keep.addAll(selectedHrefs(subGroupChoices));
            rebuildChoices(keep);
            validate();
        });
        name.addListener((o, a, b) -> validate());
        memberChoices.addListener((javafx.collections.ListChangeListener<MemberChoice>) c -> validate());
        subGroupChoices.addListener((javafx.collections.ListChangeListener<MemberChoice>) c -> validate());
        validate();
    }

    private void rebuildChoices(Set<String> ticked) {
        String key = key();
        Map<String, MemberChoice> members = new LinkedHashMap<>();
        for (LabelRow l : labels) {
            if (l.key().equals(key) || ticked.contains(l.href())) {
                members.put(l.href(), new MemberChoice(l.href(), l.key(),
                        l.key().equals(key) ? l.value() : l.display(), ticked.contains(l.href())));
            }
        }
        List<MemberChoice> subs = new ArrayList<>();
        for (LabelGroup g : groups) {
            String h = Hrefs.toDraft(g.href());
            boolean self = original != null && h.equals(Hrefs.toDraft(original.href()));
            if (self || g.pendingDeletion() || forbiddenSubGroups.contains(h)) {
                continue;
            }
            if (String.valueOf(g.key()).equals(key) || ticked.contains(h)) {
                subs.add(new MemberChoice(h, g.key(), g.name(), ticked.contains(h)));
            }
        }
        // Ticked members first: an edited group shows what it holds without scrolling.
        List<MemberChoice> ordered = new ArrayList<>(members.values());
        ordered.sort(java.util.Comparator.comparing(c -> !c.isSelected()));
        subs.sort(java.util.Comparator.comparing(c -> !c.isSelected()));
        memberChoices.setAll(ordered);
        subGroupChoices.setAll(subs);
    }

    public boolean editing() {
        return original != null;
    }

    public LabelGroup original() {
        return original;
    }

    public String title() {
        return original == null ? "New label group (draft)" : "Edit label group " + original.name() + " (draft)";
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObservableList<MemberChoice> memberChoices() {
        return memberChoices;
    }

    public ObservableList<MemberChoice> subGroupChoices() {
        return subGroupChoices;
    }

    /** Ticks (or unticks) the member label or sub-group {@code href}, if it is offered. */
    public void select(String href, boolean selected) {
        memberChoices.stream().filter(c -> c.href().equals(href)).forEach(c -> c.selectedProperty().set(selected));
        subGroupChoices.stream().filter(c -> c.href().equals(Hrefs.toDraft(href)))
                .forEach(c -> c.selectedProperty().set(selected));
    }

    /** The body of the create (POST) or update (PUT); the key only for a new group. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.get().strip());
        body.put("description", description.get() == null ? "" : description.get());
        if (original == null) {
            body.put("key", key());
        }
        body.put("labels", selectedHrefs(memberChoices).stream().map(Href::of).toList());
        body.put("sub_groups", selectedHrefs(subGroupChoices).stream().map(Href::of).toList());
        return body;
    }

    @Override
    String problem() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return "Enter a name for the label group.";
        }
        if (n.length() > LabelEditorViewModel.MAX_LENGTH) {
            return "The name has " + n.length() + " characters; the PCE accepts at most "
                    + LabelEditorViewModel.MAX_LENGTH + ". Shorten it.";
        }
        for (LabelGroup g : groups) {
            boolean self = original != null && Hrefs.toDraft(g.href()).equals(Hrefs.toDraft(original.href()));
            if (!self && g.name() != null && g.name().equalsIgnoreCase(n)) {
                return "A label group named '" + g.name() + "' already exists (names ignore case). Choose another name.";
            }
        }
        String key = key();
        if (key == null) {
            return "Choose the group's dimension: a group holds labels of one dimension only.";
        }
        String keyName = dimensionProperty().get().displayName();
        for (MemberChoice c : selected(memberChoices)) {
            if (!key.equals(c.key())) {
                return "Label " + c.text() + " is not in the " + keyName + " dimension. Untick it, or change the group's dimension.";
            }
        }
        for (MemberChoice c : selected(subGroupChoices)) {
            if (!key.equals(c.key())) {
                return "Sub-group " + c.text() + " is not in the " + keyName + " dimension. Untick it, or change the group's dimension.";
            }
        }
        return "";
    }

    private static List<MemberChoice> selected(Collection<MemberChoice> choices) {
        return choices.stream().filter(MemberChoice::isSelected).toList();
    }

    private static List<String> selectedHrefs(Collection<MemberChoice> choices) {
        return selected(choices).stream().map(MemberChoice::href).toList();
    }
}
