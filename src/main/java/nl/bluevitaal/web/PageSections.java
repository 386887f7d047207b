package nl.bluevitaal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Collects what modules contribute to a page: the sections of a slot, and a page shown again by its owner for a
 * contributor whose form failed ({@link PageView}), with the contributor's form state.
 */
@Component
public class PageSections {

  private final ObjectProvider<PageSection> sections;
  private final ObjectProvider<PageView> views;

  PageSections(ObjectProvider<PageSection> sections, ObjectProvider<PageView> views) {
    this.sections = sections;
    this.views = views;
  }

  /** The sections of a slot for this person, in order; a section with nothing to show is left out. */
  public List<PageSection.Section> render(String slot, PageSection.Request request) {
    return sections.orderedStream().filter(s -> s.slot().equals(slot))
        .sorted(Comparator.comparingInt(PageSection::order))
        .map(s -> s.render(request)).flatMap(Optional::stream).toList();
  }

  /**
   * The page owned by another module, shown again with a contributor's form state (its form failed): the page's
   * view name, the model filled by the page's owner.
   */
  public String show(String page, PageSection.Request request, Model model) {
    return views.orderedStream().filter(v -> v.page().equals(page)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No page " + page))
        .render(request, model);
  }
}
