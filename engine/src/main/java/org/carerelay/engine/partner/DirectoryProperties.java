package org.carerelay.engine.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carerelay.directory.*}.
 *
 * @param location the partner directory file, e.g. {@code file:/etc/carerelay/partners.yaml};
 *     empty means no directory is loaded (CareRelay warns at start-up)
 */
@ConfigurationProperties("carerelay.directory")
record DirectoryProperties(String location) {}
