package nl.bluevitaal.modeling.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSection.Section;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the workbench adds to the home page: for a process owner, the link to the models under "your work" (slot
 * {@code home.work}). The fragment is in {@code templates/modeling/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class ModelingSections {

  @Bean
  PageSection homeModels(CurrentActor currentActor) {
    return PageSection.of("home.work", 30, request -> currentActor.get().isIn(Groups.PROCESS_OWNER)
        ? Optional.of(new Section("models", "modeling/sections :: home-models",
            Map.of("path", ModelsController.PATH)))
        : Optional.empty());
  }
}
