package dev.pceworkbench.ui.shell;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskRegistry;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The running tasks with their title, message, progress and a cancel button; opened from the
 * status bar's task indicator.
 */
final class TaskListView extends ListView<BackgroundTask<?>> {
    TaskListView(TaskRegistry registry) {
        super(registry.running());
        setId("taskList");
        setPrefSize(420, 260);
        setPlaceholder(new Label("No tasks running"));
        setCellFactory(v -> new TaskCell());
    }

    private static final class TaskCell extends ListCell<BackgroundTask<?>> {
        @Override
        protected void updateItem(BackgroundTask<?> task, boolean empty) {
            super.updateItem(task, empty);
            if (empty || task == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(task.title());
            title.setStyle("-fx-font-weight: bold;");
            Label message = new Label();
            message.textProperty().bind(task.messageProperty());
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(task.progressProperty());
            bar.setMaxWidth(Double.MAX_VALUE);
            Button cancel = new Button(null, new FontIcon(Material2AL.CANCEL));
            cancel.getStyleClass().add("flat");
            cancel.setOnAction(e -> task.cancel());
            cancel.setAccessibleText("Cancel " + task.title());
            VBox text = new VBox(2, title, message, bar);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, text, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("task-row");
            setGraphic(row);
        }
    }
}
