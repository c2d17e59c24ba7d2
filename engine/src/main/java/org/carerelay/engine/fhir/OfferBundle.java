package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * A search's offers, made into Tasks only for the page asked for: a team with thousands of open
 * offers pays for the 20 it reads, not for all of them.
 */
final class OfferBundle implements IBundleProvider {

  private final List<Offers.Offer> offers;
  private final Function<Offers.Offer, IBaseResource> task;
  /** When the search was answered, by the engine clock (as every time CareRelay records). */
  private final InstantType published = new InstantType(ClockUtil.getCurrentTime());

  OfferBundle(List<Offers.Offer> offers, Function<Offers.Offer, IBaseResource> task) {
    this.offers = offers;
    this.task = task;
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    return offers.subList(Math.min(fromIndex, offers.size()), Math.min(toIndex, offers.size())).stream()
        .map(task).toList();
  }

  @Override
  public String getUuid() {
    return null;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }

  @Override
  public Integer size() {
    return offers.size();
  }
}
