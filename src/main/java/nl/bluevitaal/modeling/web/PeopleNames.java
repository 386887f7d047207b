package nl.bluevitaal.modeling.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.ModelOverview;
import org.springframework.stereotype.Component;

/**
 * The names of the process owners a page mentions (who made a draft, saved a revision, proposed, approved, sent it
 * back): people by name, not by login. A login without an account is shown as it is.
 */
@Component
class PeopleNames {

  private final Accounts accounts;

  PeopleNames(Accounts accounts) {
    this.accounts = accounts;
  }

  Map<String, String> of(Stream<String> userIds) {
    Collection<String> ids = userIds.filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>(accounts.displayNames(ids));
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  Map<String, String> of(ModelOverview model) {
    return of(people(model));
  }

  static Stream<String> people(ModelOverview model) {
    return Stream.concat(model.versions().stream().flatMap(v -> Stream.of(v.proposedBy(), v.approvedBy())),
        model.openDrafts().stream().flatMap(PeopleNames::people));
  }

  static Stream<String> people(Draft draft) {
    return Stream.of(draft.createdBy(), draft.proposedBy(), draft.reviewedBy());
  }
}
