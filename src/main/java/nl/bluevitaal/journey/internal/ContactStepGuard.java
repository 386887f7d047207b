package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.UUID;
import nl.bluevitaal.journey.ContactNotRecordedException;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine refuses to complete the step of a wish for contact ({@code Task_ContactEmployee} of the model
 * {@code ContactWish}) while its wish has no contact recorded: besides the steps API, which refuses it itself, Camunda
 * Tasklist and the engine's REST API could complete it, leaving the wish open for the employee and the file without
 * the contact moment. Recording the contact ({@code ContactWishes.close}) marks the wish first, in the same
 * transaction, so its completion passes.
 */
@Component
class ContactStepGuard extends AbstractProcessEnginePlugin {

  private final JdbcClient jdbc;

  ContactStepGuard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener guard = this::refuseUnlessRecorded;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (ContactWishProcess.TASK_CONTACT_EMPLOYEE.equals(activity.getId())
            && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && ContactWishProcess.PROCESS_KEY.equals(definition.getKey())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
        }
      }
    });
  }

  private void refuseUnlessRecorded(DelegateTask task) {
    String wishId = (String) task.getVariable(Var.CONTACT_WISH_ID);
    boolean recorded = wishId != null && jdbc.sql("select count(*) from contact_wish where id = :id"
        + " and contacted_at is not null").param("id", UUID.fromString(wishId)).query(Long.class).single() > 0;
    if (!recorded) {
      throw new ContactNotRecordedException(UUID.fromString((String) task.getVariable(Var.CASE_ID)), task.getId());
    }
  }
}
