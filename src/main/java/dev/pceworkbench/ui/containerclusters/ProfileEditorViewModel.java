package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile.LabelRule;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The form of one container workload profile, new or existing: namespace (new only), name,
 * description, managed, enforcement mode, and per label dimension an assignment or a restriction.
 * {@link #problem()} says, naming the field, why it cannot be saved yet.
 */
public final class ProfileEditorViewModel {
    /** A Kubernetes namespace: a DNS label (RFC 1123). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty managed = new SimpleBooleanProperty(this, "managed", true);
    private final ObjectProperty<String> enforcement = new SimpleObjectProperty<>(this, "enforcement", "idle");
    private final ObservableList<DimensionRule> dimensions = FXCollections.observableArrayList(
            d -> d.dependencies());
    private final StringBinding problem;
    private final BooleanBinding valid;
    private ContainerWorkloadProfile original;
    private String clusterHref;

    ProfileEditorViewModel() {
        problem = Bindings.createStringBinding(this::computeProblem, namespace, name, creating, dimensions, open);
        valid = Bindings.createBooleanBinding(() -> open.get() && problem.get() == null, problem, open);
    }

    /** Opens the form for a new profile of {@code cluster} ({@code profile} null) or for {@code profile}. */
    void open(String cluster, ContainerWorkloadProfile profile, List<LabelDimension> dims, List<Label> labels) {
        clusterHref = cluster;
        original = profile;
        creating.set(profile == null);
        namespace.set(profile == null || profile.namespace() == null ? "" : profile.namespace());
        name.set(profile == null || profile.name() == null ? "" : profile.name());
        description.set(profile == null || profile.description() == null ? "" : profile.description());
        managed.set(profile == null || Boolean.TRUE.equals(profile.managed()));
        enforcement.set(profile == null || profile.enforcementMode() == null ? "idle" : profile.enforcementMode());
        List<DimensionRule> rules = new ArrayList<>();
        for (LabelDimension d : dims) {
            if (Boolean.TRUE.equals(d.deleted())) {
                continue;
            }
            List<LabelChoice> choices = labels.stream().filter(l -> d.key().equals(l.key()))
                    .map(LabelChoice::of).sorted(Comparator.comparing(LabelChoice::text, String.CASE_INSENSITIVE_ORDER)).toList();
            DimensionRule r = new DimensionRule(d.key(), d.displayName() == null ? d.key() : d.displayName(), choices);
            r.load(profile == null || profile.labels() == null ? null : profile.labels().stream()
                    .filter(x -> d.key().equals(x.key())).findFirst().orElse(null));
            rules.add(r);
        }
        dimensions.setAll(rules);
        open.set(true);
    }

    void close() {
        open.set(false);
        original = null;
        dimensions.clear();
    }

    private String computeProblem() {
        if (!open.get()) {
            return null;
        }
        if (creating.get()) {
            String ns = namespace.get() == null ? "" : namespace.get().trim();
            if (ns.isEmpty()) {
                return "Namespace: required (the Kubernetes namespace this profile is for)";
            }
            if (!NAMESPACE.matcher(ns).matches()) {
                return "Namespace: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63";
            }
        }
        if (name.get() != null && name.get().length() > 255) {
            return "Name: at most 255 characters";
        }
        for (DimensionRule d : dimensions) {
            String p = d.problem();
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The profile as the form says it (the namespace only when new). */
    ContainerWorkloadProfile toProfile() {
        List<LabelRule> rules = dimensions.stream().map(DimensionRule::toRule).filter(Objects::nonNull).toList();
        String n = name.get() == null || name.get().isBlank() ? null : name.get().trim();
        if (original == null) {
            return new ContainerWorkloadProfile(null, n, namespace.get().trim(), description.get(), enforcement.get(),
                    null, managed.get(), null, null, rules, null);
        }
        return original.withName(n).withDescription(description.get())
                .withEnforcementMode(enforcement.get()).withLabels(rules).withManaged(managed.get());
    }

    String clusterHref() {
        return clusterHref;
    }

    ContainerWorkloadProfile original() {
        return original;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty managedProperty() {
        return managed;
    }

    public ObjectProperty<String> enforcementProperty() {
        return enforcement;
    }

    public ObservableList<DimensionRule> dimensions() {
        return dimensions;
    }

    /** Why the form cannot be saved, naming the field; null when it can. */
    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
