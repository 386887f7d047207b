package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a step is offered to, for many steps at once. The engine's API reads candidates task by task
 * ({@code TaskService.getIdentityLinksForTask}: four statements per task with its checks), which made the task list
 * and every step completion pay per open step; this reads the engine's identity-link table once, read-only. The
 * table and its columns are the engine's documented schema (ACT_RU_IDENTITYLINK, the same on H2 and PostgreSQL).
 */
@Component
public class TaskCandidates {

  /** Candidate users and groups of one task. */
  public record Candidates(List<String> users, List<String> groups) {
  }

  private final JdbcClient jdbc;

  TaskCandidates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Map<String, Candidates> of(Collection<String> taskIds) {
    Map<String, List<String>> users = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    if (!taskIds.isEmpty()) {
      jdbc.sql("""
              select task_id_, user_id_, group_id_ from act_ru_identitylink
               where type_ = 'candidate' and task_id_ in (:tasks)
               order by task_id_, user_id_, group_id_""")
          .param("tasks", taskIds)
          .query(rs -> {
            String task = rs.getString(1);
            if (rs.getString(2) != null) {
              users.computeIfAbsent(task, t -> new ArrayList<>()).add(rs.getString(2));
            }
            if (rs.getString(3) != null) {
              groups.computeIfAbsent(task, t -> new ArrayList<>()).add(rs.getString(3));
            }
          });
    }
    Map<String, Candidates> candidates = new HashMap<>();
    for (String task : taskIds) {
      candidates.put(task, new Candidates(users.getOrDefault(task, List.of()), groups.getOrDefault(task, List.of())));
    }
    return candidates;
  }
}
