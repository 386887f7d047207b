package nl.bluevitaal.identity.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The engine's identity and authorization settings that no profile may leave out, so they are code rather than
 * properties: the guarded identity store, and variable values readable only with a permission of their own (a grant
 * to see a case's instances in Cockpit is no longer a grant to read what they hold; a task's own people keep reading
 * its variables, which the engine grants them per task).
 */
@Component
class EngineIdentityPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationEventPublisher events;

  EngineIdentityPlugin(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(GuardedIdentityProvider.factory(events::publishEvent));
    configuration.setEnforceSpecificVariablePermission(true);
  }
}
