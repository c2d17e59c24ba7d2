package org.carerelay.engine.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code carerelay.models.*}: which BPMN, DMN and form resources CareRelay deploys at start-up.
 *
 * @param locations resource patterns, e.g. {@code classpath*:processes/**}{@code /*.bpmn}
 * @param deploymentName the name every CareRelay deployment carries
 * @param routing the region's routing table, a DMN with the decision {@code handover-routing}, kept
 *     beside its partner directory (e.g. {@code file:/etc/carerelay/handover-routing.dmn}); empty: none
 */
@Validated
@ConfigurationProperties("carerelay.models")
record ModelProperties(@NotEmpty List<String> locations, @NotBlank String deploymentName, String routing) {}
