package dev.pceworkbench.demo;

import dev.pceworkbench.demo.api.ApiVariants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer-shape variants: defaults, specs, and the demo-pce command line. */
class ApiVariantsTest {
    @Test
    void defaultsAndSpecs() {
        ApiVariants d = ApiVariants.parse(null);
        assertEquals(ApiVariants.DependencyShape.LIST, d.dependencies());
        assertEquals(ApiVariants.ObjectCountsShape.BY_TYPE, d.objectCounts());
        ApiVariants v = ApiVariants.parse("dependencies=BY_TYPE, object_counts=integer");
        assertEquals(ApiVariants.DependencyShape.BY_TYPE, v.dependencies());
        assertEquals(ApiVariants.ObjectCountsShape.INTEGER, v.objectCounts());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ApiVariants.parse("dependencies=tree"));
        assertTrue(bad.getMessage().contains("dependencies=list|by_type"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiVariants.parse("colour=blue"));
        assertThrows(IllegalArgumentException.class, () -> ApiVariants.parse("dependencies"));
    }

    @Test
    void theCommandLineChecksTheSpecBeforeStarting() {
        String[] args = {"--port", "0", "--variants", "object_counts=integer"};
        DemoPceMain.parse(args);
        assertEquals("object_counts=integer", DemoPceMain.variantsSpec(args));
        assertNull(DemoPceMain.variantsSpec(new String[]{"--port", "0"}));
        assertThrows(IllegalArgumentException.class, () -> DemoPceMain.parse(new String[]{"--variants", "x=y"}));
    }
}
