package nl.bluevitaal.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A sick report (ziekmelding) holds only what the employer side may register at that moment.
 * Nothing about the nature of the illness belongs here: whether it is service-related is a yes or no, not a reason.
 */
public record SickReport(
    @NotNull UUID employeeId,
    @NotNull LocalDate firstSickDay,
    @Size(max = 64) String counsellorUserId,
    @Size(max = 64) String companyDoctorUserId,
    ServiceRelated serviceRelated) {

  public SickReport {
    serviceRelated = serviceRelated == null ? ServiceRelated.UNKNOWN : serviceRelated;
  }

  /** A report that does not (yet) say whether the illness is service-related. */
  public SickReport(UUID employeeId, LocalDate firstSickDay, String counsellorUserId, String companyDoctorUserId) {
    this(employeeId, firstSickDay, counsellorUserId, companyDoctorUserId, ServiceRelated.UNKNOWN);
  }
}
