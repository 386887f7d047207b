package nl.bluevitaal.casefile.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import nl.bluevitaal.privacy.TeamLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The teams a line manager leads, for the access policy's insight check: the teams of the employees whose line
 * manager they are (the employee record is the one source of who leads whom). Employees whose employment ended count
 * no longer: their team is not the manager's because of them.
 */
@Component
class CaseFileTeams implements TeamLookup {

  private final JdbcClient jdbc;

  CaseFileTeams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<Team> teamsLedBy(String lineManagerUserId) {
    return new LinkedHashSet<>(jdbc.sql("""
            select distinct unit, team from employee
             where line_manager_user_id = :m and employment_ended_on is null
             order by unit, team""")
        .param("m", lineManagerUserId)
        .query((rs, n) -> new Team(rs.getString(1), rs.getString(2)))
        .list());
  }
}
