/**
 * The typed model of the PCE's JSON objects: immutable records named after the PCE's own fields
 * ({@code @JsonProperty("snake_case")}), read and written with the shared
 * {@link dev.pceworkbench.pce.json.PceJson} mapper. Nothing is lost on a round trip: members a
 * record does not model, and explicit JSON nulls, are kept in each record's {@code extra} map
 * (see {@link dev.pceworkbench.pce.model.PceJsonObject}); absent members stay absent. Timestamps
 * are kept as the PCE's strings so they come back byte for byte. No JavaFX here.
 */
package dev.pceworkbench.pce.model;
