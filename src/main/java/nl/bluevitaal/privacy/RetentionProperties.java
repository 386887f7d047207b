package nl.bluevitaal.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long case data is kept (docs/privacy.md): administrative absence data 2 years after employment ends, the
 * re-integration file 2 years after re-integration ends, the company doctor's medical file 20 years after its last
 * change. {@code cron} schedules the deletion job (Spring cron, default nightly at 02:30; {@code -} switches it off).
 */
@ConfigurationProperties("bluevitaal.retention")
public record RetentionProperties(Period administrative, Period reintegrationFile, Period medicalFile, String cron,
    Integer batchSize) {

  public static final String DEFAULT_CRON = "0 30 2 * * *";

  public RetentionProperties {
    administrative = administrative == null ? Period.ofYears(2) : administrative;
    reintegrationFile = reintegrationFile == null ? Period.ofYears(2) : reintegrationFile;
    medicalFile = medicalFile == null ? Period.ofYears(20) : medicalFile;
    cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron;
    batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    for (Period period : new Period[] {administrative, reintegrationFile, medicalFile}) {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("Retention periods must be positive, got " + period);
      }
    }
  }

  public Period periodOf(RetentionRule rule) {
    return switch (rule) {
      case ADMINISTRATIVE -> administrative;
      case REINTEGRATION_FILE -> reintegrationFile;
      case MEDICAL_FILE -> medicalFile;
    };
  }
}
