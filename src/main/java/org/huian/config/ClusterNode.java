package org.huian.config;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster ({@code huian.cluster.node-name}, env {@code HUIAN_NODE_NAME}).
 * The name becomes the engine's {@code hostname}, written to every job log entry
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}) and metric report, and the prefix of the job executor's lock
 * owner ({@code ACT_RU_JOB.LOCK_OWNER_} = name + ":" + a random suffix per start, so a restarted
 * node never looks like the incarnation that held a lock before a crash). Without a name Camunda's
 * defaults stay: hostname {@code <ip>$<engine>} (the same for two nodes on one machine) and a UUID.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  private final String name;

  ClusterNode(@Value("${huian.cluster.node-name:}") String name) {
    this.name = name == null ? "" : name.strip();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty()) {
      configuration.setHostname(name);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (!name.isEmpty() && jobExecutor != null) {
      jobExecutor.setLockOwner(name + ":" + UUID.randomUUID().toString().substring(0, 8));
    }
    log.info("cluster node {}: hostname {}, job lock owner {}", name.isEmpty() ? "(unnamed)" : name,
        configuration.getHostname(), jobExecutor == null ? "-" : jobExecutor.getLockOwner());
  }
}
