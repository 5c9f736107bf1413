package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule search at a laptop's size (1280 × 800): the search for 161/udp of the screenshot
 * shows every rule the engine finds with no text cut without a tooltip, and each rule's effective
 * state as a chip with its icon (a rule of a disabled rule set reads "Disabled (rule set)").
 */
@ExtendWith(ApplicationExtension.class)
class RuleSearchLegibilityTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;
    FxTaskExecutor executor;
    RuleSearchViewModel model;
    Node root;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
        LaptopStage.reset();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", t -> { });
        model = new RuleSearchViewModel(workspace, executor, new RecordingDialogService(), navigator);
        root = new RuleSearchView(model).root();
        LaptopStage.show(stage, root, model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchFor161UdpIsReadableWithItsStates(FxRobot robot) throws Exception {
        List<RuleHit> expected = RuleSearch.builder().port(PortRange.of(17, 161)).build()
                .run(SearchDemo.index(workspace, "draft"));
        assertFalse(expected.isEmpty());
        robot.interact(() -> {
            model.form().portsProperty().set("161/udp");
            model.search();
        });
        FxTests.waitFor(30, () -> model.lastRequestProperty().get() != null && !model.busyProperty().get());
        TableView<RuleRow> table = robot.lookup("#resultsTable").queryAs(TableView.class);
        assertEquals(expected.stream().map(RuleHit::href).collect(Collectors.toSet()),
                table.getItems().stream().map(RuleRow::href).collect(Collectors.toSet()));
        LaptopStage.assertLegible(robot, root);

        Set<String> states = expected.stream().map(h -> RuleState.of(h).text()).collect(Collectors.toSet());
        List<Label> chips = robot.lookup("#resultsTable .status-chip").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(l -> l.getText() != null).toList();
        assertFalse(chips.isEmpty(), "the state column draws chips");
        for (Label chip : chips) {
            assertTrue(states.contains(chip.getText()), chip.getText() + " not in " + states);
            assertTrue(chip.getGraphic() instanceof FontIcon, "every state chip has its icon");
        }
    }
}
