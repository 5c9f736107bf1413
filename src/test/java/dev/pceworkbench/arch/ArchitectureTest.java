package dev.pceworkbench.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.pceworkbench.app.WorkbenchLauncher;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.pceworkbench.pce.http.SingleKeyManager;
import dev.pceworkbench.pce.http.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer rules of DESIGN.md, checked with ArchUnit on the compiled main classes (so a
 * fully-qualified name counts as much as an import). Each rule has a proof that it can fail: small
 * violating classes in the test sources ({@code ..archfixture..}, in the package the rule guards)
 * are imported on their own and the rule must report them.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.pceworkbench";

    private static final String MAIN_OUTPUT = mainOutput();

    /** The main classes only: the fixtures live in the test sources and never reach the main check. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ArchitectureTest::isMainOutput)
            .importPackages(ROOT);

    /**
     * ArchUnit's DO_NOT_INCLUDE_TESTS knows only {@code target/test-classes}; the build directory
     * can be elsewhere ({@code -Dbuild.dir}), so the main classes are also told apart by where the
     * application's own classes were loaded from.
     */
    private static boolean isMainOutput(Location location) {
        return location.asURI().toString().startsWith(MAIN_OUTPUT);
    }

    private static String mainOutput() {
        try {
            return WorkbenchLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JavaFX packages that make a class part of the UI (controls, scenes, stages, the application). */
    private static final String[] FX_UI = {
            "javafx.scene..", "javafx.stage..", "javafx.application..", "javafx.fxml..",
            "org.controlsfx..", "atlantafx.."};

    // --- the rules ----------------------------------------------------------------------------

    /** app → ui → workspace → connection → task → {policy, demo} → pce: a layer uses only layers below it. */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy(ROOT + ".app..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("workspace").definedBy(ROOT + ".workspace..")
            .layer("connection").definedBy(ROOT + ".connection..")
            .layer("task").definedBy(ROOT + ".task..")
            .layer("policy").definedBy(ROOT + ".policy..")
            .layer("demo").definedBy(ROOT + ".demo..")
            .layer("pce").definedBy(ROOT + ".pce..")
            .whereLayer("ui").mayOnlyAccessLayers("workspace", "connection", "task", "policy", "demo", "pce")
            .whereLayer("workspace").mayOnlyAccessLayers("connection", "task", "policy", "demo", "pce")
            .whereLayer("connection").mayOnlyAccessLayers("task", "policy", "demo", "pce")
            .whereLayer("task").mayOnlyAccessLayers("policy", "demo", "pce")
            .whereLayer("policy").mayOnlyAccessLayers("pce")
            .whereLayer("demo").mayOnlyAccessLayers("pce")
            .whereLayer("pce").mayNotAccessAnyLayer()
            .because("DESIGN.md: each layer may use only the layers below it; policy/ and demo/ sit side by side");

    /** A class outside every layer would escape all the rules here. */
    static final ArchRule EVERY_CLASS_IN_A_LAYER = classes().should().resideInAnyPackage(
                    ROOT + ".app..", ROOT + ".ui..", ROOT + ".workspace..", ROOT + ".connection..",
                    ROOT + ".task..", ROOT + ".policy..", ROOT + ".demo..", ROOT + ".pce..")
            .because("every class belongs to one layer of DESIGN.md");

    static final ArchRule BELOW_UI_NO_FX_UI = noClasses().that().resideInAnyPackage(
                    ROOT + ".pce..", ROOT + ".policy..", ROOT + ".demo..", ROOT + ".task..",
                    ROOT + ".connection..", ROOT + ".workspace..")
            .should().dependOnClassesThat().resideInAnyPackage(FX_UI)
            .because("below the UI nothing touches controls, scenes, stages or the FX application");

    static final ArchRule NO_JAVAFX_AT_ALL = noClasses().that().resideInAnyPackage(
                    ROOT + ".pce..", ROOT + ".policy..", ROOT + ".demo..", ROOT + ".workspace..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the PCE client, the policy engine, the demo PCE and the workspace have no JavaFX at all");

    /**
     * View models never see a control, a Stage, a Scene or a Node. What counts as view-model code:
     * every class under ui/ named {@code *ViewModel} or {@code *Model} (FeatureModel,
     * RuleFilterModel), and every ui class such a class uses, directly or through others — what a
     * view model relies on cannot be a view either.
     */
    static final ArchRule VIEW_MODELS_SEE_NO_VIEWS = noClasses().that(viewModelCode())
            .should().dependOnClassesThat(resideInAPackage("javafx.scene.control..")
                    .or(belongToAnyOf(javafx.stage.Stage.class, javafx.stage.Window.class, javafx.scene.Scene.class))
                    .or(assignableTo(javafx.scene.Node.class)))
            .because("DESIGN.md: a view model never sees a control, a Stage or a Scene");

    static final ArchRule UI_NOT_ON_HTTP = noClasses().that().resideInAPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".pce.http..")
            .because("the UI talks to the PCE through pce/api and the workspace, never through the HTTP transport");

    static final ArchRule POLICY_IS_PURE = classes().that().resideInAPackage(ROOT + ".policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".policy..", ROOT + ".pce.model..", "java..")
            .because("policy/ is pure logic on plain records: no I/O layer, no UI, no third-party code");

    static final ArchRule DEMO_POLICY_INDEPENDENT = noClasses().that().resideInAPackage(ROOT + ".demo.policy..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".policy..")
            .because("demo/policy is the independent second implementation the engine in policy/ is checked against");

    /** The demo PCE shares no model with the client: of pce/ it uses only the JSON codec and the TLS set-up. */
    static final ArchRule DEMO_USES_ONLY_JSON_AND_TLS = noClasses().that().resideInAPackage(ROOT + ".demo..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                    .and(not(resideInAnyPackage(ROOT + ".demo..", ROOT + ".pce.json..")))
                    .and(not(belongToAnyOf(TlsMaterial.class, SingleKeyManager.class))))
            .because("DESIGN.md: demo/ uses only pce's JSON and TLS set-up; drift is caught by fidelity tests");

    /** Classes named *ViewModel / *Model under ui/, and every ui class they reach through their dependencies. */
    private static DescribedPredicate<JavaClass> viewModelCode() {
        return new DescribedPredicate<>("are view-model code (ui classes named *Model, and the ui classes they use)") {
            @Override
            public boolean test(JavaClass c) {
                if (!inUi(c)) {
                    return false;
                }
                // walk back from c through the ui classes that use it, looking for a model
                Set<JavaClass> seen = new HashSet<>();
                Deque<JavaClass> todo = new ArrayDeque<>(List.of(c));
                while (!todo.isEmpty()) {
                    JavaClass next = todo.pop();
                    if (!seen.add(next)) {
                        continue;
                    }
                    if (isModel(next)) {
                        return true;
                    }
                    next.getDirectDependenciesToSelf().stream()
                            .map(d -> d.getOriginClass())
                            .filter(ArchitectureTest::inUi)
                            .forEach(todo::push);
                }
                return false;
            }
        };
    }

    private static boolean inUi(JavaClass c) {
        return c.getPackageName().equals(ROOT + ".ui") || c.getPackageName().startsWith(ROOT + ".ui.");
    }

    /** Named *ViewModel or *Model (nested classes count as their top-level class). */
    private static boolean isModel(JavaClass c) {
        String top = c.getName().replaceFirst("\\$.*", "");
        return top.endsWith("Model");
    }

    // --- the main check ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"app", "ui", "workspace", "connection", "task", "policy", "demo", "pce", "demo.policy", "pce.http", "pce.json", "pce.model"})
    void everyPackageARuleNamesHasClasses(String pkg) {
        assertTrue(hasClasses(MAIN, ROOT + "." + pkg), "no main classes in " + ROOT + "." + pkg + ": a rule over it would pass vacuously");
    }

    @Test
    void theMainCheckSeesNoTestClass() {
        assertFalse(MAIN.contain(ArchitectureTest.class), "test classes were imported as main classes");
        assertFalse(MAIN.contain(dev.pceworkbench.archfixture.Stray.class), "the fixtures were imported as main classes");
        assertTrue(MAIN.contain(WorkbenchLauncher.class));
    }

    @Test
    void aMissingPackageIsNoticed() {
        assertFalse(hasClasses(MAIN, ROOT + ".nosuchlayer"));
    }

    @Test
    void layers() {
        LAYERS.check(MAIN);
    }

    @Test
    void everyClassIsInALayer() {
        EVERY_CLASS_IN_A_LAYER.check(MAIN);
    }

    @Test
    void belowTheUiNothingTouchesControlsScenesOrStages() {
        BELOW_UI_NO_FX_UI.check(MAIN);
    }

    @Test
    void clientEnginesDemoAndWorkspaceHaveNoJavaFx() {
        NO_JAVAFX_AT_ALL.check(MAIN);
    }

    @Test
    void viewModelsSeeNoViews() {
        VIEW_MODELS_SEE_NO_VIEWS.check(MAIN);
    }

    @Test
    void uiDoesNotUseTheHttpTransport() {
        UI_NOT_ON_HTTP.check(MAIN);
    }

    @Test
    void policyUsesOnlyItselfTheModelRecordsAndTheJdk() {
        POLICY_IS_PURE.check(MAIN);
    }

    @Test
    void demoPolicyIsIndependentOfTheEngine() {
        DEMO_POLICY_INDEPENDENT.check(MAIN);
    }

    @Test
    void demoUsesOnlyPceJsonAndTls() {
        DEMO_USES_ONLY_JSON_AND_TLS.check(MAIN);
    }

    // --- every rule can fail ---------------------------------------------------------------------

    @Test
    void layersCanFail() {
        assertCaught(LAYERS, dev.pceworkbench.pce.archfixture.ReachesUp.class,
                dev.pceworkbench.policy.archfixture.UsesDemo.class);
    }

    @Test
    void everyClassIsInALayerCanFail() {
        assertCaught(EVERY_CLASS_IN_A_LAYER, dev.pceworkbench.archfixture.Stray.class);
    }

    @Test
    void belowTheUiNoFxUiCanFail() {
        assertCaught(BELOW_UI_NO_FX_UI, dev.pceworkbench.task.archfixture.TouchesStage.class);
    }

    @Test
    void noJavaFxAtAllCanFail() {
        assertCaught(NO_JAVAFX_AT_ALL, dev.pceworkbench.workspace.archfixture.UsesObservableList.class);
    }

    @Test
    void viewModelsSeeNoViewsCanFail() {
        assertCaught(VIEW_MODELS_SEE_NO_VIEWS, dev.pceworkbench.ui.archfixture.LeakyViewModel.class,
                dev.pceworkbench.ui.archfixture.WindowHelper.class);
    }

    @Test
    void uiNotOnHttpCanFail() {
        assertCaught(UI_NOT_ON_HTTP, dev.pceworkbench.ui.archfixture.UsesHttp.class);
    }

    @Test
    void policyIsPureCanFail() {
        assertCaught(POLICY_IS_PURE, dev.pceworkbench.policy.archfixture.ImportsJavaFx.class,
                dev.pceworkbench.policy.archfixture.UsesJson.class);
    }

    @Test
    void demoPolicyIndependentCanFail() {
        assertCaught(DEMO_POLICY_INDEPENDENT, dev.pceworkbench.demo.policy.archfixture.UsesEngine.class);
    }

    @Test
    void demoUsesOnlyJsonAndTlsCanFail() {
        assertCaught(DEMO_USES_ONLY_JSON_AND_TLS, dev.pceworkbench.demo.archfixture.SharesModel.class);
    }

    private static boolean hasClasses(JavaClasses classes, String pkg) {
        return classes.stream().anyMatch(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."));
    }

    /** Imports just {@code fixtures} and asserts that {@code rule} reports each of them. */
    private static void assertCaught(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), "the rule did not fail on " + List.of(fixtures));
        List<String> details = result.getFailureReport().getDetails();
        for (Class<?> f : fixtures) {
            assertTrue(details.stream().anyMatch(d -> d.contains(f.getName())),
                    "the rule did not name " + f.getName() + ": " + details);
        }
    }
}
