/**
 * Where the service reads "now" for deadlines: firing timers, remaining times, default report
 * windows. Injected so that tests can move time forward instead of waiting for hours; event
 * times (created, responded, changed) always come from the events themselves.
 */
export abstract class SlaTimeSource {
  abstract now(): Date;
}

export class SystemTimeSource extends SlaTimeSource {
  now(): Date {
    return new Date();
  }
}
