package org.carerelay.engine.time;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code carerelay.time.*}.
 *
 * @param zone the partnership's time zone: "today", the dates in case references, form headers and
 *     messages, and date-times typed without an offset are read in it
 * @param clockSkew how far in the future a time may lie and still count as "now" (the clocks of a
 *     ward's computer and of the server differ a little)
 */
@Validated
@ConfigurationProperties("carerelay.time")
record TimeProperties(@NotNull @DefaultValue("Europe/London") ZoneId zone,
    @NotNull @DefaultValue("PT5M") Duration clockSkew) {}
