package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model record: null components are left out when writing (the record's {@code extra}
 * supplies the explicit nulls the PCE sent), and reading goes through {@link ModelDeserializer}
 * so that those nulls are noticed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = ModelDeserializer.class)
@interface PceRecord {
}
