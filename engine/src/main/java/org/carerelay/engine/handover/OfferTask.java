package org.carerelay.engine.handover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tells the partner's team that a request waits for it, the moment its task is created: the first
 * partner, a fallback, a partner the hub moved it to, or the same partner after the referrer
 * answered its question. The mail opens that task in Tasklist. A create listener of the
 * hand-off's respond task ({@code delegateExpression="${offerTask}"}).
 */
@Component("offerTask")
class OfferTask implements TaskListener {

  private final HandoverNotices notices;

  OfferTask(HandoverNotices notices) {
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    notices.offered(new Handoff(task.getExecution()), task.getId());
  }
}
