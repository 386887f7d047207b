package nl.bluevitaal.selfservice.homefront;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.lang.Nullable;

/**
 * What a naaste sees: the items the employee chose and nothing else. A field of an item that was not chosen is null
 * (or empty): the page cannot show what it was never given. {@code checkInDoneThisWeek}: yes or no, only when the
 * employee chose {@link HomeFrontItem#CHECK_IN_DONE}.
 */
public record HomeFrontView(String employeeFirstName, Set<HomeFrontItem> items, @Nullable Phase phase,
    @Nullable Milestone nextStep, @Nullable LocalDate nextStepOn, List<HomeFrontProperties.Contact> whomToCall,
    @Nullable Boolean checkInDoneThisWeek) {

  public HomeFrontView {
    items = Set.copyOf(items);
    whomToCall = List.copyOf(whomToCall);
  }

  public boolean shows(HomeFrontItem item) {
    return items.contains(item);
  }
}
