package nl.bluevitaal.insight.web;

import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.insight.Shown;
import nl.bluevitaal.insight.WorkList;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.InsightScope;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSection.Section;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the heatmap, the work list and the lead's balance add to the home page under "your work" (slot
 * {@code home.work}): the heatmap for whoever may read the model's figures, the counsellor's work list with how many
 * of their cases miss something (through the gate), and the balance for the counsellors' lead. Whether a link shows
 * is the access policy's answer. The fragments are in {@code templates/insight/mine-sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class MyInsightSections {

  @Bean
  PageSection homeHeatmap(AccessPolicy policy, CurrentActor currentActor) {
    return PageSection.of("home.work", 40, request -> policy.permitsInsight(currentActor.get(), InsightScope.model())
        ? Optional.of(new Section("heatmap", "insight/mine-sections :: home-heatmap",
            Map.of("path", HeatmapController.PATH)))
        : Optional.empty());
  }

  @Bean
  PageSection homeWorkList(AccessPolicy policy, WorkList workList, CurrentActor currentActor) {
    return PageSection.of("home.work", 41, request -> {
      Actor actor = currentActor.get();
      if (!policy.permitsInsight(actor, InsightScope.counsellor(actor.userId()))) {
        return Optional.empty();
      }
      Shown missing = workList.counsellor(actor, actor.userId()).missingAny();
      return Optional.of(new Section("work-list", "insight/mine-sections :: home-work-list",
          Map.of("path", MyInsightController.PATH, "missing", missing)));
    });
  }

  @Bean
  PageSection homeLead(WorkList workList, CurrentActor currentActor) {
    return PageSection.of("home.work", 42, request -> workList.mayBalance(currentActor.get())
        ? Optional.of(new Section("lead", "insight/mine-sections :: home-lead", Map.of("path", LeadController.PATH)))
        : Optional.empty());
  }
}
