package dev.pceworkbench.ui.common;

import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceApiException.PceError;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real dialogs: confirmations default to Cancel, PCE refusals read in the PCE's words. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {
    FxDialogService dialogs;

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path settingsFolder;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
        dialogs = new FxDialogService(() -> stage, m -> {
        }, UiSettings.in(settingsFolder));
    }

    private CompletableFuture<Boolean> ask() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirm("Delete rule?", "Rule 3 of RS-Web will be deleted in draft.", "Delete rule")));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void enterCancelsADestructiveConfirmation(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        Button cancel = robot.lookup("#confirmCancel").queryButton();
        Button action = robot.lookup("#confirmAction").queryButton();
        assertEquals("Delete rule", action.getText(), "the action button says what it does");
        assertTrue(cancel.isDefaultButton());
        assertFalse(action.isDefaultButton());
        robot.type(KeyCode.ENTER);
        assertFalse(answer.get(5, TimeUnit.SECONDS), "Enter must not delete");
    }

    @Test
    void theActionButtonConfirms(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        robot.clickOn("#confirmAction");
        assertTrue(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aPceRefusalReadsInThePcesWordsWithTheTechnicalPartsInDetails() {
        PceApiException refusal = new PceApiException(406,
                List.of(new PceError("label_still_has_associated_rule_set", "Label is still used by rule set RS-Web")),
                "req-42", "DELETE", "/orgs/1/labels/7", null);
        String message = FxDialogService.userMessage(new RuntimeException("wrapped", refusal));
        assertEquals("Label is still used by rule set RS-Web", message);
        String details = FxDialogService.details(refusal);
        assertTrue(details.contains("HTTP 406 on DELETE /orgs/1/labels/7"), details);
        assertTrue(details.contains("label_still_has_associated_rule_set"), details);
        assertTrue(details.contains("Request id: req-42"), details);

        PceApiException tokenOnly = new PceApiException(406, List.of(new PceError("label_not_unique", null)),
                null, "POST", "/orgs/1/labels", null);
        assertEquals("Label not unique", FxDialogService.userMessage(tokenOnly), "a token without a message, in words");
    }
}
