package nl.bluevitaal.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewEmployee(
    @NotBlank @Size(max = 20) String personnelNumber,
    @NotBlank @Size(max = 200) String displayName,
    @Size(max = 64) String userId,
    @NotBlank @Size(max = 120) String unit,
    @NotBlank @Size(max = 120) String team,
    @Size(max = 64) String lineManagerUserId) {
}
