package dev.pceworkbench.pce.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model record whose objects a large download repeats byte for byte (a flow's end: the
 * same workload, names and labels in every flow it takes part in; a rule's actors, services and
 * {@code resolve_labels_as}: the same labels and services in rule after rule): in a parallel read,
 * each distinct text is read once and its record shared ({@code pce.json.RepeatedObjects}). Only
 * for records whose readers are plain model records ({@link RecordReader}); worth it only where
 * reading the object costs more than finding its bytes among those read before (tried on
 * {@link Href}, references of every kind, and left out: no gain measured).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface Repeated {
}
