package nl.bluevitaal.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port implemented by the case file: finds and deletes case data whose retention period has passed. The retention
 * job ({@link RetentionJob}) decides the cut-off from configuration, calls {@link #expiredCases} and then
 * {@link #delete} per case, and records every deletion; implementations only touch their own tables.
 *
 * <p>The job runs the rules in the order {@link RetentionRule#MEDICAL_FILE}, {@link RetentionRule#REINTEGRATION_FILE},
 * {@link RetentionRule#ADMINISTRATIVE}, so the case row (A) is deleted last; an implementation of
 * {@code delete(caseId, ADMINISTRATIVE)} must still leave data alone that another rule keeps longer (the medical
 * file has no foreign key to the case for that reason).
 */
public interface RetentionTargets {

  /**
   * The cases holding data under {@code rule} whose reference date (see {@link RetentionRule}) lies strictly before
   * {@code cutoff}, oldest first, at most {@code limit}. A case whose data under this rule was already deleted is not
   * returned again (so the job terminates).
   */
  List<UUID> expiredCases(RetentionRule rule, OffsetDateTime cutoff, int limit);

  /**
   * Deletes the data of the domains of {@code rule} for this case, in the caller's transaction, and says what was
   * deleted: the number of rows per domain (only domains of the rule; zero or absent when there was nothing). Must
   * not throw when the data is already gone.
   */
  Map<Domain, Integer> delete(UUID caseId, RetentionRule rule);
}
