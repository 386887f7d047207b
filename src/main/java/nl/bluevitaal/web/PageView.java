package nl.bluevitaal.web;

import org.springframework.ui.Model;

/**
 * A page that other modules contribute forms to. When such a form fails, its controller (in the contributing module)
 * shows the whole page again through {@link PageSections#show}, with its form state, without knowing the page's
 * owner: what was typed stays on the page, beside the message.
 */
public interface PageView {

  String page();

  /** Fills the model for this page (with the request's state for the sections) and returns the view name. */
  String render(PageSection.Request request, Model model);
}
