package dev.pceworkbench.pce.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model record whose objects a large download repeats byte for byte (a flow's end: the
 * same workload, names and labels in every flow it takes part in): in a parallel read, each
 * distinct text is read once and its record shared ({@code pce.json.RepeatedObjects}). Only for
 * records whose readers are plain model records ({@link RecordReader}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface Repeated {
}
