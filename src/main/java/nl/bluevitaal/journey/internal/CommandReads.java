package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * What one engine command reads of a case more than once, kept for that command only. A missed deadline's job asks
 * for the case's people three times (the notice, the step's candidate users, its candidate groups) and for the
 * deadline's day twice (the notice, the step's name); in a storm of thousands of deadlines at once every one of those
 * reads is a round trip to the database. Only reads that nothing in the same command changes go here: who escalates
 * and when the watched deadline falls.
 *
 * <p>The engine opens a {@link Session} per command and closes it with the command, so nothing outlives the
 * transaction that read it. Outside a command (a page, a test) the read goes to the database every time.
 */
@Component
class CommandReads extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return Reads.class;
      }

      @Override
      public Session openSession() {
        return new Reads();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The value for {@code key}, read once per command; {@code read} every time outside one. */
  @SuppressWarnings("unchecked")
  static <T> T once(String key, Supplier<T> read) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return read.get();
    }
    Map<String, Object> values = command.getSession(Reads.class).values;
    Object value = values.get(key);
    if (value == null) {
      value = Optional.ofNullable(read.get());
      values.put(key, value);
    }
    return ((Optional<T>) value).orElse(null);
  }

  /** The reads of one command. */
  static final class Reads implements Session {

    private final Map<String, Object> values = new HashMap<>();

    @Override
    public void flush() {
    }

    @Override
    public void close() {
      values.clear();
    }
  }
}
