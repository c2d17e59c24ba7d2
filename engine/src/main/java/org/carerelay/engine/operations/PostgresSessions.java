package org.carerelay.engine.operations;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection of CareRelay's pool runs without PostgreSQL's JIT compiler. CareRelay's
 * queries are short, but a team's task list under authorization is estimated costly enough (above
 * {@code jit_above_cost}) that PostgreSQL compiled it each time: 32 ms of compiling for a query
 * that then ran in 40 ms (benchmark P2, 10,000 open and 100,000 finished hand-offs). Left alone
 * where the operator set the pool's {@code connection-init-sql} already; H2 is not touched.
 */
@Component
class PostgresSessions implements BeanPostProcessor {

  static final String SESSION_SETTINGS = "SET jit = off";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(SESSION_SETTINGS);
    }
    return bean;
  }
}
