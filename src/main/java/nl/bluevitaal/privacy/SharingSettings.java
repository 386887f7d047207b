package nl.bluevitaal.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.internal.AuditRecorder;
import nl.bluevitaal.privacy.internal.SharingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's explicit, granular and revocable consent to share a voluntary domain (docs/privacy.md). Only the
 * employee of the case reads and changes it; a revocation takes effect at once for every later policy decision.
 */
@Service
@Transactional
public class SharingSettings {

  private static final Logger log = LoggerFactory.getLogger(SharingSettings.class);

  private final SharingRepository repository;
  private final AccessPolicy policy;
  private final AuditRecorder audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SharingSettings(SharingRepository repository, AccessPolicy policy, AuditRecorder audit, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the employee shares this now. No access check: a yes/no that other modules' own checks build on. */
  @Transactional(readOnly = true)
  public boolean isShared(UUID caseId, Domain domain, Audience audience) {
    return repository.isShared(caseId, domain, audience);
  }

  /** The settings of the actor's own case; anyone else is refused (404, or 403 when they may see the case). */
  @Transactional(readOnly = true)
  public Sharing get(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "sharing settings");
    return load(caseId);
  }

  /**
   * Applies the employee's changes when {@code expectedVersion} is still current, else throws
   * {@link StaleSharingException} with the current settings and nothing changed. Unchanged entries are ignored.
   *
   * @throws IllegalArgumentException for an option that does not exist (see {@link SharingOption#ALL}) or a
   *     duplicate (see {@link #problems})
   */
  public Sharing update(Actor actor, UUID caseId, int expectedVersion, List<SharingChange> changes) {
    validate(changes);
    CaseParties parties = policy.checkOwnFile(actor, caseId, Access.WRITE, "sharing settings");
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!repository.bumpVersion(caseId, expectedVersion, actor.userId(), now)) {
      throw new StaleSharingException(load(caseId), changes);
    }
    Sharing before = load(caseId);
    for (SharingChange change : changes) {
      if (before.isShared(change.domain(), change.audience()) == change.granted()) {
        continue;
      }
      repository.set(caseId, change, actor.userId(), now);
      String what = (change.granted() ? "shared " : "stopped sharing ") + describe(change);
      audit.recordWithCaller(actor.userId(), policy.roleOn(actor, parties), AuditAction.WRITE, change.domain(),
          caseId, what);
      log.info("Case {}: employee {}", caseId, what);
      events.publishEvent(new SharingChanged(caseId, change.domain(), change.audience(), change.granted()));
    }
    return load(caseId);
  }

  /** Retention of the re-integration file takes the consents along; returns the rows deleted. */
  int deleteCase(UUID caseId) {
    return repository.deleteCase(caseId);
  }

  static void validate(List<SharingChange> changes) {
    Map<String, String> problems = problems(changes);
    if (!problems.isEmpty()) {
      throw new InvalidSharingException(problems);
    }
  }

  /** Field path ({@code settings[i]}) to message for every change that cannot be applied; empty when all can. */
  private static Map<String, String> problems(List<SharingChange> changes) {
    Map<String, String> problems = new LinkedHashMap<>();
    Set<SharingOption> seen = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      SharingChange change = changes.get(i);
      SharingOption option = change == null ? null : new SharingOption(change.domain(), change.audience());
      if (option == null || !SharingOption.ALL.contains(option)) {
        problems.put("settings[" + i + "]", "cannot be shared; choose one of "
            + SharingOption.ALL.stream().map(SharingSettings::describe).toList());
      } else if (!seen.add(option)) {
        problems.put("settings[" + i + "]", "appears more than once");
      }
    }
    return problems;
  }

  private Sharing load(UUID caseId) {
    List<SharingSetting> stored = repository.current(caseId);
    List<SharingSetting> settings = SharingOption.ALL.stream()
        .map(option -> stored.stream()
            .filter(s -> s.domain() == option.domain() && s.audience() == option.audience()).findFirst()
            .orElse(new SharingSetting(option.domain(), option.audience(), false, null, null)))
        .toList();
    return new Sharing(caseId, repository.version(caseId), settings, repository.history(caseId));
  }

  private static String describe(SharingChange change) {
    return describe(new SharingOption(change.domain(), change.audience()));
  }

  private static String describe(SharingOption option) {
    return option.domain().name() + " with " + option.audience().name();
  }
}
