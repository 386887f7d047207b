package nl.bluevitaal.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A sick report (ziekmelding) holds only what the employer side may register at that moment.
 * Nothing about the nature of the illness belongs here.
 */
public record SickReport(
    @NotNull UUID employeeId,
    @NotNull LocalDate firstSickDay,
    @Size(max = 64) String counsellorUserId,
    @Size(max = 64) String companyDoctorUserId) {
}
