package org.carerelay.engine.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR R4 endpoint, {@code /fhir/r4}, behind the same login as {@code /engine-rest}. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

  static final String PATH = "/fhir/r4";

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServer(FhirContext fhir, List<IResourceProvider> providers) {
    RestfulServer server = new RestfulServer(fhir);
    server.setServerName("CareRelay");
    server.setImplementationDescription("CareRelay: hand-offs between the partners of an end-of-life care partnership");
    server.setResourceProviders(providers);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPrettyPrint(false);
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(20);
    paging.setMaximumPageSize(100);
    server.setPagingProvider(paging);
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, PATH + "/*");
    registration.setName("fhir-r4");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
