package org.carerelay.engine.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partnership's time from {@code carerelay.time.*}; CareRelay's API reads date-times in JSON
 * bodies as forms do ({@link PartnershipTime#dateTime}): without an offset in the partnership's zone,
 * and a value it cannot read is refused with what was expected.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  PartnershipTime partnershipTime(TimeProperties properties) {
    return new PartnershipTime(properties.zone(), properties.clockSkew());
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer partnershipDateTimes(PartnershipTime time) {
    return builder -> builder.deserializerByType(OffsetDateTime.class, new DateTimes(time));
  }

  private static final class DateTimes extends StdScalarDeserializer<OffsetDateTime> {

    private final transient PartnershipTime time;

    DateTimes(PartnershipTime time) {
      super(OffsetDateTime.class);
      this.time = time;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      try {
        return time.dateTime(text == null ? "" : text);
      } catch (UnreadableTime e) {
        throw new InvalidFormatException(parser, e.getMessage(), text, OffsetDateTime.class);
      }
    }
  }
}
