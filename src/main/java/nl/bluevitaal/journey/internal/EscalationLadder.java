package nl.bluevitaal.journey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import nl.bluevitaal.journey.NoSuchDecisionException;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The decision {@code EscalationLadder}: who takes a rung of a watched deadline and how long before the next rung. Its
 * answer depends on the table and its two inputs only (the milestone and the rung, a few dozen pairs), so each answer
 * is evaluated once per deployed version of the table and kept; a version the process owner deploys has an id of its
 * own and is read afresh, on every node, from its first use. A table whose rules read the clock or chance ({@code
 * now()}, {@code today()}, {@code random number()}) is evaluated on every question instead.
 *
 * <p>Not through the engine's decision service, on purpose: at the timer storm (3,000 deadlines missed at once) its
 * FEEL evaluation, which builds its context anew for every cell of the table, was the largest single cost of an
 * escalation (a fifth of a node's CPU), and the history rows it wrote per escalation are linked to no case, while the
 * watch's own variables ({@code escalationRung}, {@code escalateTo}, {@code daysToNextRung}) keep the same answer in
 * the case's process history.
 */
@Component
class EscalationLadder {

  /** FEEL functions whose answer changes from one evaluation to the next: a table that uses them is never kept. */
  private static final Pattern CHANGING = Pattern.compile("\\b(now|today|random\\s+number)\\s*\\(");

  private final RepositoryService repositoryService;
  private final CommandExecutor commands;
  private final DmnEngine dmn = FeelOnlyDmnEngine.build(List.of());
  private final Map<String, Version> versions = new ConcurrentHashMap<>();

  EscalationLadder(ProcessEngine engine) {
    this.repositoryService = engine.getRepositoryService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** The ladder's answer for a watched deadline and a rung (0: the warning ahead; 1 and up: after a miss). */
  JourneyWatches.Rung rungOf(String watch, int rung) {
    Version version = latest();
    if (!version.keep()) {
      return evaluate(version.decision(), watch, rung);
    }
    return version.answers().computeIfAbsent(watch + "#" + rung, k -> evaluate(version.decision(), watch, rung));
  }

  private JourneyWatches.Rung evaluate(DmnDecision decision, String watch, int rung) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue(Var.MILESTONE, watch).putValueTyped(Var.ESCALATION_RUNG, Variables.integerValue(rung)))
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("EscalationLadder has no rule for " + watch + " at rung " + rung);
    }
    Object days = result.getEntry(Var.DAYS_TO_NEXT_RUNG);
    return new JourneyWatches.Rung(result.getEntry(Var.ESCALATE_TO), days == null ? 7 : ((Number) days).intValue());
  }

  /**
   * The latest deployed version of the table, parsed once per version. Asked of the engine on every question, so a
   * new version counts at once on every node; by the engine's own short statement for it (as its decision service
   * does), not the general decision query, whose dynamic SQL cost more than anything else of ours per escalation
   * once FEEL was gone (7 % of a node's CPU in the storm).
   */
  private Version latest() {
    String key = ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER;
    String latest = commands.execute(context -> {
      DecisionDefinitionEntity definition = context.getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKey(key);
      return definition == null ? null : definition.getId();
    });
    if (latest == null) {
      throw new NoSuchDecisionException(key);
    }
    return versions.computeIfAbsent(latest, id -> {
      try (InputStream in = repositoryService.getDecisionModel(id)) {
        byte[] xml = in.readAllBytes();
        DmnDecision decision = dmn.parseDecision(key, new ByteArrayInputStream(xml));
        return new Version(decision, !CHANGING.matcher(new String(xml, StandardCharsets.UTF_8)).find(),
            new ConcurrentHashMap<>());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A deployed version of the table, whether its answers may be kept, and those kept. */
  private record Version(DmnDecision decision, boolean keep, Map<String, JourneyWatches.Rung> answers) {
  }
}
