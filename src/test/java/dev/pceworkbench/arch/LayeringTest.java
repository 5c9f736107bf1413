package dev.pceworkbench.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer rules of DESIGN.md, read from the sources: the PCE client has no JavaFX at all; the
 * demo PCE, the policy engine and the task layer never touch JavaFX controls, scenes or stages
 * (the task layer may use observable properties); the demo's own policy evaluator stays
 * independent of the app's engine in {@code policy/}; nothing below the UI imports the UI.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/pceworkbench");

    private static List<String> violations(String pkg, Pattern forbidden) throws IOException {
        Path dir = MAIN.resolve(pkg);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("import ") && forbidden.matcher(lines.get(i)).find()) {
                        out.add(MAIN.relativize(f) + ":" + (i + 1) + " " + lines.get(i));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void sourcesAreWhereTheTestLooks() {
        assertTrue(Files.isDirectory(MAIN.resolve("pce")), "run from the project root: " + Path.of("").toAbsolutePath());
    }

    @Test
    void pceClientHasNoJavaFx() throws IOException {
        assertEquals(List.of(), violations("pce", Pattern.compile("import (static )?javafx\\.")));
    }

    @Test
    void demoPolicyAndTaskNeverTouchControlsScenesOrStages() throws IOException {
        Pattern ui = Pattern.compile("import (static )?javafx\\.(scene|stage|application|controls|fxml)|org\\.controlsfx|atlantafx");
        List<String> all = new ArrayList<>();
        for (String pkg : List.of("demo", "policy", "task", "connection", "workspace")) {
            all.addAll(violations(pkg, ui));
        }
        assertEquals(List.of(), all);
    }

    @Test
    void demoAndPolicyDoNotUseJavaFxAtAll() throws IOException {
        List<String> all = new ArrayList<>();
        all.addAll(violations("demo", Pattern.compile("import (static )?javafx\\.")));
        all.addAll(violations("policy", Pattern.compile("import (static )?javafx\\.")));
        all.addAll(violations("workspace", Pattern.compile("import (static )?javafx\\.")));
        assertEquals(List.of(), all);
    }

    @Test
    void theDemoEvaluatorIsIndependentOfTheEngine() throws IOException {
        assertEquals(List.of(), violations("demo", Pattern.compile("import (static )?dev\\.pceworkbench\\.policy\\.")));
    }

    @Test
    void nothingBelowTheUiImportsIt() throws IOException {
        List<String> all = new ArrayList<>();
        for (String pkg : List.of("pce", "policy", "demo", "task", "connection", "workspace")) {
            all.addAll(violations(pkg, Pattern.compile("import (static )?dev\\.pceworkbench\\.(ui|app)\\.")));
        }
        assertEquals(List.of(), all);
    }
}
