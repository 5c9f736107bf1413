package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record's {@code Map<String, JsonNode> extra} component: Jackson collects every member
 * without a component there (any-setter on the constructor parameter) and never writes the map as
 * a property of its own; {@link PceJsonObject#jsonExtra()} writes its entries instead.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonAnySetter
@JsonProperty(value = Extras.NAME, access = JsonProperty.Access.WRITE_ONLY)
@interface Extra {
}
