package nl.bluevitaal.journey.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.CheckInInput;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What the journey offers to its models, read from the code that offers it, so the model contract's allow-list never
 * drifts from it: the public methods of the beans the models call ({@link #OFFERED}), the delegate beans of
 * {@link JourneyDelegates}, the variables of {@link Var}, and the two objects the engine hands to an expression
 * ({@code execution}, {@code task}), of which a model may read only the business key.
 */
final class ModelVocabulary {

  /** The beans models call through expressions; every public method of these is meant for the models. */
  private static final List<Class<?>> OFFERED = List.of(JourneyDeadlines.class, JourneyPeople.class,
      JourneyWatches.class, JourneyCaseFile.class, JourneyContactWishes.class);

  /** The engine's own objects an expression may pass on to an offered method, and the properties it may read. */
  static final Map<String, Set<String>> ENGINE_OBJECTS = Map.of("execution", Set.of("processBusinessKey"),
      "task", Set.of());

  /**
   * The decision inputs a table may read: the journey's own facts about a case, none of them medical (a decision's
   * inputs become variables that employer-side roles can see). The check-in's inputs are the exception: domain E,
   * evaluated by {@code CamundaCheckInTriage} outside any process, so they never become variables.
   */
  static final Set<String> DECISION_INPUTS = Set.of(Var.MILESTONE, Var.ESCALATION_RUNG, Var.WORK_CONFLICT,
      Var.EXPECTED_ABSENCE_WEEKS, Var.RETURN_TO_OWN_WORK_REALISTIC, Var.DURABLE_FULL_INCAPACITY_EXPECTED,
      Var.WORK_CAPACITY_PCT, CheckInInput.INSTRUMENT, CheckInInput.SCORE_PCT);

  private static final Map<String, Map<String, Set<Integer>>> METHODS = methods();
  private static final Map<String, Set<String>> CASE_FIRST = caseFirst();
  private static final Set<String> DELEGATES = delegateBeans();
  private static final Set<String> VARIABLES = journeyVariables();

  private ModelVocabulary() {
  }

  /** Bean name to its offered methods, each with the numbers of arguments it takes. */
  static Map<String, Map<String, Set<Integer>>> beanMethods() {
    return METHODS;
  }

  /**
   * Offered methods whose first parameter is the case ({@code caseId}): a model passes the case it runs for, never a
   * fixed one, or one model could mark another case's deadline met. Read from the parameter names (the build compiles
   * with {@code -parameters}; {@code ModelContractTest} fails if it stops doing so).
   */
  static Map<String, Set<String>> caseFirstMethods() {
    return CASE_FIRST;
  }

  static Set<String> delegates() {
    return DELEGATES;
  }

  static Set<String> variables() {
    return VARIABLES;
  }

  static boolean isBean(String name) {
    return METHODS.containsKey(name) || DELEGATES.contains(name);
  }

  private static Map<String, Map<String, Set<Integer>>> methods() {
    Map<String, Map<String, Set<Integer>>> beans = new HashMap<>();
    for (Class<?> type : OFFERED) {
      String bean = type.getAnnotation(Component.class).value();
      Map<String, Set<Integer>> methods = new HashMap<>();
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
            && !method.isSynthetic()) {
          methods.computeIfAbsent(method.getName(), m -> new TreeSet<>()).add(method.getParameterCount());
        }
      }
      beans.put(bean, Map.copyOf(methods));
    }
    return Map.copyOf(beans);
  }

  private static Map<String, Set<String>> caseFirst() {
    Map<String, Set<String>> beans = new HashMap<>();
    for (Class<?> type : OFFERED) {
      Set<String> methods = new TreeSet<>();
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
            && method.getParameterCount() > 0
            && Var.CASE_ID.equals(method.getParameters()[0].getName())) {
          methods.add(method.getName());
        }
      }
      beans.put(type.getAnnotation(Component.class).value(), Set.copyOf(methods));
    }
    return Map.copyOf(beans);
  }

  private static Set<String> delegateBeans() {
    return Arrays.stream(JourneyDelegates.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Bean.class) && JavaDelegate.class.isAssignableFrom(m.getReturnType()))
        .map(Method::getName).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> journeyVariables() {
    Set<String> names = new TreeSet<>();
    for (Field field : Var.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
