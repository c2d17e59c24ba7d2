package org.carerelay.engine.forms;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Remembers, while a task is being completed, the values its caller sent. A task's completion
 * listener sees the whole case, values earlier steps left included; a form's "required" must be
 * answered by this submission, so {@link FormValidation} checks the values sent. Camunda's commands
 * keep them in a protected field, read here once per completion.
 */
final class SubmittedValues extends CommandInterceptor {

  private static final ThreadLocal<Deque<Map<String, Object>>> SENT = ThreadLocal.withInitial(ArrayDeque::new);
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  @Override
  public <T> T execute(Command<T> command) {
    Field sent = command instanceof CompleteTaskCmd ? COMPLETE_VARIABLES
        : command instanceof SubmitTaskFormCmd ? SUBMIT_VARIABLES : null;
    if (sent == null) {
      return next.execute(command);
    }
    SENT.get().push(read(sent, command));
    try {
      return next.execute(command);
    } finally {
      SENT.get().pop();
    }
  }

  /** The values sent with the task completion under way on this thread, if any. */
  static Optional<Map<String, Object>> current() {
    return Optional.ofNullable(SENT.get().peek());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Field field, Command<?> command) {
    try {
      Map<String, Object> values = (Map<String, Object>) field.get(command);
      return values == null ? Map.of() : values;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " no longer keeps '" + name + "'", e);
    }
  }
}
