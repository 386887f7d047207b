package nl.bluevitaal.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A piece of a page contributed by another module, so a page that spans capabilities is composed rather than written
 * by a module that would have to know them all (and import the higher modules). The page owner names its slots; a
 * module's web package contributes a section to a slot as a bean. The signed-in person is the request's (every
 * contributor reads through its own module's services, with their access checks).
 */
public interface PageSection {

  /** Where the section goes, e.g. {@code home.main} or {@code case.actions}; see the page that owns the slot. */
  String slot();

  /** Place among the slot's sections, lowest first. */
  int order();

  /** The section for this page, or empty when there is nothing of it for this person. */
  Optional<Section> render(Request request);

  /** A section from a function, for a module that contributes a few as beans of one configuration. */
  static PageSection of(String slot, int order, Function<Request, Optional<Section>> render) {
    return new PageSection() {
      @Override
      public String slot() {
        return slot;
      }

      @Override
      public int order() {
        return order;
      }

      @Override
      public Optional<Section> render(Request request) {
        return render.apply(request);
      }
    };
  }

  /**
   * What the page knows: the case it is about (null for a page about no case) and, when the page is shown again
   * after a contributor's form failed, that contributor's form state under its own keys.
   */
  record Request(UUID caseId, Map<String, Object> state) {

    public Request {
      state = state == null ? Map.of() : Map.copyOf(state);
    }

    public static Request of(UUID caseId) {
      return new Request(caseId, Map.of());
    }
  }

  /**
   * The section to render: a Thymeleaf fragment of the contributing module ({@code journey/sections :: case-steps})
   * and the model it reads as {@code section.model}. {@code key} names it for the page (e.g. to say whether a
   * section is there).
   */
  record Section(String key, String fragment, Map<String, Object> model) {

    public Section {
      // A value may be null (nothing of it yet); the template says so.
      model = model == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(model));
      if (!fragment.contains(" :: ")) {
        throw new IllegalArgumentException("A fragment reads 'template :: name': " + fragment);
      }
    }

    /** The template the fragment is in, for {@code th:replace="~{${s.template} :: ${s.selector}}"}. */
    public String template() {
      return fragment.substring(0, fragment.indexOf(" :: "));
    }

    public String selector() {
      return fragment.substring(fragment.indexOf(" :: ") + 4);
    }
  }
}
