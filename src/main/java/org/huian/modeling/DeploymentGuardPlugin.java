package org.huian.modeling;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/** Puts {@link DeploymentGuard} in front of the engine's own deployers. */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

  private final HuianModels models;
  private final BeanFactory beans;

  DeploymentGuardPlugin(HuianModels models, BeanFactory beans) {
    this.models = models;
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(0, new DeploymentGuard(models, beans));
    configuration.setCustomPreDeployers(pre);
  }
}
